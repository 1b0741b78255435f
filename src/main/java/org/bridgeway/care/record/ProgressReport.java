package org.bridgeway.care.record;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bridgeway.care.ProgressReportId;
import org.bridgeway.care.TreatmentEpisodeId;
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
 * A provider's progress report on an episode for a period: how the person engaged, progress toward
 * each goal of the plan as it was, and a summary. It changes no more once posted.
 */
@Table("care_progress_report")
public class ProgressReport {

  public static final int MAX_SUMMARY = 2000;

  @Id private final ProgressReportId id;
  private final TreatmentEpisodeId episodeId;
  private final PersonId personId;
  private final OrganizationId providerId;
  private final LocalDate periodFrom;
  private final LocalDate periodTo;
  private final Engagement engagement;
  private final String summary;
  private final Integer planRevision;
  private final Sensitivity sensitivity;
  private final String reportedBy;
  private final Instant reportedAt;

  @MappedCollection(idColumn = "report_id", keyColumn = "position")
  private final List<GoalProgress> goals;

  @Version private Long version;

  @PersistenceCreator
  ProgressReport(
      ProgressReportId id,
      TreatmentEpisodeId episodeId,
      PersonId personId,
      OrganizationId providerId,
      LocalDate periodFrom,
      LocalDate periodTo,
      Engagement engagement,
      String summary,
      Integer planRevision,
      Sensitivity sensitivity,
      String reportedBy,
      Instant reportedAt,
      List<GoalProgress> goals,
      Long version) {
    this.id = id;
    this.episodeId = episodeId;
    this.personId = personId;
    this.providerId = providerId;
    this.periodFrom = periodFrom;
    this.periodTo = periodTo;
    this.engagement = engagement;
    this.summary = summary;
    this.planRevision = planRevision;
    this.sensitivity = sensitivity;
    this.reportedBy = reportedBy;
    this.reportedAt = reportedAt;
    this.goals = goals == null ? List.of() : List.copyOf(goals);
    this.version = version;
  }

  /** What the provider reports; {@code goals} rate goals of the episode's present plan. */
  public record Content(
      LocalDate periodFrom,
      LocalDate periodTo,
      Engagement engagement,
      String summary,
      List<GoalProgress> goals) {}

  /** Every field at fault for a report on the episode with its present plan; empty if none. */
  public static List<FieldViolation> violations(
      TreatmentEpisode episode, Optional<TreatmentPlan> plan, Content content, LocalDate today) {
    List<FieldViolation> violations = new ArrayList<>();
    RecordRules.day(
        violations,
        "periodFrom",
        content.periodFrom(),
        episode,
        InformationCategory.PROGRESS,
        today);
    RecordRules.day(
        violations, "periodTo", content.periodTo(), episode, InformationCategory.PROGRESS, today);
    if (content.periodFrom() != null
        && content.periodTo() != null
        && content.periodTo().isBefore(content.periodFrom())) {
      violations.add(
          new FieldViolation("periodTo", "BeforeStart", "must not be before periodFrom"));
    }
    if (content.engagement() == null) {
      violations.add(RecordRules.required("engagement"));
    }
    RecordRules.text(violations, "summary", content.summary(), MAX_SUMMARY, true);
    RecordRules.goals(
        violations,
        plan,
        content.goals(),
        GoalProgress::goalId,
        GoalProgress::progress,
        "progress");
    return violations;
  }

  /**
   * Posts a progress report on an episode.
   *
   * @throws org.bridgeway.care.episode.CareInputRejected naming every field at fault
   */
  public static ProgressReport post(
      ProgressReportId id,
      TreatmentEpisode episode,
      Optional<TreatmentPlan> plan,
      Content content,
      Sensitivity sensitivity,
      String by,
      Instant at,
      LocalDate today) {
    RecordRules.rejectIf(violations(episode, plan, content, today));
    return new ProgressReport(
        Objects.requireNonNull(id),
        episode.id(),
        episode.personId(),
        episode.providerId(),
        content.periodFrom(),
        content.periodTo(),
        content.engagement(),
        content.summary().strip(),
        plan.map(TreatmentPlan::revision).orElse(null),
        Objects.requireNonNull(sensitivity),
        Objects.requireNonNull(by),
        Objects.requireNonNull(at),
        content.goals() == null ? List.of() : content.goals(),
        null);
  }

  public ProgressReportId id() {
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

  public LocalDate periodFrom() {
    return periodFrom;
  }

  public LocalDate periodTo() {
    return periodTo;
  }

  public Engagement engagement() {
    return engagement;
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

  public String reportedBy() {
    return reportedBy;
  }

  public Instant reportedAt() {
    return reportedAt;
  }

  public List<GoalProgress> goals() {
    return goals;
  }

  public Long version() {
    return version;
  }
}
