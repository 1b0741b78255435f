package org.bridgeway.supervision.violation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.shared.web.DomainRuleViolation;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.supervision.CaseId;
import org.bridgeway.supervision.ConditionId;
import org.bridgeway.supervision.IncentiveId;
import org.bridgeway.supervision.IncentiveRecorded;
import org.bridgeway.supervision.SupervisionInputRejected;
import org.bridgeway.supervision.ViolationId;
import org.bridgeway.supervision.ViolationRecorded;
import org.bridgeway.supervision.ViolationResponseRecorded;
import org.bridgeway.supervision.access.CaseloadAccess;
import org.bridgeway.supervision.caseload.Cases;
import org.bridgeway.supervision.caseload.Condition;
import org.bridgeway.supervision.caseload.ConditionStatus;
import org.bridgeway.supervision.caseload.Conditions;
import org.bridgeway.supervision.caseload.SupervisionCase;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Violations on supervision cases, the responses given to them, incentives, and the agency's
 * response matrix (ADR 0011). Seen by whoever sees the case ({@link CaseloadAccess}); every read
 * and change is audited with ids and codes in the same transaction and published as an event.
 */
@Service
public class ViolationRecords {

  static final String VIOLATION = "supervision-violation";
  static final String INCENTIVE = "supervision-incentive";
  static final String RANGE = "supervision-response-range";

  /** A violation with the range suggested for it. */
  public record Assessed(Violation violation, ResponseRange suggested) {}

  /** A case's violations (newest first) with their suggested ranges, incentives and conditions. */
  public record CaseViolations(
      SupervisionCase supervisionCase,
      List<Assessed> violations,
      List<Incentive> incentives,
      List<Condition> conditions) {}

  /**
   * A violation to record.
   *
   * @param condition the condition of the case it relates to, or null
   * @param markOutOfCompliance whether the condition is now out of compliance
   */
  public record NewViolation(
      LocalDate occurredOn,
      ConditionId condition,
      ViolationKind kind,
      ViolationSeverity severity,
      String description,
      boolean markOutOfCompliance) {}

  /** A response to record; {@code reason} is needed outside the suggested range. */
  public record NewResponse(Sanction sanction, LocalDate respondedOn, String note, String reason) {}

  private final Cases cases;
  private final Conditions conditions;
  private final Violations violations;
  private final Incentives incentives;
  private final ResponseGuide guide;
  private final CaseloadAccess access;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ViolationRecords(
      Cases cases,
      Conditions conditions,
      Violations violations,
      Incentives incentives,
      ResponseGuide guide,
      CaseloadAccess access,
      AuditTrail audit,
      ApplicationEventPublisher events,
      Clock clock) {
    this.cases = cases;
    this.conditions = conditions;
    this.violations = violations;
    this.incentives = incentives;
    this.guide = guide;
    this.access = access;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /**
   * A case's violations, responses and incentives, audited as a read.
   *
   * @throws NotFoundException if there is no such case or the caller does not see it
   */
  @Transactional
  public CaseViolations violationsOf(BridgewayPrincipal principal, CaseId id) {
    SupervisionCase found = visible(principal, id);
    audit.record(
        AuditEvent.success("supervision.violation.list")
            .withRecord("supervision-case", found.id().value())
            .withPerson(found.personId().value()));
    List<Assessed> assessed = new ArrayList<>();
    for (Violation violation : violations.findByCaseIdOrderByOccurredOnDescRecordedAtDesc(id)) {
      assessed.add(
          new Assessed(
              violation,
              guide.rangeFor(found.organizationId(), violation.severity(), violation.level())));
    }
    return new CaseViolations(
        found,
        assessed,
        incentives.findByCaseIdOrderByGivenOnDescRecordedAtDesc(id),
        conditions.findByCaseIdOrderByCreatedAt(id));
  }

  /**
   * Records a violation on an open case; if asked, its condition is recorded as out of compliance
   * through the condition's own {@link Condition#record}.
   *
   * @throws SupervisionInputRejected if a field breaks a rule; nothing is written
   * @throws DomainRuleViolation if the case is closed or the condition is satisfied
   */
  @Transactional
  public Assessed record(BridgewayPrincipal principal, CaseId id, NewViolation command) {
    SupervisionCase found = visible(principal, id);
    requireOpen(found);
    List<FieldViolation> rejected = new ArrayList<>();
    dayViolation("occurredOn", command.occurredOn(), found.startDate(), rejected);
    Condition condition = null;
    if (command.condition() != null) {
      condition =
          conditions
              .findById(command.condition())
              .filter(c -> c.caseId().equals(found.id()))
              .orElse(null);
      if (condition == null) {
        rejected.add(
            new FieldViolation(
                "conditionId", "UnknownCondition", "is not a condition of the case"));
      }
    } else if (command.markOutOfCompliance()) {
      rejected.add(
          new FieldViolation(
              "conditionId", "NotNull", "is required to mark a condition out of compliance"));
    }
    if (!rejected.isEmpty()) {
      throw new SupervisionInputRejected(rejected);
    }
    if (command.markOutOfCompliance() && condition.status() == ConditionStatus.SATISFIED) {
      throw new DomainRuleViolation(
          "markOutOfCompliance",
          "supervision.condition.satisfied",
          "A satisfied condition stays satisfied.");
    }
    Instant now = clock.instant();
    Violation violation =
        Violation.record(
            ViolationId.random(),
            found,
            condition,
            command.occurredOn(),
            command.kind(),
            command.severity(),
            command.description(),
            principal.reference(),
            now);
    violations.save(violation);
    audit.record(
        violationEvent("supervision.violation.record", found, violation.id())
            .withDetail("kind", command.kind().name())
            .withDetail("severity", command.severity().name()));
    if (command.markOutOfCompliance()) {
      condition.record(ConditionStatus.OUT_OF_COMPLIANCE, now);
      conditions.save(condition);
      audit.record(
          AuditEvent.success("supervision.condition.update")
              .withRecord("supervision-condition", condition.id().value())
              .withPerson(found.personId().value())
              .withDetail("case", found.id().toString())
              .withDetail("status", ConditionStatus.OUT_OF_COMPLIANCE.name())
              .withDetail("violation", violation.id().toString()));
    }
    events.publishEvent(
        new ViolationRecorded(
            violation.id(),
            found.id(),
            found.personId(),
            violation.conditionId(),
            command.kind().name(),
            command.severity().name(),
            command.occurredOn()));
    return new Assessed(
        violation, guide.rangeFor(found.organizationId(), violation.severity(), violation.level()));
  }

  /**
   * Records a sanction given in response to a violation; outside the suggested range it needs a
   * reason.
   *
   * @throws SupervisionInputRejected if a field breaks a rule; nothing is written
   * @throws OptimisticLockingFailureException if the violation changed since the caller read it
   */
  @Transactional
  public Assessed respond(
      BridgewayPrincipal principal,
      CaseId caseId,
      ViolationId id,
      NewResponse command,
      long version) {
    SupervisionCase found = visible(principal, caseId);
    Violation violation =
        violations
            .findById(id)
            .filter(v -> v.caseId().equals(found.id()))
            .orElseThrow(() -> new NotFoundException("violation"));
    if (violation.version() != version) {
      throw new OptimisticLockingFailureException(
          "The violation " + id + " is at version " + violation.version() + ", not " + version);
    }
    ResponseRange range =
        guide.rangeFor(found.organizationId(), violation.severity(), violation.level());
    List<FieldViolation> rejected = new ArrayList<>();
    dayViolation("respondedOn", command.respondedOn(), violation.occurredOn(), rejected);
    if (!range.allows(command.sanction())
        && (command.reason() == null || command.reason().isBlank())) {
      rejected.add(
          new FieldViolation(
              "reason", "OutsideRange", "is required for a sanction outside the suggested range"));
    }
    if (!rejected.isEmpty()) {
      throw new SupervisionInputRejected(rejected);
    }
    ViolationResponse response =
        violation.respond(
            command.sanction(),
            command.respondedOn(),
            command.note(),
            range,
            command.reason(),
            principal.reference(),
            clock.instant());
    violations.save(violation);
    audit.record(
        violationEvent("supervision.violation.respond", found, violation.id())
            .withDetail("sanction", response.sanction().name())
            .withDetail("withinRange", Boolean.toString(response.withinRange())));
    events.publishEvent(
        new ViolationResponseRecorded(
            violation.id(),
            found.id(),
            found.personId(),
            response.sanction().name(),
            response.respondedOn(),
            response.withinRange()));
    return new Assessed(violation, range);
  }

  /**
   * Records an incentive on an open case.
   *
   * @throws SupervisionInputRejected if the day is in the future or before the case started
   * @throws DomainRuleViolation if the case is closed
   */
  @Transactional
  public Incentive giveIncentive(
      BridgewayPrincipal principal, CaseId id, IncentiveKind kind, LocalDate on, String note) {
    SupervisionCase found = visible(principal, id);
    requireOpen(found);
    List<FieldViolation> rejected = new ArrayList<>();
    dayViolation("givenOn", on, found.startDate(), rejected);
    if (!rejected.isEmpty()) {
      throw new SupervisionInputRejected(rejected);
    }
    Incentive incentive =
        Incentive.give(
            IncentiveId.random(), found, kind, on, note, principal.reference(), clock.instant());
    incentives.save(incentive);
    audit.record(
        AuditEvent.success("supervision.incentive.record")
            .withRecord(INCENTIVE, incentive.id().value())
            .withPerson(found.personId().value())
            .withDetail("case", found.id().toString())
            .withDetail("kind", kind.name()));
    events.publishEvent(
        new IncentiveRecorded(incentive.id(), found.id(), found.personId(), kind.name(), on));
    return incentive;
  }

  /** The caller's agency's response matrix, defaults filled in. */
  @Transactional(readOnly = true)
  public List<ResponseGuide.Configured> guide(BridgewayPrincipal principal) {
    return guide.of(principal.organization());
  }

  /**
   * Sets the caller's agency's range for a severity and level; for its administrators only.
   *
   * @return the new version
   */
  @Transactional
  public long setRange(BridgewayPrincipal principal, ResponseRange range, long version) {
    OrganizationId agency = principal.organization();
    if (!CaseloadAccess.manages(principal, agency)) {
      throw new AccessDeniedException("Only the agency's administrators set the response matrix");
    }
    long saved = guide.save(agency, range, version, principal.reference(), clock.instant());
    audit.record(
        AuditEvent.success("supervision.violation.range")
            .withRecord(RANGE, agency.value())
            .withDetail("severity", range.severity().name())
            .withDetail("level", range.level().name())
            .withDetail("lowest", range.lowest().name())
            .withDetail("highest", range.highest().name()));
    return saved;
  }

  private void dayViolation(
      String field, LocalDate day, LocalDate notBefore, List<FieldViolation> rejected) {
    if (day.isAfter(LocalDate.now(clock))) {
      rejected.add(new FieldViolation(field, "PastOrPresent", "must not be in the future"));
    } else if (day.isBefore(notBefore)) {
      rejected.add(new FieldViolation(field, "TooEarly", "must not be before " + notBefore));
    }
  }

  private SupervisionCase visible(BridgewayPrincipal principal, CaseId id) {
    SupervisionCase found = cases.findById(id).orElseThrow(() -> new NotFoundException("case"));
    if (!access.sees(principal, found.personId(), found.organizationId())) {
      throw new NotFoundException("case");
    }
    return found;
  }

  private static void requireOpen(SupervisionCase found) {
    if (!found.isOpen()) {
      throw new DomainRuleViolation(
          null, "supervision.case.closed", "The case is closed and cannot change.");
    }
  }

  private static AuditEvent violationEvent(String action, SupervisionCase subject, ViolationId id) {
    return AuditEvent.success(action)
        .withRecord(VIOLATION, id.value())
        .withPerson(subject.personId().value())
        .withDetail("case", subject.id().toString());
  }
}
