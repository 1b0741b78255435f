package org.bridgeway.care.episode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.bridgeway.care.ProviderReportId;
import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.consent.Sensitivity;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.supervision.PersonId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * What a treatment provider reports on an episode: a category of information, the day it is about,
 * a short summary and, for a drug test, its result and substances. Stamped with the sensitivity of
 * the provider's information when it was written; it changes no more once posted.
 */
@Table("care_report")
public class ProviderReport {

  /** The longest summary, in characters. */
  public static final int MAX_SUMMARY = 2000;

  @Id private final ProviderReportId id;
  private final TreatmentEpisodeId episodeId;
  private final PersonId personId;
  private final OrganizationId providerId;
  private final InformationCategory category;
  private final LocalDate reportedOn;
  private final String summary;
  private final DrugTestResult drugTestResult;
  private final String substances;
  private final Sensitivity sensitivity;
  private final String reportedBy;
  private final Instant reportedAt;
  @Version private Long version;

  @PersistenceCreator
  ProviderReport(
      ProviderReportId id,
      TreatmentEpisodeId episodeId,
      PersonId personId,
      OrganizationId providerId,
      InformationCategory category,
      LocalDate reportedOn,
      String summary,
      DrugTestResult drugTestResult,
      String substances,
      Sensitivity sensitivity,
      String reportedBy,
      Instant reportedAt,
      Long version) {
    this.id = id;
    this.episodeId = episodeId;
    this.personId = personId;
    this.providerId = providerId;
    this.category = category;
    this.reportedOn = reportedOn;
    this.summary = summary;
    this.drugTestResult = drugTestResult;
    this.substances = substances;
    this.sensitivity = sensitivity;
    this.reportedBy = reportedBy;
    this.reportedAt = reportedAt;
    this.version = version;
  }

  /** What a provider reports; {@code result} and {@code substances} for drug tests only. */
  public record Content(
      InformationCategory category,
      LocalDate reportedOn,
      String summary,
      DrugTestResult result,
      Set<Substance> substances) {}

  /**
   * Posts a report on an episode.
   *
   * @param today the present: a report is not about a day in the future
   * @throws IllegalArgumentException if the day is in the future or outside the episode, the
   *     summary is blank or too long, or a drug test result is missing or given for another
   *     category
   */
  public static ProviderReport post(
      ProviderReportId id,
      TreatmentEpisode episode,
      Content content,
      Sensitivity sensitivity,
      String by,
      Instant at,
      LocalDate today) {
    InformationCategory category = Objects.requireNonNull(content.category(), "category");
    LocalDate day = Objects.requireNonNull(content.reportedOn(), "reportedOn");
    if (day.isAfter(today)) {
      throw new IllegalArgumentException("A report cannot be about a day in the future");
    }
    if (!episode.acceptsReportOn(day, category)) {
      throw new IllegalArgumentException("The day is outside the treatment episode");
    }
    String text = content.summary() == null ? "" : content.summary().strip();
    if (text.isEmpty() || text.length() > MAX_SUMMARY) {
      throw new IllegalArgumentException("A summary has 1 to " + MAX_SUMMARY + " characters");
    }
    boolean drugTest = category == InformationCategory.DRUG_TEST_RESULTS;
    Set<Substance> named = content.substances() == null ? Set.of() : content.substances();
    if (drugTest != (content.result() != null) || (!drugTest && !named.isEmpty())) {
      throw new IllegalArgumentException("A result and substances go with drug test results only");
    }
    return new ProviderReport(
        Objects.requireNonNull(id),
        episode.id(),
        episode.personId(),
        episode.providerId(),
        category,
        day,
        text,
        content.result(),
        named.isEmpty()
            ? null
            : named.stream().sorted().map(Enum::name).collect(Collectors.joining(",")),
        Objects.requireNonNull(sensitivity, "sensitivity"),
        Objects.requireNonNull(by),
        Objects.requireNonNull(at),
        null);
  }

  public ProviderReportId id() {
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

  public InformationCategory category() {
    return category;
  }

  public LocalDate reportedOn() {
    return reportedOn;
  }

  public String summary() {
    return summary;
  }

  public DrugTestResult drugTestResult() {
    return drugTestResult;
  }

  /** The substances named, in their declared order. */
  public Set<Substance> substances() {
    if (substances == null || substances.isEmpty()) {
      return Set.of();
    }
    return Arrays.stream(substances.split(","))
        .map(Substance::valueOf)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Substance.class)));
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

  public Long version() {
    return version;
  }
}
