package org.bridgeway.supervision.importing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.StaffDirectory;
import org.bridgeway.identity.StaffMember;
import org.bridgeway.identity.UserId;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.supervision.CaseId;
import org.bridgeway.supervision.PersonId;
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
import org.springframework.stereotype.Service;

/**
 * Imports people and their cases from the legacy case-management export, all or nothing (ADR 0012):
 * everything is checked first ({@link #validate}: each row by itself, the rows together, and
 * against the agency's records), every error is reported by row and column, and only a file without
 * any error is written ({@link #write}, in the caller's one transaction). People are matched by
 * agency id, so importing the same file again creates nobody twice; cases are matched by court and
 * docket number within the person.
 *
 * <p>Both passes read the file as a stream. The check keeps, per person of the file, the row that
 * first gave them and a fingerprint of their columns (to find a person given differently on another
 * row), and per case its key; not the rows themselves.
 */
@Service
class PeopleImport {

  static final String ACTION = "supervision.import";

  private final People people;
  private final Cases cases;
  private final DuplicateDetector duplicates;
  private final StaffDirectory staff;
  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final OfficeRecords offices;
  private final Clock clock;

  PeopleImport(
      People people,
      Cases cases,
      DuplicateDetector duplicates,
      StaffDirectory staff,
      JdbcClient jdbc,
      AuditTrail audit,
      OfficeRecords offices,
      Clock clock) {
    this.people = people;
    this.cases = cases;
    this.duplicates = duplicates;
    this.staff = staff;
    this.jdbc = jdbc;
    this.audit = audit;
    this.offices = offices;
    this.clock = clock;
  }

  /** A person of the file as the check remembers them. */
  private record SeenPerson(int firstRow, long[] fingerprint) {}

  /** A person as the write handled them: the record, and whether it was there before. */
  private record Handled(PersonId id, boolean existed) {}

  /** Counts rows as they are checked or written. */
  @FunctionalInterface
  interface RowProgress {
    void rows(int done);
  }

  /**
   * Checks every row of a file (that passed {@link PeopleCsv#precheck}) for the importer's agency,
   * adding every error found. Writes nothing.
   */
  void validate(
      Importer importer, byte[] bytes, LocalDate today, ImportErrors errors, RowProgress progress) {
    OrganizationId agency = importer.agency();
    Map<String, SeenPerson> seen = new HashMap<>();
    Map<String, String> stateIds = new HashMap<>();
    Map<String, Integer> caseRows = new HashMap<>();
    Map<String, Optional<UserId>> officers = new HashMap<>();
    int[] done = {0};
    PeopleCsv.scan(
        bytes,
        today,
        errors,
        (number, row, officer) -> {
          if (row != null) {
            check(agency, row, seen, stateIds, caseRows, today, errors);
          }
          if (officer != null && officer(agency, officer, officers).isEmpty()) {
            errors.add(
                number,
                PeopleCsv.OFFICER_EMAIL,
                "UnknownOfficer",
                "is not an active officer or supervisor of the agency");
          }
          progress.rows(++done[0]);
        });
  }

  /**
   * Checks a row against the rows before it: a person's columns must be the same on each of their
   * rows; a state id belongs to one person; a case (court and docket number) is given once. A
   * person's first row is also checked against the agency's records.
   */
  private void check(
      OrganizationId agency,
      Row row,
      Map<String, SeenPerson> seen,
      Map<String, String> stateIds,
      Map<String, Integer> caseRows,
      LocalDate today,
      ImportErrors errors) {
    PersonFields fields = row.person();
    String key = key(fields.agencyId());
    SeenPerson known = seen.get(key);
    if (known == null) {
      seen.put(key, new SeenPerson(row.row(), fingerprint(fields)));
      if (fields.stateId() != null) {
        String other = stateIds.putIfAbsent(key(fields.stateId()), fields.agencyId());
        if (other != null) {
          errors.add(
              row.row(),
              PeopleCsv.STATE_ID,
              "Duplicate",
              "another person of the file (agency id " + other + ") has this state id");
        }
      }
      checkAgainstRecords(agency, fields, row.row(), today, errors);
    } else {
      String differs = firstDifference(known.fingerprint(), fingerprint(fields));
      if (differs != null) {
        errors.add(
            row.row(),
            differs,
            "PersonDiffers",
            "differs from row "
                + known.firstRow()
                + " of the same agency id: a person's columns must be the same on each row");
        return;
      }
    }
    if (row.supervisionCase() != null) {
      CaseFields c = row.supervisionCase();
      Integer first =
          caseRows.putIfAbsent(key + "|" + caseKey(c.court(), c.docketNumber()), row.row());
      if (first != null) {
        errors.add(
            row.row(),
            PeopleCsv.DOCKET_NUMBER,
            "Duplicate",
            "row " + first + " gives the same case (court and docket number) of this person");
      }
    }
  }

  /** The columns compared between rows of one person, in the order reported. */
  private static final String[] PERSON_COLUMNS = {
    PeopleCsv.STATE_ID,
    PeopleCsv.GIVEN_NAME,
    PeopleCsv.MIDDLE_NAME,
    PeopleCsv.FAMILY_NAME,
    PeopleCsv.DATE_OF_BIRTH,
    PeopleCsv.GENDER,
    PeopleCsv.LANGUAGE,
    PeopleCsv.PHONE,
    PeopleCsv.EMAIL,
    PeopleCsv.ADDRESS_LINE1,
    PeopleCsv.ADDRESS_LINE2,
    PeopleCsv.CITY,
    PeopleCsv.STATE,
    PeopleCsv.POSTAL_CODE
  };

  /**
   * A 64-bit hash of each of a person's columns as rows are compared (state id by its key, email
   * without case), in the order of {@link #PERSON_COLUMNS}: what the check keeps of a person
   * instead of the row. Two different values hash alike with a chance of about 1 in 2^64.
   */
  private static long[] fingerprint(PersonFields f) {
    Object[] values = {
      key(f.stateId()),
      f.given(),
      f.middle(),
      f.family(),
      f.dateOfBirth(),
      f.gender(),
      f.language(),
      f.phone(),
      lower(f.email()),
      f.line1(),
      f.line2(),
      f.city(),
      f.state(),
      f.postalCode()
    };
    long[] hashes = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      hashes[i] = hash(values[i]);
    }
    return hashes;
  }

  /** FNV-1a over the value's text; null hashes apart from any text. */
  private static long hash(Object value) {
    if (value == null) {
      return 0;
    }
    String text = value instanceof Enum<?> constant ? constant.name() : value.toString();
    long hash = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      hash ^= text.charAt(i);
      hash *= 0x100000001b3L;
    }
    return hash == 0 ? 1 : hash;
  }

  /** The first column in which two rows of the same agency id give the person differently. */
  private static String firstDifference(long[] a, long[] b) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] != b[i]) {
        return PERSON_COLUMNS[i];
      }
    }
    return null;
  }

  private static boolean same(Object a, Object b) {
    return a == null ? b == null : a.equals(b);
  }

  /** An officer the file names, by email: an active officer or supervisor of the agency. */
  private Optional<UserId> officer(
      OrganizationId agency, String email, Map<String, Optional<UserId>> found) {
    return found.computeIfAbsent(
        email.toLowerCase(Locale.ROOT),
        address ->
            staff
                .findByEmail(address)
                .filter(member -> eligible(member, agency))
                .map(StaffMember::id));
  }

  private static boolean eligible(StaffMember member, OrganizationId agency) {
    return member.organization().equals(agency)
        && member.active()
        && (member.has(Role.OFFICER) || member.has(Role.SUPERVISOR));
  }

  /**
   * Matches a person of the file to the agency's records by agency id. A new person must not be a
   * likely duplicate of a person the agency has (the file should name them by agency id), and no
   * state id may belong to another person of the agency.
   */
  private void checkAgainstRecords(
      OrganizationId agency,
      PersonFields fields,
      int firstRow,
      LocalDate today,
      ImportErrors errors) {
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
            firstRow,
            PeopleCsv.STATE_ID,
            "Duplicate",
            "another person of the agency has this state id already");
      }
    }
    PersonDetails details =
        existing == null ? newDetails(fields, today) : updatedDetails(existing, fields, today);
    for (FieldViolation violation : details.violations(today)) {
      errors.add(firstRow, column(violation), violation.code(), violation.message());
    }
    // A state id another person has is reported as such, not again as a likely duplicate.
    if (existing == null && !stateIdTaken) {
      List<DuplicateCandidate> candidates = duplicates.candidates(agency, details, null);
      if (!candidates.isEmpty()) {
        errors.add(
            firstRow,
            PeopleCsv.AGENCY_ID,
            "LikelyDuplicate",
            "the agency may have this person already (record "
                + candidates.stream()
                    .map(candidate -> candidate.person().toString())
                    .collect(Collectors.joining(", "))
                + "): add this agency id to that record, or merge the records after the import");
      }
    }
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

  /**
   * Writes a file that {@link #validate} found without error, in the caller's transaction, and
   * audits it there.
   *
   * @param job the import job, named in the audit entry
   * @throws IllegalStateException if a row no longer passes its checks (the caller rolls back)
   */
  ImportReport write(
      Importer importer, UUID job, byte[] bytes, int rows, LocalDate today, RowProgress progress) {
    OrganizationId agency = importer.agency();
    Instant now = clock.instant();
    Map<String, Handled> handled = new HashMap<>();
    Map<String, Optional<UserId>> officers = new HashMap<>();
    int[] counts = new int[6];
    ImportErrors errors = new ImportErrors(1);
    PeopleCsv.scan(
        bytes,
        today,
        errors,
        (number, row, officerEmail) -> {
          if (row == null || errors.any()) {
            throw new IllegalStateException("row " + number + " no longer passes its checks");
          }
          PersonFields fields = row.person();
          Handled person =
              handled.computeIfAbsent(
                  key(fields.agencyId()), key -> writePerson(importer, fields, today, now, counts));
          CaseFields c = row.supervisionCase();
          if (c != null) {
            if (person.existed() && hasCase(person.id(), c)) {
              counts[4]++;
            } else {
              UserId officer =
                  officer(agency, c.officerEmail(), officers)
                      .orElseThrow(
                          () -> new IllegalStateException("row " + number + ": officer is gone"));
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
                      officer,
                      offices.homeOfficeOf(agency, officer),
                      importer.reference(),
                      now));
              counts[3]++;
            }
          }
          counts[5]++;
          progress.rows(counts[5]);
        });
    ImportReport report =
        new ImportReport(
            true, rows, counts[0], counts[1], counts[2], counts[3], counts[4], 0, List.of());
    audit.record(
        AuditEvent.success(ACTION)
            .withRecord(PeopleImportJobs.RECORD_TYPE, job)
            .withActor(importer)
            .withDetail("rows", Integer.toString(report.rows()))
            .withDetail("peopleCreated", Integer.toString(report.peopleCreated()))
            .withDetail("peopleUpdated", Integer.toString(report.peopleUpdated()))
            .withDetail("peopleUnchanged", Integer.toString(report.peopleUnchanged()))
            .withDetail("casesCreated", Integer.toString(report.casesCreated()))
            .withDetail("casesUnchanged", Integer.toString(report.casesUnchanged())));
    return report;
  }

  /** Enters or updates the person of a row the first time the file gives them. */
  private Handled writePerson(
      Importer importer, PersonFields fields, LocalDate today, Instant now, int[] counts) {
    OrganizationId agency = importer.agency();
    Person existing =
        holder(agency, IdentifierKind.AGENCY_ID, fields.agencyId())
            .flatMap(people::findById)
            .orElse(null);
    if (existing == null) {
      Person person =
          Person.enter(
              PersonId.random(), agency, newDetails(fields, today), importer.user(), today, now);
      people.save(person);
      counts[0]++;
      return new Handled(person.id(), false);
    }
    PersonDetails details = updatedDetails(existing, fields, today);
    if (existing.details().equals(details)) {
      counts[2]++;
    } else {
      existing.revise(details, today, now);
      people.save(existing);
      counts[1]++;
    }
    return new Handled(existing.id(), true);
  }

  /** Whether a person already has a case of the same court and docket number. */
  private boolean hasCase(PersonId person, CaseFields c) {
    String wanted = caseKey(c.court(), c.docketNumber());
    return jdbc.sql("SELECT court, docket_number FROM supervision_case WHERE person_id = ?")
        .param(person.value())
        .query((rs, n) -> caseKey(rs.getString(1), rs.getString(2)))
        .list()
        .contains(wanted);
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
