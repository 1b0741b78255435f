package org.bridgeway.care.record;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.care.TreatmentPlanId;
import org.bridgeway.care.episode.TreatmentEpisode;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.consent.Sensitivity;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.supervision.PersonId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One revision of an episode's treatment plan summary: its goals, the planned number of sessions
 * and the level of care. A plan is never changed: {@link #revise revising} it writes the next
 * revision, so the earlier ones are its history. A goal kept across revisions keeps its id.
 */
@Table("care_treatment_plan")
public class TreatmentPlan {

  public static final int MAX_GOALS = 20;
  public static final int MAX_SESSIONS = 1000;

  @Id private final TreatmentPlanId id;
  private final TreatmentEpisodeId episodeId;
  private final PersonId personId;
  private final OrganizationId providerId;
  private final int revision;
  private final LevelOfCare levelOfCare;
  private final int plannedSessions;
  private final LocalDate effectiveOn;
  private final Sensitivity sensitivity;
  private final String recordedBy;
  private final Instant recordedAt;

  @MappedCollection(idColumn = "plan_id", keyColumn = "position")
  private final List<PlanGoal> goals;

  @Version private Long version;

  @PersistenceCreator
  TreatmentPlan(
      TreatmentPlanId id,
      TreatmentEpisodeId episodeId,
      PersonId personId,
      OrganizationId providerId,
      int revision,
      LevelOfCare levelOfCare,
      int plannedSessions,
      LocalDate effectiveOn,
      Sensitivity sensitivity,
      String recordedBy,
      Instant recordedAt,
      List<PlanGoal> goals,
      Long version) {
    this.id = id;
    this.episodeId = episodeId;
    this.personId = personId;
    this.providerId = providerId;
    this.revision = revision;
    this.levelOfCare = levelOfCare;
    this.plannedSessions = plannedSessions;
    this.effectiveOn = effectiveOn;
    this.sensitivity = sensitivity;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
    this.goals = goals == null ? List.of() : List.copyOf(goals);
    this.version = version;
  }

  /**
   * A goal as the provider writes it: {@code goalId} null for a new goal, else the id of a goal of
   * the plan revised.
   */
  public record GoalEntry(UUID goalId, String description) {}

  /** What the provider writes of a plan. */
  public record Content(
      LevelOfCare levelOfCare,
      Integer plannedSessions,
      LocalDate effectiveOn,
      List<GoalEntry> goals) {}

  /**
   * Every field at fault for a plan of the episode revising {@code previous} (empty for a first
   * plan); empty if none.
   */
  public static List<FieldViolation> violations(
      TreatmentEpisode episode,
      Optional<TreatmentPlan> previous,
      Content content,
      LocalDate today) {
    List<FieldViolation> violations = new ArrayList<>();
    if (content.levelOfCare() == null) {
      violations.add(RecordRules.required("levelOfCare"));
    }
    if (content.plannedSessions() == null) {
      violations.add(RecordRules.required("plannedSessions"));
    } else if (content.plannedSessions() < 0 || content.plannedSessions() > MAX_SESSIONS) {
      violations.add(
          new FieldViolation("plannedSessions", "Range", "must be between 0 and " + MAX_SESSIONS));
    }
    RecordRules.day(
        violations,
        "effectiveOn",
        content.effectiveOn(),
        episode,
        InformationCategory.TREATMENT_PLAN,
        today);
    List<GoalEntry> goals = content.goals() == null ? List.of() : content.goals();
    if (goals.isEmpty()) {
      violations.add(new FieldViolation("goals", "NotEmpty", "must name at least one goal"));
    } else if (goals.size() > MAX_GOALS) {
      violations.add(new FieldViolation("goals", "Size", "must have at most " + MAX_GOALS));
    }
    Set<UUID> known = previous.map(TreatmentPlan::goalIds).orElse(Set.of());
    Set<UUID> seen = new HashSet<>();
    for (int i = 0; i < goals.size(); i++) {
      GoalEntry goal = goals.get(i);
      String field = "goals[" + i + "]";
      if (goal == null) {
        violations.add(RecordRules.required(field));
        continue;
      }
      RecordRules.text(
          violations, field + ".description", goal.description(), PlanGoal.MAX_DESCRIPTION, true);
      if (goal.goalId() != null && (!known.contains(goal.goalId()) || !seen.add(goal.goalId()))) {
        violations.add(
            new FieldViolation(
                field + ".goalId", "UnknownGoal", "is not a goal of the plan revised"));
      }
    }
    return violations;
  }

  /**
   * The first plan of an episode.
   *
   * @throws org.bridgeway.care.episode.CareInputRejected naming every field at fault
   */
  public static TreatmentPlan first(
      TreatmentPlanId id,
      TreatmentEpisode episode,
      Content content,
      Sensitivity sensitivity,
      String by,
      Instant at,
      LocalDate today) {
    RecordRules.rejectIf(violations(episode, Optional.empty(), content, today));
    return written(id, episode, 1, content, sensitivity, by, at);
  }

  /**
   * The next revision of this plan; goals named by id keep their ids, the others are new.
   *
   * @throws org.bridgeway.care.episode.CareInputRejected naming every field at fault
   */
  public TreatmentPlan revise(
      TreatmentPlanId id,
      TreatmentEpisode episode,
      Content content,
      Sensitivity sensitivity,
      String by,
      Instant at,
      LocalDate today) {
    if (!episode.id().equals(episodeId)) {
      throw new IllegalArgumentException("A plan is revised within its episode");
    }
    RecordRules.rejectIf(violations(episode, Optional.of(this), content, today));
    return written(id, episode, revision + 1, content, sensitivity, by, at);
  }

  private static TreatmentPlan written(
      TreatmentPlanId id,
      TreatmentEpisode episode,
      int revision,
      Content content,
      Sensitivity sensitivity,
      String by,
      Instant at) {
    List<PlanGoal> goals =
        content.goals().stream()
            .map(
                g ->
                    new PlanGoal(
                        g.goalId() == null ? UUID.randomUUID() : g.goalId(),
                        g.description().strip()))
            .toList();
    return new TreatmentPlan(
        Objects.requireNonNull(id),
        episode.id(),
        episode.personId(),
        episode.providerId(),
        revision,
        content.levelOfCare(),
        content.plannedSessions(),
        content.effectiveOn(),
        Objects.requireNonNull(sensitivity),
        Objects.requireNonNull(by),
        Objects.requireNonNull(at),
        goals,
        null);
  }

  /** The ids of the plan's goals. */
  public Set<UUID> goalIds() {
    Set<UUID> ids = new HashSet<>();
    goals.forEach(g -> ids.add(g.goalId()));
    return ids;
  }

  public TreatmentPlanId id() {
    return id;
  }

  public TreatmentEpisodeId episodeId() {
    return episodeId;
  }

  public PersonId personId() {
    return personId;
  }

  public OrganizationId providerId() {
    return providerId;
  }

  public int revision() {
    return revision;
  }

  public LevelOfCare levelOfCare() {
    return levelOfCare;
  }

  public int plannedSessions() {
    return plannedSessions;
  }

  public LocalDate effectiveOn() {
    return effectiveOn;
  }

  public Sensitivity sensitivity() {
    return sensitivity;
  }

  public String recordedBy() {
    return recordedBy;
  }

  public Instant recordedAt() {
    return recordedAt;
  }

  public List<PlanGoal> goals() {
    return goals;
  }

  public Long version() {
    return version;
  }
}
