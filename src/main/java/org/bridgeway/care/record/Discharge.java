package org.bridgeway.care.record;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bridgeway.care.DischargeId;
import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.care.episode.EndReason;
import org.bridgeway.care.episode.TreatmentEpisode;
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
 * The discharge summary that ends an episode: the day and reason (the episode's end), the outcome
 * of each goal of the plan, and a summary. One per episode; it changes no more once written.
 */
@Table("care_discharge")
public class Discharge {

  public static final int MAX_SUMMARY = 2000;

  @Id private final DischargeId id;
  private final TreatmentEpisodeId episodeId;
  private final PersonId personId;
  private final OrganizationId providerId;
  private final LocalDate dischargedOn;
  private final EndReason reason;
  private final String summary;
  private final Integer planRevision;
  private final Sensitivity sensitivity;
  private final String recordedBy;
  private final Instant recordedAt;

  @MappedCollection(idColumn = "discharge_id", keyColumn = "position")
  private final List<GoalOutcome> goals;

  @Version private Long version;

  @PersistenceCreator
  Discharge(
      DischargeId id,
      TreatmentEpisodeId episodeId,
      PersonId personId,
      OrganizationId providerId,
      LocalDate dischargedOn,
      EndReason reason,
      String summary,
      Integer planRevision,
      Sensitivity sensitivity,
      String recordedBy,
      Instant recordedAt,
      List<GoalOutcome> goals,
      Long version) {
    this.id = id;
    this.episodeId = episodeId;
    this.personId = personId;
    this.providerId = providerId;
    this.dischargedOn = dischargedOn;
    this.reason = reason;
    this.summary = summary;
    this.planRevision = planRevision;
    this.sensitivity = sensitivity;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
    this.goals = goals == null ? List.of() : List.copyOf(goals);
    this.version = version;
  }

  /** What the provider writes at discharge; {@code goals} rate goals of the present plan. */
  public record Content(
      LocalDate dischargedOn, EndReason reason, String summary, List<GoalOutcome> goals) {}

  /** Every field at fault for discharging the episode with its present plan; empty if none. */
  public static List<FieldViolation> violations(
      TreatmentEpisode episode, Optional<TreatmentPlan> plan, Content content, LocalDate today) {
    List<FieldViolation> violations = new ArrayList<>();
    if (content.dischargedOn() == null) {
      violations.add(RecordRules.required("dischargedOn"));
    } else if (content.dischargedOn().isAfter(today)) {
      violations.add(
          new FieldViolation("dischargedOn", "PastOrPresent", "must not be in the future"));
    } else if (content.dischargedOn().isBefore(episode.startedOn())) {
      violations.add(
          new FieldViolation(
              "dischargedOn", "BeforeStart", "must not be before the episode's startedOn"));
    }
    if (content.reason() == null) {
      violations.add(RecordRules.required("reason"));
    }
    RecordRules.text(violations, "summary", content.summary(), MAX_SUMMARY, true);
    RecordRules.goals(
        violations, plan, content.goals(), GoalOutcome::goalId, GoalOutcome::outcome, "outcome");
    return violations;
  }

  /**
   * Discharges the person: writes the summary and ends the episode on the day for the reason.
   *
   * @throws IllegalStateException if the episode already ended
   * @throws org.bridgeway.care.episode.CareInputRejected naming every field at fault
   */
  public static Discharge discharge(
      DischargeId id,
      TreatmentEpisode episode,
      Optional<TreatmentPlan> plan,
      Content content,
      Sensitivity sensitivity,
      String by,
      Instant at,
      LocalDate today) {
    if (episode.hasEnded()) {
      throw new IllegalStateException("The treatment episode already ended");
    }
    RecordRules.rejectIf(violations(episode, plan, content, today));
    episode.end(content.dischargedOn(), content.reason(), by, at, today);
    return new Discharge(
        Objects.requireNonNull(id),
        episode.id(),
        episode.personId(),
        episode.providerId(),
        content.dischargedOn(),
        content.reason(),
        content.summary().strip(),
        plan.map(TreatmentPlan::revision).orElse(null),
        Objects.requireNonNull(sensitivity),
        Objects.requireNonNull(by),
        Objects.requireNonNull(at),
        content.goals() == null ? List.of() : content.goals(),
        null);
  }

  /**
   * The summary of an episode the provider already ended with the simple end form (its day and
   * reason), written afterwards; it does not change the episode.
   *
   * @throws IllegalStateException if the episode has not ended
   * @throws org.bridgeway.care.episode.CareInputRejected naming every field at fault, and a day or
   *     reason other than the episode's end
   */
  public static Discharge summarize(
      DischargeId id,
      TreatmentEpisode ended,
      Optional<TreatmentPlan> plan,
      Content content,
      Sensitivity sensitivity,
      String by,
      Instant at,
      LocalDate today) {
    if (!ended.hasEnded()) {
      throw new IllegalStateException("Only an ended episode is summarized afterwards");
    }
    List<FieldViolation> violations = violations(ended, plan, content, today);
    if (content.dischargedOn() != null && !content.dischargedOn().equals(ended.endedOn())) {
      violations.add(
          new FieldViolation("dischargedOn", "NotTheEnd", "must be the day the episode ended"));
    }
    if (content.reason() != null && content.reason() != ended.endReason()) {
      violations.add(
          new FieldViolation("reason", "NotTheEnd", "must be the reason the episode ended"));
    }
    RecordRules.rejectIf(violations);
    return new Discharge(
        Objects.requireNonNull(id),
        ended.id(),
        ended.personId(),
        ended.providerId(),
        content.dischargedOn(),
        content.reason(),
        content.summary().strip(),
        plan.map(TreatmentPlan::revision).orElse(null),
        Objects.requireNonNull(sensitivity),
        Objects.requireNonNull(by),
        Objects.requireNonNull(at),
        content.goals() == null ? List.of() : content.goals(),
        null);
  }

  /** Whether the person completed treatment. */
  public boolean completed() {
    return reason == EndReason.COMPLETED;
  }

  public DischargeId id() {
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

  public LocalDate dischargedOn() {
    return dischargedOn;
  }

  public EndReason reason() {
    return reason;
  }

  public String summary() {
    return summary;
  }

  public Integer planRevision() {
    return planRevision;
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

  public List<GoalOutcome> goals() {
    return goals;
  }

  public Long version() {
    return version;
  }
}
