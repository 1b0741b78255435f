package org.bridgeway.supervision.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.web.DomainRuleViolation;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.supervision.CaseId;
import org.bridgeway.supervision.CasePlanChanged;
import org.bridgeway.supervision.CasePlanId;
import org.bridgeway.supervision.PersonNeeds;
import org.bridgeway.supervision.SupervisionInputRejected;
import org.bridgeway.supervision.SupervisionNeeds;
import org.bridgeway.supervision.access.CaseloadAccess;
import org.bridgeway.supervision.caseload.Cases;
import org.bridgeway.supervision.caseload.SupervisionCase;
import org.bridgeway.supervision.person.People;
import org.bridgeway.supervision.person.PersonName;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Case plans: drafting one from the latest assessment, and the officer's changes to its goals,
 * tasks and notes, and the person's signature. A plan is seen by whoever sees its case's person
 * ({@link CaseloadAccess}); every read and change is audited with ids and codes, and every change
 * publishes {@link CasePlanChanged}.
 */
@Service
public class PlanRecords {

  static final String PLAN = "supervision-case-plan";

  private final CasePlans plans;
  private final Cases cases;
  private final People people;
  private final CaseloadAccess access;
  private final SupervisionNeeds needs;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  PlanRecords(
      CasePlans plans,
      Cases cases,
      People people,
      CaseloadAccess access,
      SupervisionNeeds needs,
      AuditTrail audit,
      ApplicationEventPublisher events,
      Clock clock) {
    this.plans = plans;
    this.cases = cases;
    this.people = people;
    this.access = access;
    this.needs = needs;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /**
   * A case with its plan, if it has one, and the person's name (for the pages).
   *
   * @param plan empty if the case has no plan yet
   */
  public record PlanOfCase(
      SupervisionCase supervisionCase, PersonName person, Optional<CasePlan> plan) {}

  /**
   * The plan of a case, audited as a read.
   *
   * @throws NotFoundException if there is no such case or the caller does not see its person
   */
  @Transactional
  public PlanOfCase read(BridgewayPrincipal principal, CaseId id) {
    SupervisionCase found = visibleCase(principal, id);
    Optional<CasePlan> plan = plans.findByCase(id);
    audit.record(
        AuditEvent.success("supervision.plan.read")
            .withRecord(PLAN, plan.map(p -> p.id().value()).orElse(null))
            .withPerson(found.personId().value())
            .withDetail("case", id.toString()));
    PersonName name =
        people
            .findById(found.personId())
            .map(p -> p.name())
            .orElseThrow(IllegalStateException::new);
    return new PlanOfCase(found, name, plan);
  }

  /**
   * Drafts the plan of an open case, proposing a goal for each MODERATE or HIGH need of the
   * person's latest assessment, highest need first.
   *
   * @throws DomainRuleViolation if the case is closed or already has a plan
   */
  @Transactional
  public CasePlan create(BridgewayPrincipal principal, CaseId id) {
    SupervisionCase found = visibleCase(principal, id);
    if (!found.isOpen()) {
      throw new DomainRuleViolation(
          null, "supervision.case.closed", "The case is closed and cannot change.");
    }
    if (plans.findByCase(id).isPresent()) {
      throw new DomainRuleViolation(
          null, "supervision.plan.exists", "The case already has a plan.");
    }
    PersonNeeds latest = needs.latestForSystem(found.personId());
    CasePlan plan =
        CasePlan.draft(
            CasePlanId.random(),
            found.organizationId(),
            id,
            found.personId(),
            latest.needs(),
            latest.assessment(),
            LocalDate.now(clock),
            clock.instant());
    plans.save(plan);
    changed(plan, CasePlanChanged.Change.CREATED, null);
    return plan;
  }

  /** A goal to add. */
  public record NewGoal(NeedDomain domain, String description, LocalDate targetDate) {}

  /** Adds a goal at the end of the plan. */
  @Transactional
  public CasePlan addGoal(BridgewayPrincipal principal, CaseId id, NewGoal goal, long version) {
    CasePlan plan = current(principal, id, version);
    List<FieldViolation> violations = new ArrayList<>();
    text(goal.description(), "description", CasePlan.MAX_TEXT, violations);
    reject(violations);
    if (plan.goals().size() >= CasePlan.MAX_GOALS) {
      throw new DomainRuleViolation(
          null, "supervision.plan.tooManyGoals", "The plan has as many goals as it can.");
    }
    Goal added =
        plan.addGoal(goal.domain(), goal.description(), goal.targetDate(), clock.instant());
    plans.save(plan);
    changed(plan, CasePlanChanged.Change.GOAL_ADDED, added.id());
    return plan;
  }

  /** A goal's new wording, target, status and (optionally) position. */
  public record GoalChange(
      String description, LocalDate targetDate, GoalStatus status, Integer position) {}

  /**
   * Changes a goal.
   *
   * @throws DomainRuleViolation if the goal ended
   */
  @Transactional
  public CasePlan reviseGoal(
      BridgewayPrincipal principal, CaseId id, UUID goalId, GoalChange change, long version) {
    CasePlan plan = current(principal, id, version);
    Goal goal = goalOf(plan, goalId);
    List<FieldViolation> violations = new ArrayList<>();
    text(change.description(), "description", CasePlan.MAX_TEXT, violations);
    if (change.position() != null
        && (change.position() < 0 || change.position() >= plan.goals().size())) {
      violations.add(
          new FieldViolation(
              "position", "Range", "must be from 0 to " + (plan.goals().size() - 1)));
    }
    reject(violations);
    if (goal.status().ended()) {
      throw new DomainRuleViolation(
          "status", "supervision.plan.goalEnded", "The goal has ended and changes no more.");
    }
    plan.reviseGoal(
        goalId,
        change.description(),
        change.targetDate(),
        change.status(),
        change.position(),
        clock.instant());
    plans.save(plan);
    changed(plan, CasePlanChanged.Change.GOAL_CHANGED, goalId);
    return plan;
  }

  /** A task to add. */
  public record NewTask(String description, TaskOwner owner, String ownerName, LocalDate dueOn) {}

  /**
   * Adds a task to an active goal.
   *
   * @throws DomainRuleViolation if the goal ended or has as many tasks as it can
   */
  @Transactional
  public CasePlan addTask(
      BridgewayPrincipal principal, CaseId id, UUID goalId, NewTask task, long version) {
    CasePlan plan = current(principal, id, version);
    Goal goal = goalOf(plan, goalId);
    List<FieldViolation> violations = new ArrayList<>();
    text(task.description(), "description", CasePlan.MAX_TEXT, violations);
    if (task.owner() == TaskOwner.OTHER) {
      text(task.ownerName(), "ownerName", 200, violations);
    }
    reject(violations);
    if (goal.status().ended()) {
      throw new DomainRuleViolation(
          null, "supervision.plan.goalEnded", "The goal has ended and changes no more.");
    }
    if (goal.tasks().size() >= CasePlan.MAX_TASKS) {
      throw new DomainRuleViolation(
          null, "supervision.plan.tooManyTasks", "The goal has as many tasks as it can.");
    }
    plan.addTask(
        goalId, task.description(), task.owner(), task.ownerName(), task.dueOn(), clock.instant());
    plans.save(plan);
    changed(plan, CasePlanChanged.Change.TASK_ADDED, goalId);
    return plan;
  }

  /**
   * Records a task's status.
   *
   * @throws DomainRuleViolation if the task is done or cancelled and the status another
   */
  @Transactional
  public CasePlan recordTask(
      BridgewayPrincipal principal,
      CaseId id,
      UUID goalId,
      UUID taskId,
      TaskStatus status,
      long version) {
    CasePlan plan = current(principal, id, version);
    Goal.Task task =
        goalOf(plan, goalId).tasks().stream()
            .filter(t -> t.id().equals(taskId))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("task"));
    if (task.status() != TaskStatus.OPEN && task.status() != status) {
      throw new DomainRuleViolation(
          "status", "supervision.plan.taskFinal", "A done or cancelled task stays so.");
    }
    plan.recordTask(goalId, taskId, status, clock.instant());
    plans.save(plan);
    changed(plan, CasePlanChanged.Change.TASK_CHANGED, goalId);
    return plan;
  }

  /** Adds a dated progress note to a goal. */
  @Transactional
  public CasePlan addNote(
      BridgewayPrincipal principal,
      CaseId id,
      UUID goalId,
      LocalDate notedOn,
      String text,
      long version) {
    CasePlan plan = current(principal, id, version);
    goalOf(plan, goalId);
    LocalDate today = LocalDate.now(clock);
    List<FieldViolation> violations = new ArrayList<>();
    if (notedOn.isAfter(today)) {
      violations.add(new FieldViolation("notedOn", "PastOrPresent", "must not be in the future"));
    }
    text(text, "text", CasePlan.MAX_NOTE, violations);
    reject(violations);
    plan.addNote(goalId, notedOn, text, today, principal.reference(), clock.instant());
    plans.save(plan);
    changed(plan, CasePlanChanged.Change.NOTE_ADDED, goalId);
    return plan;
  }

  /**
   * Records the day the person signed the plan.
   *
   * @throws SupervisionInputRejected if the day is before the plan was created or in the future
   */
  @Transactional
  public CasePlan sign(BridgewayPrincipal principal, CaseId id, LocalDate on, long version) {
    CasePlan plan = current(principal, id, version);
    LocalDate today = LocalDate.now(clock);
    if (on.isAfter(today)) {
      throw SupervisionInputRejected.of("signedOn", "PastOrPresent", "must not be in the future");
    }
    if (on.isBefore(plan.createdOn())) {
      throw SupervisionInputRejected.of(
          "signedOn", "BeforeCreation", "must not be before the plan was created");
    }
    plan.signedBy(on, today, clock.instant());
    plans.save(plan);
    changed(plan, CasePlanChanged.Change.SIGNED, null);
    return plan;
  }

  private void changed(CasePlan plan, CasePlanChanged.Change change, UUID goal) {
    AuditEvent event =
        AuditEvent.success("supervision.plan." + change.name().toLowerCase().replace('_', '-'))
            .withRecord(PLAN, plan.id().value())
            .withPerson(plan.personId().value())
            .withDetail("case", plan.caseId().toString());
    if (goal != null) {
      event = event.withDetail("goal", goal.toString());
    }
    audit.record(event);
    events.publishEvent(
        new CasePlanChanged(
            plan.id(),
            plan.caseId(),
            plan.personId(),
            plan.organizationId(),
            change,
            goal,
            plan.version()));
  }

  private SupervisionCase visibleCase(BridgewayPrincipal principal, CaseId id) {
    SupervisionCase found = cases.findById(id).orElseThrow(() -> new NotFoundException("case"));
    if (!access.sees(principal, found.personId(), found.organizationId())) {
      throw new NotFoundException("case");
    }
    return found;
  }

  private CasePlan current(BridgewayPrincipal principal, CaseId id, long version) {
    visibleCase(principal, id);
    CasePlan plan = plans.findByCase(id).orElseThrow(() -> new NotFoundException("case plan"));
    if (plan.version() != version) {
      throw new OptimisticLockingFailureException(
          "The case plan " + plan.id() + " is at version " + plan.version() + ", not " + version);
    }
    return plan;
  }

  private static Goal goalOf(CasePlan plan, UUID goalId) {
    return plan.goal(goalId).orElseThrow(() -> new NotFoundException("goal"));
  }

  private static void text(String value, String field, int max, List<FieldViolation> violations) {
    if (value == null || value.isBlank()) {
      violations.add(new FieldViolation(field, "NotBlank", "must not be blank"));
    } else if (value.strip().length() > max) {
      violations.add(new FieldViolation(field, "Size", "must have at most " + max + " characters"));
    }
  }

  private static void reject(List<FieldViolation> violations) {
    if (!violations.isEmpty()) {
      throw new SupervisionInputRejected(violations);
    }
  }
}
