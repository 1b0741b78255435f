package org.bridgeway.care.alert;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.care.episode.CareInputRejected;
import org.bridgeway.consent.ConsentDecision;
import org.bridgeway.consent.ConsentDecisions;
import org.bridgeway.consent.DisclosureRequest;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.consent.Sensitivity;
import org.bridgeway.consent.WithholdingReason;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.NetworkOrganizations;
import org.bridgeway.identity.NetworkOrganizations.NetworkOrganization;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.SupervisedPeople;
import org.bridgeway.supervision.SupervisedPeople.ConditionShown;
import org.bridgeway.supervision.SupervisedPeople.PersonHeading;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compliance with a person's treatment conditions, computed from the providers' records over a
 * period: for a condition to attend treatment, the attendance of past appointments; for a drug
 * testing condition, the test results. Only records the consent engine permits count, and each
 * permitted group is disclosed; the rule that gives the status is in ADR 0020:
 *
 * <ul>
 *   <li>attendance: not compliant below 60% attended (on time or late) of the past appointments not
 *       cancelled, or with 3 or more unexcused no-shows; at risk below 85% or with any unexcused
 *       no-show; otherwise compliant;
 *   <li>drug tests: not compliant with 2 or more positive, missed or refused tests; at risk with
 *       one, or with a dilute or invalid one; otherwise compliant;
 *   <li>no records (or none permitted) in the period: no status.
 * </ul>
 */
@Service
public class Compliance {

  /** The condition kinds compliance is computed for, as supervision codes them. */
  public static final List<String> KINDS = List.of("TREATMENT", "DRUG_TESTING");

  /** The period when none is asked for, and its bounds, in days. */
  public static final int DEFAULT_DAYS = 90;

  public static final int MIN_DAYS = 7;
  public static final int MAX_DAYS = 365;

  /** Where a condition stands. */
  public enum Status {
    COMPLIANT,
    AT_RISK,
    NOT_COMPLIANT,
    /** Nothing recorded (or nothing the consent permits) in the period. */
    NO_RECORDS;

    public String messageKey() {
      return "care.compliance.status." + name();
    }
  }

  /** Attendance of past appointments in the period; rate null when none was due. */
  public record Attendance(
      int due,
      int attended,
      int late,
      int unexcusedNoShows,
      int excusedNoShows,
      Double rate,
      LocalDate lastAttended) {}

  /** Drug tests collected in the period. */
  public record Tests(int negative, int positive, int missed, int refused, int other) {

    int total() {
      return negative + positive + missed + refused + other;
    }
  }

  /** A provider's records that the consent withholds, and why. */
  public record Withheld(
      OrganizationId provider,
      String providerName,
      InformationCategory category,
      WithholdingReason reason,
      LocalDate since) {}

  /**
   * One condition's compliance: {@code attendance} for a treatment condition, {@code tests} for a
   * drug testing one (the other null).
   */
  public record ConditionCompliance(
      ConditionShown condition, Status status, Attendance attendance, Tests tests) {}

  /**
   * A person's compliance over the period.
   *
   * @param noticeRequired whether protected data is shown (the §2.32 notice goes with it)
   */
  public record PersonCompliance(
      PersonHeading person,
      LocalDate from,
      LocalDate to,
      List<ConditionCompliance> conditions,
      List<Withheld> withheld,
      boolean noticeRequired) {}

  private record Group(OrganizationId provider, InformationCategory category, Sensitivity level) {}

  private record Row(Group group, String outcome, LocalDate day) {}

  private final SupervisedPeople people;
  private final NetworkOrganizations organizations;
  private final ConsentDecisions consent;
  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;

  Compliance(
      SupervisedPeople people,
      NetworkOrganizations organizations,
      ConsentDecisions consent,
      JdbcClient jdbc,
      AuditTrail audit,
      Clock clock) {
    this.people = people;
    this.organizations = organizations;
    this.consent = consent;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * The compliance of the person's treatment and drug testing conditions over the last {@code days}
   * days (today included), for a caller who sees the person; audited as a read.
   *
   * @throws NotFoundException if there is no such person or the caller does not see them
   * @throws CareInputRejected if the days are out of bounds
   */
  @Transactional
  public PersonCompliance of(BridgewayPrincipal principal, PersonId person, int days) {
    if (days < MIN_DAYS || days > MAX_DAYS) {
      throw new CareInputRejected(
          List.of(
              new FieldViolation(
                  "days", "Range", "must be between " + MIN_DAYS + " and " + MAX_DAYS)));
    }
    PersonHeading heading = people.visibleTo(principal, person);
    LocalDate to = LocalDate.now(clock);
    LocalDate from = to.minusDays(days - 1L);
    List<ConditionShown> conditions = people.openConditionsOf(person, KINDS);
    boolean treatment = conditions.stream().anyMatch(c -> c.kind().equals("TREATMENT"));
    boolean testing = conditions.stream().anyMatch(c -> c.kind().equals("DRUG_TESTING"));
    List<Row> rows = new ArrayList<>();
    if (treatment) {
      rows.addAll(attendanceRows(person, from, clock.instant()));
    }
    if (testing) {
      rows.addAll(testRows(person, from, to));
    }

    // Decide every group at once; disclose each permitted group once.
    Map<Group, Integer> counts = new LinkedHashMap<>();
    rows.forEach(r -> counts.merge(r.group(), 1, Integer::sum));
    List<Group> groups = List.copyOf(counts.keySet());
    List<ConsentDecision> decided =
        groups.isEmpty()
            ? List.of()
            : consent.decideAll(principal, groups.stream().map(g -> request(person, g)).toList());
    Map<Group, ConsentDecision> decisions = new HashMap<>();
    List<Withheld> withheld = new ArrayList<>();
    Map<OrganizationId, String> names = new HashMap<>();
    boolean notice = false;
    for (int i = 0; i < groups.size(); i++) {
      Group group = groups.get(i);
      ConsentDecision decision = decided.get(i);
      if (decision.permitted()) {
        decision =
            consent.disclose(
                principal,
                request(person, group),
                counts.get(group)
                    + " "
                    + group.category().name().toLowerCase().replace('_', ' ')
                    + " records (compliance)");
      }
      decisions.put(group, decision);
      if (decision.permitted()) {
        notice |= group.level().needsConsent();
      } else {
        withheld.add(
            new Withheld(
                group.provider(),
                names.computeIfAbsent(group.provider(), this::nameOf),
                group.category(),
                decision.reason(),
                decision.since()));
      }
    }
    List<Row> permitted = rows.stream().filter(r -> decisions.get(r.group()).permitted()).toList();

    List<ConditionCompliance> result = new ArrayList<>();
    for (ConditionShown condition : conditions) {
      if (condition.kind().equals("TREATMENT")) {
        Attendance attendance =
            attendance(
                permitted.stream()
                    .filter(r -> r.group().category() == InformationCategory.ATTENDANCE)
                    .toList());
        result.add(new ConditionCompliance(condition, statusOf(attendance), attendance, null));
      } else {
        Tests tests =
            tests(
                permitted.stream()
                    .filter(r -> r.group().category() == InformationCategory.DRUG_TEST_RESULTS)
                    .toList());
        result.add(new ConditionCompliance(condition, statusOf(tests), null, tests));
      }
    }
    audit.record(
        AuditEvent.success("care.compliance.read")
            .withRecord("supervision-person", person.value())
            .withPerson(person.value())
            .withPurpose(CareAlerts.PURPOSE.name())
            .withDetail("days", Integer.toString(days))
            .withDetail("conditions", Integer.toString(conditions.size()))
            .withDetail("groupsWithheld", Integer.toString(withheld.size())));
    return new PersonCompliance(
        heading, from, to, List.copyOf(result), List.copyOf(withheld), notice);
  }

  /** Attendance: not compliant below 60% or at 3 unexcused no-shows; at risk below 85% or at 1. */
  static Status statusOf(Attendance a) {
    if (a.due() == 0) {
      return Status.NO_RECORDS;
    }
    if (a.rate() < 0.60 || a.unexcusedNoShows() >= 3) {
      return Status.NOT_COMPLIANT;
    }
    if (a.rate() < 0.85 || a.unexcusedNoShows() >= 1) {
      return Status.AT_RISK;
    }
    return Status.COMPLIANT;
  }

  /**
   * Tests: not compliant at 2 positive, missed or refused; at risk at 1, or a dilute or invalid.
   */
  static Status statusOf(Tests t) {
    if (t.total() == 0) {
      return Status.NO_RECORDS;
    }
    int failed = t.positive() + t.missed() + t.refused();
    if (failed >= 2) {
      return Status.NOT_COMPLIANT;
    }
    if (failed == 1 || t.other() > 0) {
      return Status.AT_RISK;
    }
    return Status.COMPLIANT;
  }

  private static Attendance attendance(List<Row> rows) {
    int attended = 0;
    int late = 0;
    int unexcused = 0;
    int excused = 0;
    LocalDate last = null;
    for (Row row : rows) {
      String outcome = row.outcome() == null ? "" : row.outcome();
      switch (outcome) {
        case "ATTENDED" -> attended++;
        case "LATE" -> late++;
        case "NO_SHOW_UNEXCUSED" -> unexcused++;
        case "NO_SHOW_EXCUSED" -> excused++;
        default -> {}
      }
      if ((outcome.equals("ATTENDED") || outcome.equals("LATE"))
          && (last == null || row.day().isAfter(last))) {
        last = row.day();
      }
    }
    int due = rows.size();
    return new Attendance(
        due,
        attended,
        late,
        unexcused,
        excused,
        due == 0 ? null : (attended + late) / (double) due,
        last);
  }

  private static Tests tests(List<Row> rows) {
    int negative = 0;
    int positive = 0;
    int missed = 0;
    int refused = 0;
    int other = 0;
    for (Row row : rows) {
      switch (row.outcome()) {
        case "NEGATIVE" -> negative++;
        case "POSITIVE" -> positive++;
        case "MISSED" -> missed++;
        case "REFUSED" -> refused++;
        default -> other++;
      }
    }
    return new Tests(negative, positive, missed, refused, other);
  }

  /**
   * The past appointments of the period that were due (not cancelled), with their attendance
   * outcome (null while not yet recorded, which counts as due but not attended).
   */
  private List<Row> attendanceRows(PersonId person, LocalDate from, Instant now) {
    return jdbc.sql(
            """
            SELECT a.provider_id, a.sensitivity, t.outcome, a.starts_at
            FROM care_appointment a LEFT JOIN care_attendance t ON t.appointment_id = a.id
            WHERE a.person_id = :person AND a.status <> 'CANCELLED'
              AND a.starts_at >= :from AND a.starts_at <= :now
              AND (t.outcome IS NULL OR t.outcome <> 'CANCELLED_BY_PROVIDER')
            """)
        .param("person", person.value())
        .param("from", Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()))
        .param("now", Timestamp.from(now))
        .query(
            (rs, n) ->
                new Row(
                    new Group(
                        new OrganizationId(rs.getObject(1, UUID.class)),
                        InformationCategory.ATTENDANCE,
                        Sensitivity.valueOf(rs.getString(2))),
                    rs.getString(3),
                    rs.getTimestamp(4).toInstant().atOffset(ZoneOffset.UTC).toLocalDate()))
        .list();
  }

  private List<Row> testRows(PersonId person, LocalDate from, LocalDate to) {
    return jdbc.sql(
            """
            SELECT provider_id, sensitivity, result, collected_on FROM care_drug_test
            WHERE person_id = :person AND collected_on BETWEEN :from AND :to
            """)
        .param("person", person.value())
        .param("from", from)
        .param("to", to)
        .query(
            (rs, n) ->
                new Row(
                    new Group(
                        new OrganizationId(rs.getObject(1, UUID.class)),
                        InformationCategory.DRUG_TEST_RESULTS,
                        Sensitivity.valueOf(rs.getString(2))),
                    rs.getString(3),
                    rs.getObject(4, LocalDate.class)))
        .list();
  }

  private static DisclosureRequest request(PersonId person, Group group) {
    return new DisclosureRequest(
        person, group.provider(), group.category(), CareAlerts.PURPOSE, group.level());
  }

  private String nameOf(OrganizationId provider) {
    return organizations.find(provider).map(NetworkOrganization::name).orElse("");
  }
}
