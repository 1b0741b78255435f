package org.bridgeway.care.episode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.supervision.PersonId;
import org.junit.jupiter.api.Test;

class TreatmentEpisodeTest {

  static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
  static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
  static final OrganizationId AGENCY = OrganizationId.random();
  static final OrganizationId PROVIDER = OrganizationId.random();

  static TreatmentEpisode episode(LocalDate startedOn) {
    return TreatmentEpisode.record(
        TreatmentEpisodeId.random(),
        new TreatmentEpisode.PersonShown(PersonId.random(), "Ana Reyes", LocalDate.of(1990, 5, 1)),
        AGENCY,
        PROVIDER,
        null,
        TreatmentBasis.COURT_ORDERED,
        startedOn,
        "user:officer",
        NOW,
        TODAY);
  }

  @Test
  void aRecordedEpisodeIsOpenAndShowsThePersonsNameAndBirthDateOnly() {
    TreatmentEpisode episode = episode(TODAY.minusDays(30));

    assertThat(episode.hasEnded()).isFalse();
    assertThat(episode.person().name()).isEqualTo("Ana Reyes");
    assertThat(episode.person().dateOfBirth()).isEqualTo(LocalDate.of(1990, 5, 1));
    assertThat(episode.providerId()).isEqualTo(PROVIDER);
  }

  @Test
  void treatmentCannotStartInTheFuture() {
    assertThatThrownBy(() -> episode(TODAY.plusDays(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theSupervisingAgencyIsNotItsOwnProvider() {
    assertThatThrownBy(
            () ->
                TreatmentEpisode.record(
                    TreatmentEpisodeId.random(),
                    new TreatmentEpisode.PersonShown(PersonId.random(), "A B", TODAY),
                    AGENCY,
                    AGENCY,
                    null,
                    TreatmentBasis.VOLUNTARY,
                    TODAY,
                    "x",
                    NOW,
                    TODAY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void endingRecordsTheDayAndReasonOnce() {
    TreatmentEpisode episode = episode(TODAY.minusDays(30));

    episode.end(TODAY.minusDays(1), EndReason.NON_ATTENDANCE, "user:provider", NOW, TODAY);

    assertThat(episode.hasEnded()).isTrue();
    assertThat(episode.endedOn()).isEqualTo(TODAY.minusDays(1));
    assertThat(episode.endReason()).isEqualTo(EndReason.NON_ATTENDANCE);
    assertThatThrownBy(() -> episode.end(TODAY, EndReason.COMPLETED, "user:provider", NOW, TODAY))
        .isInstanceOf(IllegalStateException.class);
    assertThat(episode.endReason()).isEqualTo(EndReason.NON_ATTENDANCE);
  }

  @Test
  void treatmentCannotEndBeforeItStartedOrInTheFuture() {
    TreatmentEpisode episode = episode(TODAY.minusDays(30));

    assertThatThrownBy(() -> episode.end(TODAY.minusDays(31), EndReason.COMPLETED, "p", NOW, TODAY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> episode.end(TODAY.plusDays(1), EndReason.COMPLETED, "p", NOW, TODAY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(episode.hasEnded()).isFalse();
  }

  @Test
  void anEndedEpisodeTakesReportsUpToItsEndButADischargeSummaryAfterwards() {
    TreatmentEpisode episode = episode(TODAY.minusDays(30));
    episode.end(TODAY.minusDays(10), EndReason.COMPLETED, "p", NOW, TODAY);

    assertThat(episode.acceptsReportOn(TODAY.minusDays(31), InformationCategory.ATTENDANCE))
        .isFalse();
    assertThat(episode.acceptsReportOn(TODAY.minusDays(10), InformationCategory.ATTENDANCE))
        .isTrue();
    assertThat(episode.acceptsReportOn(TODAY.minusDays(9), InformationCategory.ATTENDANCE))
        .isFalse();
    assertThat(episode.acceptsReportOn(TODAY.minusDays(9), InformationCategory.DISCHARGE_SUMMARY))
        .isTrue();
  }

  @Test
  void treatmentEndsForTheEngineOnlyWhenNoEpisodeAtTheProgramIsOpen() {
    TreatmentEpisode first = episode(TODAY.minusDays(100));
    first.end(TODAY.minusDays(60), EndReason.TRANSFERRED, "p", NOW, TODAY);
    TreatmentEpisode second = episode(TODAY.minusDays(50));

    assertThat(EpisodeTreatmentEndings.endedOn(List.of())).isEmpty();
    assertThat(EpisodeTreatmentEndings.endedOn(List.of(first, second))).isEmpty();

    second.end(TODAY.minusDays(5), EndReason.COMPLETED, "p", NOW, TODAY);
    assertThat(EpisodeTreatmentEndings.endedOn(List.of(first, second)))
        .contains(TODAY.minusDays(5));
  }
}
