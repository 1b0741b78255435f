package org.bridgeway.supervision.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.supervision.AssessmentId;
import org.bridgeway.supervision.CaseId;
import org.bridgeway.supervision.CasePlanId;
import org.bridgeway.supervision.NeedSeverity;
import org.bridgeway.supervision.PersonId;

/**
 * The case plan of a supervision case: goals per need domain, highest need first as
 * risk-need-responsivity asks, each with tasks and dated progress notes, and the day the person
 * signed it. {@link #draft} proposes a goal for each MODERATE or HIGH need of the latest
 * assessment; the officer then words, adds, reorders and ends goals. One aggregate with one
 * version: the goals are its parts.
 */
public class CasePlan {

  /** The longest goal or task description, in characters. */
  public static final int MAX_TEXT = 1000;

  /** The longest progress note, in characters. */
  public static final int MAX_NOTE = 4000;

  /** The most goals a plan has. */
  public static final int MAX_GOALS = 30;

  /** The most tasks a goal has. */
  public static final int MAX_TASKS = 50;

  private final CasePlanId id;
  private final OrganizationId organizationId;
  private final CaseId caseId;
  private final PersonId personId;
  private final LocalDate createdOn;
  private final AssessmentId basedOn;
  private List<Goal> goals;
  private LocalDate signedOn;
  private final Instant createdAt;
  private Instant updatedAt;
  private long version;

  CasePlan(
      CasePlanId id,
      OrganizationId organizationId,
      CaseId caseId,
      PersonId personId,
      LocalDate createdOn,
      AssessmentId basedOn,
      List<Goal> goals,
      LocalDate signedOn,
      Instant createdAt,
      Instant updatedAt,
      long version) {
    this.id = id;
    this.organizationId = organizationId;
    this.caseId = caseId;
    this.personId = personId;
    this.createdOn = createdOn;
    this.basedOn = basedOn;
    this.goals = new ArrayList<>(goals);
    this.signedOn = signedOn;
    this.createdAt = createdAt;
    this.updatedAt = updatedAt;
    this.version = version;
  }

  /**
   * A new plan that proposes one goal per MODERATE or HIGH need, in the order given (highest need
   * first).
   *
   * @param needs the latest assessment's severities, highest need first; empty if none
   * @param basedOn the assessment they come from, or null
   */
  public static CasePlan draft(
      CasePlanId id,
      OrganizationId agency,
      CaseId supervisionCase,
      PersonId person,
      Map<NeedDomain, NeedSeverity> needs,
      AssessmentId basedOn,
      LocalDate today,
      Instant at) {
    List<Goal> proposed = new ArrayList<>();
    needs.forEach(
        (domain, severity) -> {
          if (severity.needsAttention() && proposed.size() < MAX_GOALS) {
            proposed.add(
                new Goal(
                    UUID.randomUUID(),
                    domain,
                    null,
                    null,
                    GoalStatus.ACTIVE,
                    List.of(),
                    List.of()));
          }
        });
    return new CasePlan(
        Objects.requireNonNull(id),
        Objects.requireNonNull(agency),
        Objects.requireNonNull(supervisionCase),
        Objects.requireNonNull(person),
        today,
        basedOn,
        proposed,
        null,
        at,
        at,
        0);
  }

  /**
   * Adds a goal at the end.
   *
   * @throws IllegalArgumentException if the description is blank or too long
   * @throws IllegalStateException if the plan has {@link #MAX_GOALS} goals
   */
  public Goal addGoal(NeedDomain domain, String description, LocalDate targetDate, Instant at) {
    Objects.requireNonNull(domain, "domain");
    if (goals.size() >= MAX_GOALS) {
      throw new IllegalStateException("A plan has at most " + MAX_GOALS + " goals");
    }
    Goal goal =
        new Goal(
            UUID.randomUUID(),
            domain,
            text(description, MAX_TEXT),
            targetDate,
            GoalStatus.ACTIVE,
            List.of(),
            List.of());
    goals.add(goal);
    updatedAt = at;
    return goal;
  }

  /**
   * Rewords a goal, sets its target date and status, and moves it to a position (from 0; the
   * officer's order overrides the proposed one).
   *
   * @param position the new position, or null to keep it
   * @throws IllegalStateException if the goal ended (any status but ACTIVE): it changes no more
   * @throws IllegalArgumentException if the description is blank or too long, or the position is
   *     outside the plan
   */
  public Goal reviseGoal(
      UUID goalId,
      String description,
      LocalDate targetDate,
      GoalStatus status,
      Integer position,
      Instant at) {
    int index = indexOf(goalId);
    Goal goal = goals.get(index);
    if (goal.status().ended()) {
      throw new IllegalStateException("An ended goal changes no more");
    }
    if (position != null && (position < 0 || position >= goals.size())) {
      throw new IllegalArgumentException("No such position");
    }
    Goal revised =
        new Goal(
            goal.id(),
            goal.domain(),
            text(description, MAX_TEXT),
            targetDate,
            Objects.requireNonNull(status, "status"),
            goal.tasks(),
            goal.notes());
    goals.remove(index);
    goals.add(position == null ? index : position, revised);
    updatedAt = at;
    return revised;
  }

  /**
   * Adds a task to an active goal.
   *
   * @param ownerName required for {@link TaskOwner#OTHER}, ignored otherwise
   * @throws IllegalStateException if the goal ended or has {@link #MAX_TASKS} tasks
   * @throws IllegalArgumentException if the description is blank or too long, or another owner is
   *     not named
   */
  public Goal.Task addTask(
      UUID goalId,
      String description,
      TaskOwner owner,
      String ownerName,
      LocalDate dueOn,
      Instant at) {
    int index = indexOf(goalId);
    Goal goal = goals.get(index);
    if (goal.status().ended()) {
      throw new IllegalStateException("An ended goal takes no new tasks");
    }
    if (goal.tasks().size() >= MAX_TASKS) {
      throw new IllegalStateException("A goal has at most " + MAX_TASKS + " tasks");
    }
    Objects.requireNonNull(owner, "owner");
    String named = owner == TaskOwner.OTHER ? text(ownerName, 200) : null;
    Goal.Task task =
        new Goal.Task(
            UUID.randomUUID(), text(description, MAX_TEXT), owner, named, dueOn, TaskStatus.OPEN);
    List<Goal.Task> tasks = new ArrayList<>(goal.tasks());
    tasks.add(task);
    goals.set(index, withTasks(goal, tasks));
    updatedAt = at;
    return task;
  }

  /**
   * Records a task as done or cancelled (or open again while it is open).
   *
   * @throws IllegalStateException if the task is done or cancelled and the status is another
   */
  public Goal.Task recordTask(UUID goalId, UUID taskId, TaskStatus status, Instant at) {
    Objects.requireNonNull(status, "status");
    int index = indexOf(goalId);
    Goal goal = goals.get(index);
    List<Goal.Task> tasks = new ArrayList<>(goal.tasks());
    for (int t = 0; t < tasks.size(); t++) {
      Goal.Task task = tasks.get(t);
      if (task.id().equals(taskId)) {
        if (task.status() != TaskStatus.OPEN && task.status() != status) {
          throw new IllegalStateException("A " + task.status() + " task stays so");
        }
        Goal.Task recorded =
            new Goal.Task(
                task.id(),
                task.description(),
                task.owner(),
                task.ownerName(),
                task.dueOn(),
                status);
        tasks.set(t, recorded);
        goals.set(index, withTasks(goal, tasks));
        updatedAt = at;
        return recorded;
      }
    }
    throw new java.util.NoSuchElementException("No task " + taskId);
  }

  /**
   * Adds a dated progress note to a goal (also to an ended one: how it ended is worth a note).
   *
   * @throws IllegalArgumentException if the day is in the future or the text blank or too long
   */
  public void addNote(
      UUID goalId, LocalDate notedOn, String text, LocalDate today, String by, Instant at) {
    Objects.requireNonNull(notedOn, "notedOn");
    if (notedOn.isAfter(today)) {
      throw new IllegalArgumentException("A note cannot be dated in the future");
    }
    int index = indexOf(goalId);
    Goal goal = goals.get(index);
    List<Goal.ProgressNote> notes = new ArrayList<>(goal.notes());
    notes.add(new Goal.ProgressNote(notedOn, text(text, MAX_NOTE), by, at));
    goals.set(
        index,
        new Goal(
            goal.id(),
            goal.domain(),
            goal.description(),
            goal.targetDate(),
            goal.status(),
            goal.tasks(),
            notes));
    updatedAt = at;
  }

  /**
   * Records the day the person signed the plan.
   *
   * @throws IllegalArgumentException if the day is before the plan was created or in the future
   */
  public void signedBy(LocalDate on, LocalDate today, Instant at) {
    Objects.requireNonNull(on, "on");
    if (on.isBefore(createdOn)) {
      throw new IllegalArgumentException("A plan cannot be signed before it was created");
    }
    if (on.isAfter(today)) {
      throw new IllegalArgumentException("A signature cannot be dated in the future");
    }
    signedOn = on;
    updatedAt = at;
  }

  /** The goal, if the plan has it. */
  public java.util.Optional<Goal> goal(UUID goalId) {
    return goals.stream().filter(goal -> goal.id().equals(goalId)).findFirst();
  }

  private int indexOf(UUID goalId) {
    for (int i = 0; i < goals.size(); i++) {
      if (goals.get(i).id().equals(goalId)) {
        return i;
      }
    }
    throw new java.util.NoSuchElementException("No goal " + goalId);
  }

  private static Goal withTasks(Goal goal, List<Goal.Task> tasks) {
    return new Goal(
        goal.id(),
        goal.domain(),
        goal.description(),
        goal.targetDate(),
        goal.status(),
        tasks,
        goal.notes());
  }

  private static String text(String value, int max) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Text is required");
    }
    String stripped = value.strip();
    if (stripped.length() > max) {
      throw new IllegalArgumentException("At most " + max + " characters");
    }
    return stripped;
  }

  void stored(long newVersion) {
    version = newVersion;
  }

  public CasePlanId id() {
    return id;
  }

  public OrganizationId organizationId() {
    return organizationId;
  }

  public CaseId caseId() {
    return caseId;
  }

  public PersonId personId() {
    return personId;
  }

  public LocalDate createdOn() {
    return createdOn;
  }

  public AssessmentId basedOn() {
    return basedOn;
  }

  /** The goals in the plan's order. */
  public List<Goal> goals() {
    return List.copyOf(goals);
  }

  public LocalDate signedOn() {
    return signedOn;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public long version() {
    return version;
  }
}
