package org.bridgeway.care.episode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bridgeway.care.episode.TreatmentEpisodeTest.NOW;
import static org.bridgeway.care.episode.TreatmentEpisodeTest.TODAY;

import java.util.EnumSet;
import java.util.Set;
import org.bridgeway.care.ProviderReportId;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.consent.Sensitivity;
import org.junit.jupiter.api.Test;

class ProviderReportTest {

  private final TreatmentEpisode episode = TreatmentEpisodeTest.episode(TODAY.minusDays(30));

  private ProviderReport post(ProviderReport.Content content) {
    return ProviderReport.post(
        ProviderReportId.random(), episode, content, Sensitivity.PART_2, "user:p", NOW, TODAY);
  }

  @Test
  void aDrugTestCarriesItsResultAndSubstancesAndTheSensitivityAtWriting() {
    ProviderReport report =
        post(
            new ProviderReport.Content(
                InformationCategory.DRUG_TEST_RESULTS,
                TODAY,
                "  Random urine screen  ",
                DrugTestResult.POSITIVE,
                EnumSet.of(Substance.FENTANYL, Substance.CANNABIS)));

    assertThat(report.summary()).isEqualTo("Random urine screen");
    assertThat(report.drugTestResult()).isEqualTo(DrugTestResult.POSITIVE);
    assertThat(report.substances()).containsExactly(Substance.CANNABIS, Substance.FENTANYL);
    assertThat(report.sensitivity()).isEqualTo(Sensitivity.PART_2);
    assertThat(report.personId()).isEqualTo(episode.personId());
    assertThat(report.providerId()).isEqualTo(episode.providerId());
  }

  @Test
  void aReportIsNotAboutADayInTheFutureOrBeforeTheEpisode() {
    assertThatThrownBy(
            () ->
                post(
                    new ProviderReport.Content(
                        InformationCategory.ATTENDANCE, TODAY.plusDays(1), "x", null, Set.of())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                post(
                    new ProviderReport.Content(
                        InformationCategory.ATTENDANCE, TODAY.minusDays(31), "x", null, Set.of())))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSummaryIsRequiredAndLimited() {
    assertThatThrownBy(
            () ->
                post(
                    new ProviderReport.Content(
                        InformationCategory.PROGRESS, TODAY, "   ", null, Set.of())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                post(
                    new ProviderReport.Content(
                        InformationCategory.PROGRESS,
                        TODAY,
                        "x".repeat(ProviderReport.MAX_SUMMARY + 1),
                        null,
                        Set.of())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(
            post(new ProviderReport.Content(
                    InformationCategory.PROGRESS,
                    TODAY,
                    "x".repeat(ProviderReport.MAX_SUMMARY),
                    null,
                    Set.of()))
                .summary())
        .hasSize(ProviderReport.MAX_SUMMARY);
  }

  @Test
  void aResultGoesWithDrugTestResultsOnlyAndADrugTestNeedsOne() {
    assertThatThrownBy(
            () ->
                post(
                    new ProviderReport.Content(
                        InformationCategory.DRUG_TEST_RESULTS, TODAY, "Screen", null, Set.of())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                post(
                    new ProviderReport.Content(
                        InformationCategory.ATTENDANCE,
                        TODAY,
                        "Attended",
                        DrugTestResult.NEGATIVE,
                        Set.of())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                post(
                    new ProviderReport.Content(
                        InformationCategory.ATTENDANCE,
                        TODAY,
                        "Attended",
                        null,
                        Set.of(Substance.ALCOHOL))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
