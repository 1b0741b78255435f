package org.bridgeway.supervision.merge;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.SupervisionInputRejected;
import org.bridgeway.supervision.access.CaseloadAccess;
import org.bridgeway.supervision.caseload.Cases;
import org.bridgeway.supervision.caseload.SupervisionCase;
import org.bridgeway.supervision.person.DuplicateDetector;
import org.bridgeway.supervision.person.People;
import org.bridgeway.supervision.person.Person;
import org.bridgeway.supervision.person.PersonDetails;
import org.bridgeway.supervision.person.PersonRecords;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reviewed merge of two records of one person of an agency (ADR 0012): the reviewer reads both
 * side by side, chooses the record that survives and says why; the other record's cases,
 * identifiers, names (as aliases) and addresses (as history) move to the survivor, and the other
 * record is kept, marked as merged into the survivor, in one transaction. Both records must be at
 * the versions the reviewer read. Also lists the likely duplicates among the agency's records.
 */
@Service
public class PersonMerges {

  static final String RECORD_TYPE = "person";

  /** The most likely-duplicate pairs listed for review at once. */
  static final int MAX_PAIRS = 100;

  private final PersonRecords records;
  private final People people;
  private final Cases cases;
  private final DuplicateDetector duplicates;
  private final CaseloadAccess access;
  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;

  PersonMerges(
      PersonRecords records,
      People people,
      Cases cases,
      DuplicateDetector duplicates,
      CaseloadAccess access,
      JdbcClient jdbc,
      AuditTrail audit,
      Clock clock) {
    this.records = records;
    this.people = people;
    this.cases = cases;
    this.duplicates = duplicates;
    this.access = access;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /** Two records side by side, each with its cases. */
  public record Review(
      Person first,
      List<SupervisionCase> firstCases,
      Person second,
      List<SupervisionCase> secondCases) {

    /** One record of the two, with its cases, for a page that shows them side by side. */
    public record Side(String key, Person person, List<SupervisionCase> cases) {}

    public List<Side> sides() {
      return List.of(new Side("first", first, firstCases), new Side("second", second, secondCases));
    }
  }

  /** The outcome of a merge. */
  public record Merged(Person survivor, PersonId merged, int casesMoved) {}

  /** Two records of the agency that may be one person. */
  public record Pair(Person first, Person second, DuplicateDetector.LikelyPair match) {}

  /**
   * Both records with their cases, for review; audited as a read of each.
   *
   * @throws NotFoundException if either record is missing or not seen by the caller, or both ids
   *     are the same record
   */
  @Transactional
  public Review review(BridgewayPrincipal principal, PersonId first, PersonId second) {
    if (first.equals(second)) {
      throw new NotFoundException(RECORD_TYPE);
    }
    Person a = records.visible(principal, first);
    Person b = records.visible(principal, second);
    for (Person person : List.of(a, b)) {
      audit.record(
          AuditEvent.success("supervision.person.merge-review")
              .withRecord(RECORD_TYPE, person.id().value())
              .withPerson(person.id().value()));
    }
    return new Review(
        a,
        cases.findByPersonIdOrderByStartDateDesc(a.id()),
        b,
        cases.findByPersonIdOrderByStartDateDesc(b.id()));
  }

  /**
   * Merges the other record into the survivor.
   *
   * @param survivorVersion the version of the survivor the reviewer read
   * @param otherVersion the version of the other record the reviewer read
   * @throws NotFoundException if either record is missing or not seen by the caller
   * @throws SupervisionInputRejected if both are the same record or there is no reason
   * @throws org.bridgeway.shared.web.DomainRuleViolation if either record was merged already
   * @throws OptimisticLockingFailureException if either record changed since the reviewer read it
   */
  @Transactional
  public Merged merge(
      BridgewayPrincipal principal,
      PersonId survivorId,
      PersonId otherId,
      String reason,
      long survivorVersion,
      long otherVersion) {
    if (survivorId.equals(otherId)) {
      throw SupervisionInputRejected.of(
          "otherId", "SameRecord", "must be another record than the survivor");
    }
    Person survivor = records.visible(principal, survivorId);
    Person other = records.visible(principal, otherId);
    if (reason == null || reason.isBlank()) {
      throw SupervisionInputRejected.of("reason", "Required", "is required");
    }
    if (survivor.isMerged() || other.isMerged()) {
      throw PersonRecords.merged();
    }
    if (survivor.version() != survivorVersion) {
      throw stale(survivor, survivorVersion);
    }
    if (other.version() != otherVersion) {
      throw stale(other, otherVersion);
    }
    Instant now = clock.instant();
    LocalDate today = LocalDate.now(clock);
    // The other record gives up its identifiers first: an identifier belongs to one record.
    PersonDetails handedOver =
        other.mergeInto(survivor, principal.reference(), reason.strip(), now);
    people.save(other);
    survivor.absorb(handedOver, today, now);
    people.save(survivor);
    int moved =
        jdbc.sql(
                "UPDATE supervision_case SET person_id = :survivor, version = version + 1"
                    + " WHERE person_id = :other")
            .param("survivor", survivorId.value())
            .param("other", otherId.value())
            .update();
    audit.record(
        AuditEvent.success("supervision.person.merge")
            .withRecord(RECORD_TYPE, survivorId.value())
            .withPerson(survivorId.value())
            .withDetail("merged", otherId.toString())
            .withDetail("casesMoved", Integer.toString(moved)));
    audit.record(
        AuditEvent.success("supervision.person.merged-into")
            .withRecord(RECORD_TYPE, otherId.value())
            .withPerson(otherId.value())
            .withDetail("survivor", survivorId.toString()));
    return new Merged(people.findById(survivorId).orElseThrow(), otherId, moved);
  }

  /**
   * The likely duplicates among the agency's records that the caller sees both of, best first;
   * audited with their number.
   */
  @Transactional
  public List<Pair> likelyDuplicates(BridgewayPrincipal principal) {
    CaseloadAccess.Scope scope = CaseloadAccess.scopeOf(principal);
    List<DuplicateDetector.LikelyPair> found =
        duplicates.likelyPairs(principal.organization(), MAX_PAIRS);
    Set<PersonId> ids = new HashSet<>();
    found.forEach(
        pair -> {
          ids.add(pair.first());
          ids.add(pair.second());
        });
    Map<PersonId, Person> byId =
        people.findAllById(ids).stream().collect(Collectors.toMap(Person::id, Function.identity()));
    List<Pair> pairs = new ArrayList<>();
    for (DuplicateDetector.LikelyPair pair : found) {
      Person a = byId.get(pair.first());
      Person b = byId.get(pair.second());
      if (a != null && b != null && (scope.all() || (sees(principal, a) && sees(principal, b)))) {
        pairs.add(new Pair(a, b, pair));
      }
    }
    audit.record(
        AuditEvent.success("supervision.person.duplicates")
            .withDetail("pairs", Integer.toString(pairs.size())));
    return pairs;
  }

  private boolean sees(BridgewayPrincipal principal, Person person) {
    return access.sees(principal, person.id(), person.organizationId());
  }

  private static OptimisticLockingFailureException stale(Person person, long given) {
    return new OptimisticLockingFailureException(
        "Person " + person.id() + " is at version " + person.version() + ", not " + given);
  }
}
