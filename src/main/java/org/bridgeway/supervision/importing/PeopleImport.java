package org.bridgeway.supervision.importing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.StaffDirectory;
import org.bridgeway.identity.StaffMember;
import org.bridgeway.identity.UserId;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.supervision.CaseId;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.access.CaseloadAccess;
import org.bridgeway.supervision.caseload.Cases;
import org.bridgeway.supervision.caseload.Offense;
import org.bridgeway.supervision.caseload.SupervisionCase;
import org.bridgeway.supervision.importing.PeopleCsv.CaseFields;
import org.bridgeway.supervision.importing.PeopleCsv.PersonFields;
import org.bridgeway.supervision.importing.PeopleCsv.Row;
import org.bridgeway.supervision.office.OfficeRecords;
import org.bridgeway.supervision.person.Address;
import org.bridgeway.supervision.person.ContactMethod;
import org.bridgeway.supervision.person.ContactPreferences;
import org.bridgeway.supervision.person.DuplicateCandidate;
import org.bridgeway.supervision.person.DuplicateDetector;
import org.bridgeway.supervision.person.Identification;
import org.bridgeway.supervision.person.IdentifierKind;
import org.bridgeway.supervision.person.People;
import org.bridgeway.supervision.person.Person;
import org.bridgeway.supervision.person.PersonDetails;
import org.bridgeway.supervision.person.PersonName;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports people and their cases from the legacy case-management export, all or nothing (ADR 0012):
 * everything is checked first (each row by itself, then the rows together, then against the
 * agency's records), every error is reported by row and column, and a file with any error writes
 * nothing. People are matched by agency id, so importing the same file again creates nobody twice;
 * cases are matched by court and docket number within the person.
 */
@Service
public class PeopleImport {

  static final String ACTION = "supervision.import";

  private final People people;
  private final Cases cases;
  private final DuplicateDetector duplicates;
  private final StaffDirectory staff;
  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final ImportProperties properties;
  private final OfficeRecords offices;
  private final Clock clock;

  PeopleImport(
      People people,
      Cases cases,
      DuplicateDetector duplicates,
      StaffDirectory staff,
      JdbcClient jdbc,
      AuditTrail audit,
      ImportProperties properties,
      OfficeRecords offices,
      Clock clock) {
    this.people = people;
    this.cases = cases;
    this.duplicates = duplicates;
    this.staff = staff;
    this.jdbc = jdbc;
    this.audit = audit;
    this.properties = properties;
    this.offices = offices;
    this.clock = clock;
  }

  /** A person of the file: the first row that gives them, and every row of theirs. */
  private record FilePerson(PersonFields fields, int firstRow, List<Row> rows) {}

  /** What the file means for one person, once checked against the agency's records. */
  private record Plan(FilePerson person, Person existing, PersonDetails details) {}

  /** The largest file accepted, in bytes. */
  public long maxFileBytes() {
    return properties.maxFileSize().toBytes();
  }

  public int maxRows() {
    return properties.maxRows();
  }

  /**
   * Imports a file for the caller's agency.
   *
   * @return what was written
   * @throws ImportRejected if anything in the file is wrong; nothing was written
   * @throws AccessDeniedException if the caller is not an administrator of a supervising agency
   */
  @Transactional(noRollbackFor = ImportRejected.class)
  public ImportReport importFile(BridgewayPrincipal principal, byte[] bytes) {
    OrganizationId agency = principal.organization();
    if (principal.organizationKind() != OrganizationKind.PROBATION_AGENCY
        || !CaseloadAccess.manages(principal, agency)) {
      throw new AccessDeniedException("Only a supervising agency's administrators import people");
    }
    ImportErrors errors = new ImportErrors(properties.maxReportedErrors());
    if (bytes.length > properties.maxFileSize().toBytes()) {
      errors.add(
          0,
          null,
          "TooLarge",
          "the file is larger than "
              + properties.maxFileSize().toMegabytes()
              + " MB: split it into smaller files");
      throw rejected(0, errors, true);
    }
    LocalDate today = LocalDate.now(clock);
    PeopleCsv.Parsed parsed;
    try {
      parsed = PeopleCsv.read(bytes, properties.maxRows(), today, errors);
    } catch (PeopleCsv.TooManyRows tooMany) {
      throw rejected(properties.maxRows() + 1, errors, true);
    }
    Map<String, FilePerson> byAgencyId = group(parsed.rows(), errors);
    Map<String, UserId> officers = officers(agency, parsed.officers(), errors);
    List<Plan> plans = plan(agency, byAgencyId, today, errors);
    if (errors.any()) {
      throw rejected(parsed.dataRows(), errors, false);
    }
    ImportReport report = write(principal, agency, plans, officers, parsed.dataRows(), today);
    audit.record(
        AuditEvent.success(ACTION)
            .withDetail("rows", Integer.toString(report.rows()))
            .withDetail("peopleCreated", Integer.toString(report.peopleCreated()))
            .withDetail("peopleUpdated", Integer.toString(report.peopleUpdated()))
            .withDetail("peopleUnchanged", Integer.toString(report.peopleUnchanged()))
            .withDetail("casesCreated", Integer.toString(report.casesCreated()))
            .withDetail("casesUnchanged", Integer.toString(report.casesUnchanged())));
    return report;
  }

  private ImportRejected rejected(int rows, ImportErrors errors, boolean tooLarge) {
    audit.record(
        AuditEvent.failure(ACTION)
            .withDetail("rows", Integer.toString(rows))
            .withDetail("errors", Integer.toString(errors.count())));
    return new ImportRejected(ImportReport.rejected(rows, errors.count(), errors.kept()), tooLarge);
  }

  /**
   * The file's people by agency id. A person's columns must be the same on each of their rows; a
   * state id belongs to one person; a case (court and docket number) is given once.
   */
  private static Map<String, FilePerson> group(List<Row> rows, ImportErrors errors) {
    Map<String, FilePerson> byAgencyId = new LinkedHashMap<>();
    Map<String, String> stateIds = new HashMap<>();
    Map<String, Integer> caseRows = new HashMap<>();
    for (Row row : rows) {
      PersonFields fields = row.person();
      String key = key(fields.agencyId());
      FilePerson known = byAgencyId.get(key);
      if (known == null) {
        known = new FilePerson(fields, row.row(), new ArrayList<>());
        byAgencyId.put(key, known);
        if (fields.stateId() != null) {
          String other = stateIds.putIfAbsent(key(fields.stateId()), key);
          if (other != null) {
            errors.add(
                row.row(),
                PeopleCsv.STATE_ID,
                "Duplicate",
                "another person of the file (agency id "
                    + byAgencyId.get(other).fields().agencyId()
                    + ") has this state id");
          }
        }
      } else {
        String differs = firstDifference(known.fields(), fields);
        if (differs != null) {
          errors.add(
              row.row(),
              differs,
              "PersonDiffers",
              "differs from row "
                  + known.firstRow()
                  + " of the same agency id: a person's columns must be the same on each row");
          continue;
        }
      }
      known.rows().add(row);
      if (row.supervisionCase() != null) {
        CaseFields c = row.supervisionCase();
        String caseKey = key + "|" + caseKey(c.court(), c.docketNumber());
        Integer first = caseRows.putIfAbsent(caseKey, row.row());
        if (first != null) {
          errors.add(
              row.row(),
              PeopleCsv.DOCKET_NUMBER,
              "Duplicate",
              "row " + first + " gives the same case (court and docket number) of this person");
        }
      }
    }
    return byAgencyId;
  }

  /** The first column in which two rows of the same agency id give the person differently. */
  private static String firstDifference(PersonFields a, PersonFields b) {
    Object[][] columns = {
      {PeopleCsv.STATE_ID, key(a.stateId()), key(b.stateId())},
      {PeopleCsv.GIVEN_NAME, a.given(), b.given()},
      {PeopleCsv.MIDDLE_NAME, a.middle(), b.middle()},
      {PeopleCsv.FAMILY_NAME, a.family(), b.family()},
      {PeopleCsv.DATE_OF_BIRTH, a.dateOfBirth(), b.dateOfBirth()},
      {PeopleCsv.GENDER, a.gender(), b.gender()},
      {PeopleCsv.LANGUAGE, a.language(), b.language()},
      {PeopleCsv.PHONE, a.phone(), b.phone()},
      {PeopleCsv.EMAIL, lower(a.email()), lower(b.email())},
      {PeopleCsv.ADDRESS_LINE1, a.line1(), b.line1()},
      {PeopleCsv.ADDRESS_LINE2, a.line2(), b.line2()},
      {PeopleCsv.CITY, a.city(), b.city()},
      {PeopleCsv.STATE, a.state(), b.state()},
      {PeopleCsv.POSTAL_CODE, a.postalCode(), b.postalCode()}
    };
    for (Object[] column : columns) {
      if (!same(column[1], column[2])) {
        return (String) column[0];
      }
    }
    return null;
  }

  private static boolean same(Object a, Object b) {
    return a == null ? b == null : a.equals(b);
  }

  /** The officers the file names, by email: active officers or supervisors of the agency. */
  private Map<String, UserId> officers(
      OrganizationId agency, List<PeopleCsv.OfficerReference> references, ImportErrors errors) {
    Map<String, Optional<UserId>> found = new HashMap<>();
    for (PeopleCsv.OfficerReference reference : references) {
      String email = reference.email().toLowerCase(Locale.ROOT);
      Optional<UserId> officer =
          found.computeIfAbsent(
              email,
              address ->
                  staff
                      .findByEmail(address)
                      .filter(member -> eligible(member, agency))
                      .map(StaffMember::id));
      if (officer.isEmpty()) {
        errors.add(
            reference.row(),
            PeopleCsv.OFFICER_EMAIL,
            "UnknownOfficer",
            "is not an active officer or supervisor of the agency");
      }
    }
    Map<String, UserId> officers = new HashMap<>();
    found.forEach((email, officer) -> officer.ifPresent(id -> officers.put(email, id)));
    return officers;
  }

  private static boolean eligible(StaffMember member, OrganizationId agency) {
    return member.organization().equals(agency)
        && member.active()
        && (member.has(Role.OFFICER) || member.has(Role.SUPERVISOR));
  }

  /**
   * Matches each person of the file to the agency's records by agency id. A new person must not be
   * a likely duplicate of a person the agency has (the file should name them by agency id), and no
   * state id may belong to another person of the agency.
   */
  private List<Plan> plan(
      OrganizationId agency,
      Map<String, FilePerson> byAgencyId,
      LocalDate today,
      ImportErrors errors) {
    List<Plan> plans = new ArrayList<>();
    for (FilePerson filePerson : byAgencyId.values()) {
      PersonFields fields = filePerson.fields();
      Person existing =
          holder(agency, IdentifierKind.AGENCY_ID, fields.agencyId())
              .flatMap(people::findById)
              .orElse(null);
      boolean stateIdTaken = false;
      if (fields.stateId() != null) {
        Optional<PersonId> holder = holder(agency, IdentifierKind.STATE_ID, fields.stateId());
        if (holder.isPresent() && (existing == null || !holder.get().equals(existing.id()))) {
          stateIdTaken = true;
          errors.add(
              filePerson.firstRow(),
              PeopleCsv.STATE_ID,
              "Duplicate",
              "another person of the agency has this state id already");
        }
      }
      PersonDetails details =
          existing == null ? newDetails(fields, today) : updatedDetails(existing, fields, today);
      for (FieldViolation violation : details.violations(today)) {
        errors.add(filePerson.firstRow(), column(violation), violation.code(), violation.message());
      }
      // A state id another person has is reported as such, not again as a likely duplicate.
      if (existing == null && !stateIdTaken) {
        List<DuplicateCandidate> candidates = duplicates.candidates(agency, details, null);
        if (!candidates.isEmpty()) {
          errors.add(
              filePerson.firstRow(),
              PeopleCsv.AGENCY_ID,
              "LikelyDuplicate",
              "the agency may have this person already (record "
                  + candidates.stream()
                      .map(candidate -> candidate.person().toString())
                      .collect(Collectors.joining(", "))
                  + "): add this agency id to that record, or merge the records after the import");
        }
      }
      plans.add(new Plan(filePerson, existing, details));
    }
    return plans;
  }

  private Optional<PersonId> holder(OrganizationId agency, IdentifierKind kind, String value) {
    return jdbc.sql(
            "SELECT person_id FROM supervision_person_identifier"
                + " WHERE organization_id = ? AND kind = ? AND value_key = ?")
        .params(agency.value(), kind.name(), key(value))
        .query(UUID.class)
        .optional()
        .map(PersonId::new);
  }

  private ImportReport write(
      BridgewayPrincipal principal,
      OrganizationId agency,
      List<Plan> plans,
      Map<String, UserId> officers,
      int rows,
      LocalDate today) {
    Instant now = clock.instant();
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    int casesCreated = 0;
    int casesUnchanged = 0;
    for (Plan plan : plans) {
      Person person;
      if (plan.existing() == null) {
        person =
            Person.enter(PersonId.random(), agency, plan.details(), principal.user(), today, now);
        people.save(person);
        created++;
      } else if (plan.existing().details().equals(plan.details())) {
        person = plan.existing();
        unchanged++;
      } else {
        person = plan.existing();
        person.revise(plan.details(), today, now);
        people.save(person);
        updated++;
      }
      Set<String> known =
          plan.existing() == null
              ? Set.of()
              : cases.findByPersonIdOrderByStartDateDesc(person.id()).stream()
                  .map(c -> caseKey(c.court(), c.docketNumber()))
                  .collect(Collectors.toSet());
      for (Row row : plan.person().rows()) {
        CaseFields c = row.supervisionCase();
        if (c == null) {
          continue;
        }
        if (known.contains(caseKey(c.court(), c.docketNumber()))) {
          casesUnchanged++;
          continue;
        }
        cases.save(
            SupervisionCase.open(
                CaseId.random(),
                agency,
                person.id(),
                new SupervisionCase.Terms(
                    c.type(),
                    c.court(),
                    c.docketNumber(),
                    c.startDate(),
                    c.expectedEndDate(),
                    c.level(),
                    List.of(new Offense(c.offenseCategory(), c.offenseDescription()))),
                officers.get(c.officerEmail().toLowerCase(Locale.ROOT)),
                offices.homeOfficeOf(
                    agency, officers.get(c.officerEmail().toLowerCase(Locale.ROOT))),
                principal.reference(),
                now));
        casesCreated++;
      }
    }
    return new ImportReport(
        true, rows, created, updated, unchanged, casesCreated, casesUnchanged, 0, List.of());
  }

  private static PersonDetails newDetails(PersonFields fields, LocalDate today) {
    List<Identification> identifiers = new ArrayList<>();
    identifiers.add(new Identification(IdentifierKind.AGENCY_ID, fields.agencyId()));
    if (fields.stateId() != null) {
      identifiers.add(new Identification(IdentifierKind.STATE_ID, fields.stateId()));
    }
    return new PersonDetails(
        new PersonName(fields.given(), fields.middle(), fields.family()),
        List.of(),
        fields.dateOfBirth(),
        identifiers,
        fields.gender(),
        Set.of(),
        null,
        fields.language(),
        false,
        fields.hasAddress() ? List.of(address(fields, today)) : List.of(),
        new ContactPreferences(fields.phone(), fields.email(), ContactMethod.NONE, null),
        null);
  }

  /**
   * The existing record with the file's columns applied. A blank optional cell keeps what the
   * record has (an import never erases); a new address becomes the current one from today and ends
   * the one before.
   */
  private static PersonDetails updatedDetails(
      Person existing, PersonFields fields, LocalDate today) {
    PersonDetails old = existing.details();
    List<Identification> identifiers = new ArrayList<>(old.identifiers());
    boolean sameStateId =
        old.identifiers().stream()
            .anyMatch(
                identifier ->
                    identifier.kind() == IdentifierKind.STATE_ID
                        && identifier.key().equals(key(fields.stateId())));
    if (fields.stateId() != null && !sameStateId) {
      identifiers.removeIf(identifier -> identifier.kind() == IdentifierKind.STATE_ID);
      identifiers.add(new Identification(IdentifierKind.STATE_ID, fields.stateId()));
    }
    List<Address> addresses = new ArrayList<>(old.addresses());
    if (fields.hasAddress()) {
      Address current = old.currentAddress();
      Address given = address(fields, today);
      if (current == null || !sameAddress(current, given)) {
        if (current != null) {
          addresses.remove(current);
          LocalDate end = current.validFrom().isAfter(today) ? current.validFrom() : today;
          addresses.add(
              new Address(
                  current.line1(),
                  current.line2(),
                  current.city(),
                  current.state(),
                  current.postalCode(),
                  current.validFrom(),
                  end));
        }
        addresses.add(given);
      }
    }
    ContactPreferences contact = old.contact();
    return new PersonDetails(
        new PersonName(
            fields.given(),
            fields.middle() == null ? old.name().middle() : fields.middle(),
            fields.family()),
        old.aliases(),
        fields.dateOfBirth(),
        identifiers,
        fields.gender() == null ? old.gender() : fields.gender(),
        old.races(),
        old.ethnicity(),
        fields.language() == null ? old.preferredLanguage() : fields.language(),
        old.interpreterNeeded(),
        addresses,
        new ContactPreferences(
            fields.phone() == null ? contact.phone() : fields.phone(),
            fields.email() == null ? contact.email() : fields.email(),
            contact.method(),
            contact.quietHours()),
        old.emergencyContact());
  }

  private static boolean sameAddress(Address a, Address b) {
    return a.line1().equalsIgnoreCase(b.line1())
        && same(lower(a.line2()), lower(b.line2()))
        && a.city().equalsIgnoreCase(b.city())
        && a.state().equals(b.state())
        && a.postalCode().equals(b.postalCode());
  }

  private static String lower(String text) {
    return text == null ? null : text.toLowerCase(Locale.ROOT);
  }

  private static Address address(PersonFields fields, LocalDate today) {
    return new Address(
        fields.line1(),
        fields.line2(),
        fields.city(),
        fields.state(),
        fields.postalCode(),
        today,
        null);
  }

  /** The CSV column a rule of {@link PersonDetails} names by its JSON path. */
  private static String column(FieldViolation violation) {
    String field = violation.field();
    if (field.startsWith("dateOfBirth")) {
      return PeopleCsv.DATE_OF_BIRTH;
    }
    if (field.startsWith("identifiers")) {
      return PeopleCsv.STATE_ID;
    }
    if (field.startsWith("addresses")) {
      return PeopleCsv.ADDRESS_LINE1;
    }
    if (field.startsWith("contact.phone")) {
      return PeopleCsv.PHONE;
    }
    if (field.startsWith("contact.email")) {
      return PeopleCsv.EMAIL;
    }
    return null;
  }

  private static String key(String identifier) {
    return identifier == null
        ? null
        : new Identification(IdentifierKind.AGENCY_ID, identifier).key();
  }

  private static String caseKey(String court, String docket) {
    return court.strip().toLowerCase(Locale.ROOT) + "|" + key(docket);
  }
}
