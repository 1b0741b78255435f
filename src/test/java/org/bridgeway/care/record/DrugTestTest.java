package org.bridgeway.care.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.care.episode.DrugTestResult;
import org.bridgeway.care.episode.Substance;
import org.bridgeway.care.episode.TreatmentBasis;
import org.bridgeway.care.episode.TreatmentEpisode;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.supervision.PersonId;
import org.junit.jupiter.api.Test;

class DrugTestTest {

  static final LocalDate TODAY = LocalDate.parse("2026-06-10");

  final TreatmentEpisode episode =
      TreatmentEpisode.record(
          TreatmentEpisodeId.random(),
          new TreatmentEpisode.PersonShown(
              new PersonId(UUID.randomUUID()), "Pat Example", LocalDate.parse("1990-01-01")),
          new OrganizationId(UUID.randomUUID()),
          new OrganizationId(UUID.randomUUID()),
          null,
          TreatmentBasis.COURT_ORDERED,
          LocalDate.parse("2026-05-01"),
          "agency",
          Instant.parse("2026-06-10T12:00:00Z"),
          TODAY);

  List<String> fields(
      TestPanel panel, String specimen, Set<Substance> found, DrugTestResult result) {
    return DrugTest.violations(
            episode,
            new DrugTest.Content(
                TODAY, panel, TestMethod.URINE, specimen, Set.of(), found, result, null, null),
            TODAY)
        .stream()
        .map(FieldViolation::field)
        .toList();
  }

  @Test
  void aSpecimenIsRequiredUnlessTheTestWasRefusedOrMissed() {
    assertThat(fields(TestPanel.FIVE_PANEL, null, Set.of(), DrugTestResult.NEGATIVE))
        .containsExactly("specimenId");
    assertThat(fields(TestPanel.FIVE_PANEL, null, Set.of(), DrugTestResult.MISSED)).isEmpty();
    assertThat(fields(TestPanel.FIVE_PANEL, null, Set.of(), DrugTestResult.REFUSED)).isEmpty();
    assertThat(fields(TestPanel.FIVE_PANEL, "S-1", Set.of(), DrugTestResult.MISSED))
        .containsExactly("specimenId");
  }

  @Test
  void aPositiveTestNamesWhatItFoundAmongWhatItScreenedFor() {
    assertThat(fields(TestPanel.FIVE_PANEL, "S-1", Set.of(), DrugTestResult.POSITIVE))
        .containsExactly("found");
    assertThat(
            fields(
                TestPanel.ALCOHOL_ETG, "S-1", Set.of(Substance.FENTANYL), DrugTestResult.POSITIVE))
        .containsExactly("found");
    assertThat(
            fields(
                TestPanel.TWELVE_PANEL, "S-1", Set.of(Substance.FENTANYL), DrugTestResult.POSITIVE))
        .isEmpty();
    assertThat(fields(TestPanel.CUSTOM, "S-1", Set.of(), DrugTestResult.NEGATIVE))
        .containsExactly("tested");
  }

  @Test
  void aTestIsNotFromTheFutureNorBeforeTheEpisode() {
    assertThat(
            DrugTest.violations(
                    episode,
                    new DrugTest.Content(
                        TODAY.plusDays(1),
                        TestPanel.FIVE_PANEL,
                        TestMethod.BREATH,
                        null,
                        Set.of(),
                        Set.of(),
                        DrugTestResult.REFUSED,
                        null,
                        null),
                    TODAY)
                .stream()
                .map(FieldViolation::code)
                .toList())
        .containsExactly("PastOrPresent");
  }
}
