package org.bridgeway.care.record;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.bridgeway.care.DrugTestId;
import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.care.episode.DrugTestResult;
import org.bridgeway.care.episode.Substance;
import org.bridgeway.care.episode.TreatmentEpisode;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.consent.Sensitivity;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.supervision.PersonId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A drug or alcohol test of the person in an episode: when and how it was collected, what it
 * screened for, what it found and whether a laboratory confirmed it. A test the person refused or
 * missed has no specimen. It changes no more once posted.
 */
@Table("care_drug_test")
public class DrugTest {

  public static final int MAX_SPECIMEN_ID = 60;
  public static final int MAX_EXTERNAL_ID = 100;

  @Id private final DrugTestId id;
  private final TreatmentEpisodeId episodeId;
  private final PersonId personId;
  private final OrganizationId providerId;
  private final LocalDate collectedOn;
  private final TestPanel panel;
  private final TestMethod method;
  private final String specimenId;
  private final String substancesTested;
  private final String substancesFound;
  private final DrugTestResult result;
  private final TestConfirmation confirmation;
  private final String externalId;
  private final Sensitivity sensitivity;
  private final String reportedBy;
  private final Instant reportedAt;
  @Version private Long version;

  @PersistenceCreator
  DrugTest(
      DrugTestId id,
      TreatmentEpisodeId episodeId,
      PersonId personId,
      OrganizationId providerId,
      LocalDate collectedOn,
      TestPanel panel,
      TestMethod method,
      String specimenId,
      String substancesTested,
      String substancesFound,
      DrugTestResult result,
      TestConfirmation confirmation,
      String externalId,
      Sensitivity sensitivity,
      String reportedBy,
      Instant reportedAt,
      Long version) {
    this.id = id;
    this.episodeId = episodeId;
    this.personId = personId;
    this.providerId = providerId;
    this.collectedOn = collectedOn;
    this.panel = panel;
    this.method = method;
    this.specimenId = specimenId;
    this.substancesTested = substancesTested;
    this.substancesFound = substancesFound;
    this.result = result;
    this.confirmation = confirmation;
    this.externalId = externalId;
    this.sensitivity = sensitivity;
    this.reportedBy = reportedBy;
    this.reportedAt = reportedAt;
    this.version = version;
  }

  /**
   * What the provider reports of a test.
   *
   * @param tested the substances screened for; empty for a standard panel's own
   * @param found the substances found; required for a positive result, none for a negative one
   * @param confirmation null for {@link TestConfirmation#NOT_SENT}
   * @param externalId the provider's own id of the test; optional
   */
  public record Content(
      LocalDate collectedOn,
      TestPanel panel,
      TestMethod method,
      String specimenId,
      Set<Substance> tested,
      Set<Substance> found,
      DrugTestResult result,
      TestConfirmation confirmation,
      String externalId) {}

  /** Whether the person gave no specimen: refused or missed the test. */
  public static boolean withoutSpecimen(DrugTestResult result) {
    return result == DrugTestResult.REFUSED || result == DrugTestResult.MISSED;
  }

  /** Every field at fault for a test in the episode; empty if none. */
  public static List<FieldViolation> violations(
      TreatmentEpisode episode, Content content, LocalDate today) {
    List<FieldViolation> violations = new ArrayList<>();
    RecordRules.day(
        violations,
        "collectedOn",
        content.collectedOn(),
        episode,
        InformationCategory.DRUG_TEST_RESULTS,
        today);
    if (content.panel() == null) {
      violations.add(RecordRules.required("panel"));
    }
    if (content.method() == null) {
      violations.add(RecordRules.required("method"));
    }
    if (content.result() == null) {
      violations.add(RecordRules.required("result"));
    }
    boolean noSpecimen = withoutSpecimen(content.result());
    if (content.result() != null && !noSpecimen && isBlank(content.specimenId())) {
      violations.add(
          new FieldViolation(
              "specimenId", "Required", "is required unless the test was refused or missed"));
    }
    if (noSpecimen && !isBlank(content.specimenId())) {
      violations.add(
          new FieldViolation(
              "specimenId",
              "NotAllowed",
              "goes with a specimen: not with a refused or missed test"));
    }
    RecordRules.text(violations, "specimenId", content.specimenId(), MAX_SPECIMEN_ID, false);
    RecordRules.text(violations, "externalId", content.externalId(), MAX_EXTERNAL_ID, false);
    Set<Substance> tested = tested(content);
    Set<Substance> found = content.found() == null ? Set.of() : content.found();
    if (content.panel() == TestPanel.CUSTOM && tested.isEmpty()) {
      violations.add(
          new FieldViolation("tested", "Required", "must name the substances of a custom panel"));
    }
    if (content.result() == DrugTestResult.POSITIVE && found.isEmpty()) {
      violations.add(
          new FieldViolation("found", "Required", "must name what a positive test found"));
    }
    if (content.result() != DrugTestResult.POSITIVE && !found.isEmpty()) {
      violations.add(new FieldViolation("found", "NotAllowed", "goes with a positive result only"));
    }
    if (!tested.isEmpty() && !tested.containsAll(found)) {
      violations.add(
          new FieldViolation("found", "NotTested", "must be among the substances tested for"));
    }
    if (noSpecimen
        && content.confirmation() != null
        && content.confirmation() != TestConfirmation.NOT_SENT) {
      violations.add(
          new FieldViolation(
              "confirmation", "NotAllowed", "a test without a specimen is not confirmed"));
    }
    return violations;
  }

  private static Set<Substance> tested(Content content) {
    if (content.tested() != null && !content.tested().isEmpty()) {
      return content.tested();
    }
    return content.panel() == null ? Set.of() : content.panel().screened();
  }

  /**
   * Posts a test of the person in the episode.
   *
   * @throws org.bridgeway.care.episode.CareInputRejected naming every field at fault
   */
  public static DrugTest post(
      DrugTestId id,
      TreatmentEpisode episode,
      Content content,
      Sensitivity sensitivity,
      String by,
      Instant at,
      LocalDate today) {
    RecordRules.rejectIf(violations(episode, content, today));
    return new DrugTest(
        Objects.requireNonNull(id),
        episode.id(),
        episode.personId(),
        episode.providerId(),
        content.collectedOn(),
        content.panel(),
        content.method(),
        RecordRules.strip(content.specimenId()),
        codes(tested(content)),
        codes(content.found()),
        content.result(),
        content.confirmation() == null ? TestConfirmation.NOT_SENT : content.confirmation(),
        RecordRules.strip(content.externalId()),
        Objects.requireNonNull(sensitivity),
        Objects.requireNonNull(by),
        Objects.requireNonNull(at),
        null);
  }

  private static String codes(Set<Substance> substances) {
    return substances == null
        ? ""
        : substances.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
  }

  private static Set<Substance> substances(String codes) {
    if (codes == null || codes.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(codes.split(","))
        .map(Substance::valueOf)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Substance.class)));
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  public DrugTestId id() {
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

  public LocalDate collectedOn() {
    return collectedOn;
  }

  public TestPanel panel() {
    return panel;
  }

  public TestMethod method() {
    return method;
  }

  public String specimenId() {
    return specimenId;
  }

  /** The substances screened for, in their declared order. */
  public Set<Substance> tested() {
    return substances(substancesTested);
  }

  /** The substances found, in their declared order. */
  public Set<Substance> found() {
    return substances(substancesFound);
  }

  public DrugTestResult result() {
    return result;
  }

  public TestConfirmation confirmation() {
    return confirmation;
  }

  public String externalId() {
    return externalId;
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
