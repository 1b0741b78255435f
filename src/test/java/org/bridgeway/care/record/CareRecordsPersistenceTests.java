package org.bridgeway.care.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bridgeway.care.AppointmentId;
import org.bridgeway.care.DischargeId;
import org.bridgeway.care.DrugTestId;
import org.bridgeway.care.ProgressReportId;
import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.care.TreatmentPlanId;
import org.bridgeway.care.episode.DrugTestResult;
import org.bridgeway.care.episode.EndReason;
import org.bridgeway.care.episode.Substance;
import org.bridgeway.care.episode.TreatmentEpisode;
import org.bridgeway.care.episode.TreatmentEpisodes;
import org.bridgeway.care.session.Appointment;
import org.bridgeway.care.session.AppointmentChange;
import org.bridgeway.care.session.AppointmentKind;
import org.bridgeway.care.session.AppointmentMode;
import org.bridgeway.care.session.AppointmentStatus;
import org.bridgeway.care.session.Appointments;
import org.bridgeway.care.session.AttendanceOutcome;
import org.bridgeway.care.session.ChangeParty;
import org.bridgeway.care.session.Concern;
import org.bridgeway.consent.Sensitivity;
import org.bridgeway.testing.CareFixtures;
import org.bridgeway.testing.CareFixtures.Episode;
import org.bridgeway.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The provider's records survive a round trip through their tables whole: an appointment with its
 * history and attendance, plan revisions with goals, a progress report, a drug test and the
 * discharge that ends the episode.
 */
@IntegrationTest
class CareRecordsPersistenceTests {

  @Autowired CareFixtures care;
  @Autowired TreatmentEpisodes episodes;
  @Autowired Appointments appointments;
  @Autowired TreatmentPlans plans;
  @Autowired ProgressReports progress;
  @Autowired DrugTests tests;
  @Autowired Discharges discharges;
  @Autowired Clock clock;

  @Test
  void recordsAreKeptWhole() {
    Episode fixture = care.episodeAt(care.provider());
    TreatmentEpisode episode =
        episodes.findById(new TreatmentEpisodeId(fixture.id())).orElseThrow();
    Instant now = clock.instant();
    LocalDate today = LocalDate.now(clock);

    Appointment appointment =
        Appointment.schedule(
            AppointmentId.random(),
            episode,
            new Appointment.Details(
                AppointmentKind.INDIVIDUAL,
                AppointmentMode.VIDEO,
                now.minus(Duration.ofHours(3)),
                50,
                "Video link by text",
                null,
                "ext-" + fixture.id()),
            Sensitivity.PART_2,
            "staff",
            now);
    appointments.save(appointment);
    Appointment loaded = appointments.findById(appointment.id()).orElseThrow();
    loaded.reschedule(now.plus(Duration.ofDays(1)), ChangeParty.PERSON, "Work shift", "staff", now);
    appointments.save(loaded);
    loaded = appointments.findById(appointment.id()).orElseThrow();
    assertThat(loaded.changes())
        .extracting(AppointmentChange::kind, AppointmentChange::requestedBy)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                AppointmentChange.Kind.RESCHEDULED, ChangeParty.PERSON));
    loaded.recordAttendance(
        new Appointment.AttendanceEntry(
            AttendanceOutcome.NO_SHOW_UNEXCUSED, "No call", "note", "Missed", Set.of(Concern.RISK)),
        "staff",
        now.plus(Duration.ofDays(2)));
    appointments.save(loaded);
    loaded = appointments.findById(appointment.id()).orElseThrow();
    assertThat(loaded.status()).isEqualTo(AppointmentStatus.HELD);
    assertThat(loaded.attendance().outcome()).isEqualTo(AttendanceOutcome.NO_SHOW_UNEXCUSED);
    assertThat(loaded.attendance().concernFlags()).containsExactly(Concern.RISK);
    assertThat(loaded.changes()).hasSize(1);

    TreatmentPlan plan =
        TreatmentPlan.first(
            TreatmentPlanId.random(),
            episode,
            new TreatmentPlan.Content(
                LevelOfCare.ASAM_2_1,
                24,
                today,
                List.of(new TreatmentPlan.GoalEntry(null, "Abstinence"))),
            Sensitivity.PART_2,
            "staff",
            now,
            today);
    plans.save(plan);
    TreatmentPlan revised =
        plan.revise(
            TreatmentPlanId.random(),
            episode,
            new TreatmentPlan.Content(
                LevelOfCare.ASAM_1,
                30,
                today,
                List.of(
                    new TreatmentPlan.GoalEntry(plan.goals().get(0).goalId(), "Abstinence"),
                    new TreatmentPlan.GoalEntry(null, "Employment"))),
            Sensitivity.PART_2,
            "staff",
            now,
            today);
    plans.save(revised);
    TreatmentPlan current =
        plans.findFirstByEpisodeIdOrderByRevisionDesc(episode.id()).orElseThrow();
    assertThat(current.revision()).isEqualTo(2);
    assertThat(current.goals()).hasSize(2);
    assertThat(current.goals().get(0).goalId()).isEqualTo(plan.goals().get(0).goalId());

    ProgressReport report =
        ProgressReport.post(
            ProgressReportId.random(),
            episode,
            Optional.of(current),
            new ProgressReport.Content(
                fixture.startedOn(),
                today,
                Engagement.PARTIAL,
                "Coming along",
                List.of(
                    new GoalProgress(
                        current.goals().get(1).goalId(), GoalProgressLevel.IMPROVING))),
            Sensitivity.PART_2,
            "staff",
            now,
            today);
    progress.save(report);
    assertThat(progress.findById(report.id()).orElseThrow().goals())
        .containsExactly(
            new GoalProgress(current.goals().get(1).goalId(), GoalProgressLevel.IMPROVING));

    DrugTest test =
        DrugTest.post(
            DrugTestId.random(),
            episode,
            new DrugTest.Content(
                today,
                TestPanel.TEN_PANEL,
                TestMethod.URINE,
                "S-1",
                Set.of(),
                Set.of(Substance.COCAINE),
                DrugTestResult.POSITIVE,
                TestConfirmation.PENDING,
                null),
            Sensitivity.PART_2,
            "staff",
            now,
            today);
    tests.save(test);
    DrugTest loadedTest = tests.findById(test.id()).orElseThrow();
    assertThat(loadedTest.found()).containsExactly(Substance.COCAINE);
    assertThat(loadedTest.tested()).contains(Substance.COCAINE, Substance.OPIATES);

    Discharge discharge =
        Discharge.discharge(
            DischargeId.random(),
            episode,
            Optional.of(current),
            new Discharge.Content(
                today,
                EndReason.COMPLETED,
                "Completed the program",
                List.of(new GoalOutcome(current.goals().get(0).goalId(), GoalAttainment.ACHIEVED))),
            Sensitivity.PART_2,
            "staff",
            now,
            today);
    discharges.save(discharge);
    episodes.save(episode);
    assertThat(discharges.findByEpisodeId(episode.id()).orElseThrow().goals()).hasSize(1);
    assertThat(episodes.findById(episode.id()).orElseThrow().endReason())
        .isEqualTo(EndReason.COMPLETED);
  }
}
