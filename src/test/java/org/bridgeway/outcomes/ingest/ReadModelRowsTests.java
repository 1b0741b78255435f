package org.bridgeway.outcomes.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.care.CareHistory.EpisodeCourse;
import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.directory.ServiceId;
import org.bridgeway.directory.ServicePrograms.ServiceProgram;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.outcomes.ingest.ReadModelRows.ParticipationRow;
import org.bridgeway.referrals.ReferralHistory.ReferralCourse;
import org.bridgeway.referrals.ReferralId;
import org.bridgeway.referrals.ReferralState;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.SupervisionHistory;
import org.junit.jupiter.api.Test;

/** Which care becomes participation: a referral's, and an episode's that had none. */
class ReadModelRowsTests {

  private static final OrganizationId AGENCY = new OrganizationId(UUID.randomUUID());
  private static final OrganizationId PROVIDER = new OrganizationId(UUID.randomUUID());
  private static final PersonId PERSON = new PersonId(UUID.randomUUID());
  private static final UUID SERVICE = UUID.randomUUID();
  private static final UUID PROGRAM = UUID.randomUUID();
  private static final LocalDate START = LocalDate.of(2025, 3, 3);

  private final SupervisionHistory.History history =
      new SupervisionHistory.History(
          List.of(
              new SupervisionHistory.PersonFacts(
                  PERSON, AGENCY, "A-1", LocalDate.of(1990, 1, 1), "MALE", null, null, "07101")),
          List.of(),
          List.of());
  private final Map<ServiceId, ServiceProgram> programs =
      Map.of(
          new ServiceId(SERVICE),
          new ServiceProgram(new ServiceId(SERVICE), PROGRAM, "Moral reconation therapy"));

  @Test
  void anEpisodeWithoutAPlatformReferralIsParticipationFromItsStart() {
    EpisodeCourse episode = episode(null, START.plusDays(60));

    List<ParticipationRow> rows =
        ReadModelRows.of(history, List.of(), List.of(episode), List.of(), programs).participations;

    assertThat(rows).hasSize(1);
    ParticipationRow row = rows.getFirst();
    assertThat(row.sourceRef()).isEqualTo("episode:" + episode.id().value());
    assertThat(row.program()).isEqualTo(PROGRAM.toString());
    assertThat(row.programName()).isEqualTo("Moral reconation therapy");
    assertThat(row.referredOn()).isEqualTo(START);
    assertThat(row.acceptedOn()).isEqualTo(START);
    assertThat(row.needDomain()).isNull();
    assertThat(row.firstSessionOn()).isEqualTo(START.plusDays(4));
    assertThat(row.sessionsScheduled()).isEqualTo(10);
    assertThat(row.sessionsAttended()).isEqualTo(8);
    assertThat(row.endedOn()).isEqualTo(START.plusDays(60));
    assertThat(row.completion()).isEqualTo("COMPLETED");
  }

  @Test
  void anEpisodeOfAReferralIsThatReferralsParticipationAndNotASecondOne() {
    ReferralId referral = new ReferralId(UUID.randomUUID());
    ReferralCourse course =
        new ReferralCourse(
            referral,
            PERSON,
            AGENCY,
            START.minusDays(10),
            START.minusDays(5),
            null,
            SERVICE,
            "MRT",
            PROVIDER,
            "COGNITIVE_BEHAVIORAL",
            ReferralState.ACCEPTED);

    List<ParticipationRow> rows =
        ReadModelRows.of(
                history, List.of(course), List.of(episode(referral, null)), List.of(), programs)
            .participations;

    assertThat(rows)
        .singleElement()
        .extracting(ParticipationRow::sourceRef)
        .isEqualTo(referral.value().toString());
    assertThat(rows.getFirst().referredOn()).isEqualTo(START.minusDays(10));
    assertThat(rows.getFirst().sessionsAttended()).isEqualTo(8);
  }

  @Test
  void anEpisodeOfSomeoneElseOrWithoutADirectoryServiceIsLeftOut() {
    EpisodeCourse stranger =
        new EpisodeCourse(
            new TreatmentEpisodeId(UUID.randomUUID()),
            null,
            new PersonId(UUID.randomUUID()),
            AGENCY,
            PROVIDER,
            SERVICE,
            START,
            1,
            1,
            START,
            null,
            null,
            null,
            0);
    EpisodeCourse unlisted =
        new EpisodeCourse(
            new TreatmentEpisodeId(UUID.randomUUID()),
            null,
            PERSON,
            AGENCY,
            PROVIDER,
            null,
            START,
            1,
            1,
            START,
            null,
            null,
            null,
            0);

    assertThat(
            ReadModelRows.of(history, List.of(), List.of(stranger, unlisted), List.of(), programs)
                .participations)
        .isEmpty();
  }

  private static EpisodeCourse episode(ReferralId referral, LocalDate dischargedOn) {
    return new EpisodeCourse(
        new TreatmentEpisodeId(UUID.randomUUID()),
        referral,
        PERSON,
        AGENCY,
        PROVIDER,
        SERVICE,
        START,
        10,
        8,
        START.plusDays(4),
        dischargedOn == null ? null : UUID.randomUUID(),
        dischargedOn,
        dischargedOn == null ? null : "COMPLETED",
        dischargedOn == null ? 0 : 2);
  }
}
