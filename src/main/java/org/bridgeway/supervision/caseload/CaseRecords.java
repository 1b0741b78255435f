package org.bridgeway.supervision.caseload;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.StaffDirectory;
import org.bridgeway.identity.StaffMember;
import org.bridgeway.identity.UserId;
import org.bridgeway.shared.web.DomainRuleViolation;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.supervision.CaseId;
import org.bridgeway.supervision.ConditionId;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.SupervisionCaseClosed;
import org.bridgeway.supervision.SupervisionCaseOpened;
import org.bridgeway.supervision.SupervisionInputRejected;
import org.bridgeway.supervision.access.CaseloadAccess;
import org.bridgeway.supervision.office.OfficeId;
import org.bridgeway.supervision.office.OfficeRecords;
import org.bridgeway.supervision.person.Person;
import org.bridgeway.supervision.person.PersonRecords;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supervision cases and their conditions: opening a case, transferring it between officers, closing
 * it, and setting and recording conditions. A case is seen by whoever sees its person ({@link
 * CaseloadAccess}); every read and change is audited with the person's id in the same transaction.
 */
@Service
public class CaseRecords {

  static final String CASE = "supervision-case";
  static final String CONDITION = "supervision-condition";

  private final Cases cases;
  private final Conditions conditions;
  private final PersonRecords people;
  private final StaffDirectory staff;
  private final CaseloadAccess access;
  private final OfficeRecords offices;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  CaseRecords(
      Cases cases,
      Conditions conditions,
      PersonRecords people,
      StaffDirectory staff,
      CaseloadAccess access,
      OfficeRecords offices,
      AuditTrail audit,
      ApplicationEventPublisher events,
      Clock clock) {
    this.cases = cases;
    this.conditions = conditions;
    this.people = people;
    this.staff = staff;
    this.access = access;
    this.offices = offices;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Opens a case, at the officer's home office. An officer opens cases on their own caseload only,
   * a supervisor for themselves and their team, an administrator for any officer of the agency.
   *
   * @throws NotFoundException if the caller does not see the person
   * @throws SupervisionInputRejected if a field breaks a rule; nothing is written
   */
  @Transactional
  public SupervisionCase open(BridgewayPrincipal principal, OpenCase command) {
    Person person = people.visible(principal, command.person());
    if (person.isMerged()) {
      throw PersonRecords.merged();
    }
    List<FieldViolation> violations = new ArrayList<>();
    if (!command.expectedEndDate().isAfter(command.startDate())) {
      violations.add(
          new FieldViolation("expectedEndDate", "EndBeforeStart", "must be after startDate"));
    }
    violations.addAll(officerViolations(principal, person.organizationId(), command.officer()));
    if (!violations.isEmpty()) {
      throw new SupervisionInputRejected(violations);
    }
    SupervisionCase opened =
        SupervisionCase.open(
            CaseId.random(),
            person.organizationId(),
            person.id(),
            new SupervisionCase.Terms(
                command.supervisionType(),
                command.court(),
                command.docketNumber(),
                command.startDate(),
                command.expectedEndDate(),
                command.level(),
                command.offenses()),
            command.officer(),
            offices.homeOfficeOf(person.organizationId(), command.officer()),
            principal.reference(),
            clock.instant());
    cases.save(opened);
    audited("supervision.case.open", opened);
    events.publishEvent(
        new SupervisionCaseOpened(
            opened.id(), opened.personId(), opened.organizationId(), opened.startDate()));
    return opened;
  }

  /**
   * A case with its conditions, audited as a read.
   *
   * @throws NotFoundException if there is no such case or the caller does not see its person
   */
  @Transactional
  public CaseDetails read(BridgewayPrincipal principal, CaseId id) {
    SupervisionCase found = visible(principal, id);
    audited("supervision.case.read", found);
    return new CaseDetails(found, conditions.findByCaseIdOrderByCreatedAt(id));
  }

  /** The cases of a person the caller sees, newest first; the caller audits the read. */
  @Transactional(readOnly = true)
  public List<SupervisionCase> casesOf(BridgewayPrincipal principal, PersonId person) {
    people.visible(principal, person);
    return cases.findByPersonIdOrderByStartDateDesc(person);
  }

  /**
   * Transfers a case to another officer of the agency, or to another office of it and an officer
   * who works from there. Every error of the request is reported at once; nothing is written.
   *
   * @param office the office to move the case to; null for the officer's home office
   * @throws SupervisionInputRejected if the officer or office cannot take the case
   * @throws DomainRuleViolation if the case is closed or already the officer's at that office
   */
  @Transactional
  public CaseDetails transfer(
      BridgewayPrincipal principal,
      CaseId id,
      UserId officer,
      OfficeId office,
      String reason,
      long version) {
    SupervisionCase found = current(principal, id, version);
    requireOpen(found);
    List<FieldViolation> officerErrors =
        officerViolations(principal, found.organizationId(), officer);
    List<FieldViolation> violations = new ArrayList<>(officerErrors);
    OfficeId target = office;
    if (target == null && officerErrors.isEmpty()) {
      target = offices.homeOfficeOf(found.organizationId(), officer);
    }
    if (target != null) {
      for (FieldViolation violation :
          offices.transferViolations(found.organizationId(), target, officer)) {
        if (officerErrors.isEmpty() || !"officerId".equals(violation.field())) {
          violations.add(violation);
        }
      }
    }
    if (!violations.isEmpty()) {
      throw new SupervisionInputRejected(violations);
    }
    if (officer.equals(found.officerId()) && target.equals(found.officeId())) {
      throw new DomainRuleViolation(
          "officerId",
          "supervision.case.sameOfficer",
          "The case is already assigned to this officer.");
    }
    OfficeId from = found.officeId();
    found.transferTo(officer, target, reason, principal.reference(), clock.instant());
    cases.save(found);
    audit.record(
        event("supervision.case.transfer", found)
            .withDetail("to", officer.toString())
            .withDetail("fromOffice", from.toString())
            .withDetail("toOffice", target.toString())
            .withDetail("assignment", Integer.toString(found.assignments().size())));
    return new CaseDetails(found, conditions.findByCaseIdOrderByCreatedAt(id));
  }

  /**
   * Closes a case.
   *
   * @throws SupervisionInputRejected if the day is in the future or before the case started
   * @throws DomainRuleViolation if the case is already closed
   */
  @Transactional
  public CaseDetails close(
      BridgewayPrincipal principal, CaseId id, ClosureReason reason, LocalDate on, long version) {
    SupervisionCase found = current(principal, id, version);
    requireOpen(found);
    if (on.isAfter(LocalDate.now(clock))) {
      throw SupervisionInputRejected.of("closedOn", "PastOrPresent", "must not be in the future");
    }
    if (on.isBefore(found.startDate())) {
      throw SupervisionInputRejected.of(
          "closedOn", "BeforeStart", "must not be before the case's startDate");
    }
    found.close(reason, on);
    cases.save(found);
    audit.record(event("supervision.case.close", found).withDetail("reason", reason.name()));
    events.publishEvent(
        new SupervisionCaseClosed(
            found.id(), found.personId(), found.organizationId(), on, reason.name()));
    return new CaseDetails(found, conditions.findByCaseIdOrderByCreatedAt(id));
  }

  /** Sets a condition on an open case. */
  @Transactional
  public Condition addCondition(
      BridgewayPrincipal principal,
      CaseId id,
      ConditionKind kind,
      boolean special,
      String description) {
    SupervisionCase found = visible(principal, id);
    requireOpen(found);
    Condition condition =
        Condition.set(ConditionId.random(), found, kind, special, description, clock.instant());
    conditions.save(condition);
    audit.record(conditionEvent("supervision.condition.add", found, condition));
    return condition;
  }

  /**
   * Amends a condition and records its status; a note, if given, is added.
   *
   * @param note the note to add, or null
   * @throws DomainRuleViolation if a satisfied condition would become another status
   */
  @Transactional
  public Condition updateCondition(
      BridgewayPrincipal principal,
      CaseId caseId,
      ConditionId id,
      ConditionKind kind,
      boolean special,
      String description,
      ConditionStatus status,
      NewNote note,
      long version) {
    SupervisionCase found = visible(principal, caseId);
    Condition condition = conditionOf(found, id);
    if (condition.version() != version) {
      throw stale("condition", id.toString(), condition.version(), version);
    }
    if (condition.status() == ConditionStatus.SATISFIED && status != ConditionStatus.SATISFIED) {
      throw new DomainRuleViolation(
          "status", "supervision.condition.satisfied", "A satisfied condition stays satisfied.");
    }
    Instant now = clock.instant();
    if (note != null) {
      requireNotFuture(note.notedOn(), "note.notedOn");
      condition.note(note.notedOn(), note.text(), principal.reference(), now);
    }
    condition.amend(kind, special, description, now);
    condition.record(status, now);
    conditions.save(condition);
    audit.record(
        conditionEvent("supervision.condition.update", found, condition)
            .withDetail("status", status.name()));
    return condition;
  }

  /** Adds a dated note to a condition. */
  @Transactional
  public Condition addNote(
      BridgewayPrincipal principal, CaseId caseId, ConditionId id, NewNote note) {
    SupervisionCase found = visible(principal, caseId);
    Condition condition = conditionOf(found, id);
    requireNotFuture(note.notedOn(), "notedOn");
    condition.note(note.notedOn(), note.text(), principal.reference(), clock.instant());
    conditions.save(condition);
    audit.record(conditionEvent("supervision.condition.note", found, condition));
    return condition;
  }

  /** A note to add: the day it is about and its text. */
  public record NewNote(LocalDate notedOn, String text) {}

  private Condition conditionOf(SupervisionCase found, ConditionId id) {
    return conditions
        .findById(id)
        .filter(condition -> condition.caseId().equals(found.id()))
        .orElseThrow(() -> new NotFoundException("condition"));
  }

  private SupervisionCase visible(BridgewayPrincipal principal, CaseId id) {
    SupervisionCase found = cases.findById(id).orElseThrow(() -> new NotFoundException("case"));
    if (!access.sees(principal, found.personId(), found.organizationId())) {
      throw new NotFoundException("case");
    }
    return found;
  }

  private SupervisionCase current(BridgewayPrincipal principal, CaseId id, long version) {
    SupervisionCase found = visible(principal, id);
    if (found.version() != version) {
      throw stale("case", id.toString(), found.version(), version);
    }
    return found;
  }

  private static OptimisticLockingFailureException stale(
      String what, String id, Long stored, long given) {
    return new OptimisticLockingFailureException(
        "The " + what + " " + id + " is at version " + stored + ", not " + given);
  }

  private static void requireOpen(SupervisionCase found) {
    if (!found.isOpen()) {
      throw new DomainRuleViolation(
          null, "supervision.case.closed", "The case is closed and cannot change.");
    }
  }

  private void requireNotFuture(LocalDate day, String field) {
    if (day.isAfter(LocalDate.now(clock))) {
      throw SupervisionInputRejected.of(field, "PastOrPresent", "must not be in the future");
    }
  }

  /**
   * Why an officer cannot take a case: not an active officer or supervisor of the agency, or not
   * one the caller may assign to.
   */
  private List<FieldViolation> officerViolations(
      BridgewayPrincipal principal, OrganizationId agency, UserId officer) {
    Optional<StaffMember> member = staff.find(officer);
    boolean eligible =
        member.isPresent()
            && member.get().organization().equals(agency)
            && member.get().active()
            && (member.get().has(Role.OFFICER) || member.get().has(Role.SUPERVISOR));
    if (!eligible) {
      return List.of(
          new FieldViolation(
              "officerId", "UnknownOfficer", "is not an active officer of the agency"));
    }
    if (CaseloadAccess.manages(principal, agency)) {
      return List.of();
    }
    boolean own = officer.value().equals(principal.userId());
    boolean team =
        principal.has(Role.SUPERVISOR) && access.leads(principal.userId(), officer.value());
    if (!own && !team) {
      return List.of(
          new FieldViolation(
              "officerId",
              "OutsideCaseload",
              "you may assign cases to yourself"
                  + (principal.has(Role.SUPERVISOR) ? " and your team" : "")
                  + " only"));
    }
    return List.of();
  }

  private void audited(String action, SupervisionCase subject) {
    audit.record(event(action, subject));
  }

  private static AuditEvent event(String action, SupervisionCase subject) {
    return AuditEvent.success(action)
        .withRecord(CASE, subject.id().value())
        .withPerson(subject.personId().value());
  }

  private static AuditEvent conditionEvent(
      String action, SupervisionCase subject, Condition condition) {
    return AuditEvent.success(action)
        .withRecord(CONDITION, condition.id().value())
        .withPerson(subject.personId().value())
        .withDetail("case", subject.id().toString());
  }
}
