package org.bridgeway.supervision.person;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.shared.web.DomainRuleViolation;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.SupervisionInputRejected;
import org.bridgeway.supervision.access.CaseloadAccess;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Entering, reading, correcting and finding people on supervision. Every read of a record and every
 * change is audited in the same transaction (ids and codes only, never a name); a person the caller
 * does not see answers exactly like one that does not exist.
 */
@Service
public class PersonRecords {

  static final String RECORD_TYPE = "person";

  private final People people;
  private final DuplicateDetector duplicates;
  private final CaseloadAccess access;
  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;

  PersonRecords(
      People people,
      DuplicateDetector duplicates,
      CaseloadAccess access,
      JdbcClient jdbc,
      AuditTrail audit,
      Clock clock) {
    this.people = people;
    this.duplicates = duplicates;
    this.access = access;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Enters a person for the caller's agency.
   *
   * @param createAnyway enter the person even if the agency has likely duplicates (the caller has
   *     reviewed them)
   * @throws PossibleDuplicates if the agency has likely duplicates and the caller did not confirm
   * @throws SupervisionInputRejected if a field breaks a rule; nothing is written
   * @throws AccessDeniedException if the caller's organization is not a supervising agency
   */
  @Transactional(noRollbackFor = PossibleDuplicates.class)
  public Person enter(BridgewayPrincipal principal, PersonDetails details, boolean createAnyway) {
    if (principal.organizationKind() != OrganizationKind.PROBATION_AGENCY) {
      throw new AccessDeniedException("Only a supervising agency keeps people on supervision");
    }
    OrganizationId agency = principal.organization();
    LocalDate today = LocalDate.now(clock);
    rejectIfAny(details.violations(today));
    List<DuplicateCandidate> candidates = duplicates.candidates(agency, details, null);
    if (!candidates.isEmpty() && !createAnyway) {
      audit.record(
          AuditEvent.success("supervision.person.duplicate-check")
              .withDetail("candidates", Integer.toString(candidates.size())));
      throw new PossibleDuplicates(
          candidates.stream().map(candidate -> named(principal, candidate)).toList());
    }
    rejectIfAny(identifierClashes(agency, details, null));
    Instant now = clock.instant();
    Person person = Person.enter(PersonId.random(), agency, details, userOf(principal), today, now);
    save(person);
    AuditEvent entered =
        AuditEvent.success("supervision.person.create")
            .withRecord(RECORD_TYPE, person.id().value())
            .withPerson(person.id().value());
    if (!candidates.isEmpty()) {
      entered = entered.withDetail("duplicatesOverridden", Integer.toString(candidates.size()));
    }
    audit.record(entered);
    return person;
  }

  /**
   * A person's record, audited as a read. A refused read of a person of the caller's own agency
   * (not on the caller's caseload) is audited as denied; one of another agency is not, so that the
   * agency's audit trail never names another agency's people.
   *
   * @throws NotFoundException if there is no such person or the caller does not see them
   */
  @Transactional(noRollbackFor = NotFoundException.class)
  public Person read(BridgewayPrincipal principal, PersonId id) {
    Person person = people.findById(id).orElseThrow(() -> new NotFoundException(RECORD_TYPE));
    if (!access.sees(principal, id, person.organizationId())) {
      if (principal.belongsTo(person.organizationId())) {
        audit.record(
            AuditEvent.denied("supervision.person.read")
                .withRecord(RECORD_TYPE, id.value())
                .withPerson(id.value()));
      }
      throw new NotFoundException(RECORD_TYPE);
    }
    audit.record(
        AuditEvent.success("supervision.person.read")
            .withRecord(RECORD_TYPE, id.value())
            .withPerson(id.value()));
    return person;
  }

  /**
   * The person, if the caller sees them; not audited, for services that audit their own action.
   *
   * @throws NotFoundException if there is no such person or the caller does not see them
   */
  @Transactional(readOnly = true)
  public Person visible(BridgewayPrincipal principal, PersonId id) {
    Person person = people.findById(id).orElseThrow(() -> new NotFoundException(RECORD_TYPE));
    if (!access.sees(principal, id, person.organizationId())) {
      throw new NotFoundException(RECORD_TYPE);
    }
    return person;
  }

  /**
   * Replaces a person's details with a corrected version.
   *
   * @param version the version the caller's edit is based on
   * @throws OptimisticLockingFailureException if the record changed since the caller read it
   * @throws SupervisionInputRejected if a field breaks a rule; nothing is written
   */
  @Transactional
  public Person revise(
      BridgewayPrincipal principal, PersonId id, PersonDetails details, long version) {
    Person person = visible(principal, id);
    if (person.isMerged()) {
      throw merged();
    }
    if (person.version() != version) {
      throw new OptimisticLockingFailureException(
          "Person " + id + " is at version " + person.version() + ", not " + version);
    }
    LocalDate today = LocalDate.now(clock);
    List<FieldViolation> violations = new ArrayList<>(details.violations(today));
    violations.addAll(identifierClashes(person.organizationId(), details, id));
    rejectIfAny(violations);
    person.revise(details, today, clock.instant());
    save(person);
    audit.record(
        AuditEvent.success("supervision.person.update")
            .withRecord(RECORD_TYPE, id.value())
            .withPerson(id.value()));
    return person;
  }

  /**
   * The people the caller sees whose name or identifier matches the text, by family name.
   *
   * @param text a name or part of one, or an identifier; null or blank for everyone
   */
  @Transactional
  public PersonSearchResult search(
      BridgewayPrincipal principal, String text, long offset, int limit) {
    CaseloadAccess.Scope scope = CaseloadAccess.scopeOf(principal);
    StringBuilder where =
        new StringBuilder(
            " FROM supervision_person p WHERE "
                + CaseloadAccess.VISIBLE
                + " AND p.merged_into_id IS NULL");
    String key = text == null ? "" : NameKeys.key(text);
    String identifierKey = text == null ? "" : Identification.key(text.strip());
    List<String> matches = new ArrayList<>();
    if (!key.isEmpty()) {
      matches.add("(p.given_name_key || ' ' || p.family_name_key) LIKE '%' || :key || '%'");
      matches.add("(p.family_name_key || ' ' || p.given_name_key) LIKE '%' || :key || '%'");
      matches.add("p.family_name_key % :key");
      matches.add(
          "EXISTS (SELECT 1 FROM supervision_person_alias a"
              + " WHERE a.person_id = p.id AND a.family_name_key % :key)");
    }
    if (!identifierKey.isEmpty()) {
      matches.add(
          "EXISTS (SELECT 1 FROM supervision_person_identifier i"
              + " WHERE i.person_id = p.id AND i.value_key = :identifier)");
    }
    if (!matches.isEmpty()) {
      where.append(" AND (").append(String.join(" OR ", matches)).append(')');
    }
    // The page and the total are two statements: a count over the window of every match would
    // read (and sort) all of an agency's people for each page; the page alone follows the name
    // index and stops at the limit.
    List<PersonSummary> found =
        bind(
                jdbc.sql(
                    "SELECT p.id, p.given_name, p.middle_name, p.family_name, p.date_of_birth"
                        + where
                        + " ORDER BY p.family_name_key, p.given_name_key, p.id"
                        + " LIMIT :limit OFFSET :offset"),
                scope,
                key,
                identifierKey)
            .param("limit", limit)
            .param("offset", offset)
            .query(
                (rs, n) ->
                    new PersonSummary(
                        new PersonId(rs.getObject("id", UUID.class)),
                        new PersonName(
                            rs.getString("given_name"),
                            rs.getString("middle_name"),
                            rs.getString("family_name")),
                        rs.getObject("date_of_birth", LocalDate.class)))
            .list();
    long total =
        !found.isEmpty() && found.size() < limit
            ? offset + found.size()
            : bind(jdbc.sql("SELECT count(*)" + where), scope, key, identifierKey)
                .query(Long.class)
                .single();
    audit.record(
        AuditEvent.success("supervision.person.search")
            .withDetail("results", Integer.toString(found.size())));
    return new PersonSearchResult(found, total);
  }

  private static JdbcClient.StatementSpec bind(
      JdbcClient.StatementSpec statement,
      CaseloadAccess.Scope scope,
      String key,
      String identifierKey) {
    statement = statement.params(scope.parameters());
    if (!key.isEmpty()) {
      statement = statement.param("key", key);
    }
    if (!identifierKey.isEmpty()) {
      statement = statement.param("identifier", identifierKey);
    }
    return statement;
  }

  /** The answer to a change of a record that was merged into another: it changes no more. */
  public static DomainRuleViolation merged() {
    return new DomainRuleViolation(
        null,
        "supervision.person.merged",
        "The record was merged into another record of the same person and changes no more.");
  }

  private DuplicateCandidate named(BridgewayPrincipal principal, DuplicateCandidate candidate) {
    return people
        .findById(candidate.person())
        .filter(found -> access.sees(principal, found.id(), found.organizationId()))
        .map(
            found ->
                candidate.seenAs(new PersonSummary(found.id(), found.name(), found.dateOfBirth())))
        .orElse(candidate);
  }

  /** Identifiers of the details that another person of the agency already has. */
  private List<FieldViolation> identifierClashes(
      OrganizationId agency, PersonDetails details, PersonId self) {
    List<FieldViolation> clashes = new ArrayList<>();
    UUID excluded = self == null ? new UUID(0, 0) : self.value();
    for (int i = 0; i < details.identifiers().size(); i++) {
      Identification identifier = details.identifiers().get(i);
      boolean taken =
          jdbc.sql(
                  "SELECT EXISTS (SELECT 1 FROM supervision_person_identifier WHERE"
                      + " organization_id = ? AND kind = ? AND value_key = ? AND person_id <> ?)")
              .params(agency.value(), identifier.kind().name(), identifier.key(), excluded)
              .query(Boolean.class)
              .single();
      if (taken) {
        clashes.add(
            new FieldViolation(
                "identifiers[" + i + "].value",
                "Duplicate",
                "another person of the agency has this " + identifier.kind() + " already"));
      }
    }
    return clashes;
  }

  private void save(Person person) {
    try {
      people.save(person);
    } catch (DuplicateKeyException raced) {
      // Another request took the identifier between the check and the insert.
      throw SupervisionInputRejected.of(
          "identifiers", "Duplicate", "another person of the agency has one of these already");
    }
  }

  private static void rejectIfAny(List<FieldViolation> violations) {
    if (!violations.isEmpty()) {
      throw new SupervisionInputRejected(violations);
    }
  }

  private static org.bridgeway.identity.UserId userOf(BridgewayPrincipal principal) {
    return principal.user();
  }
}
