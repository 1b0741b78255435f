package org.bridgeway.care.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.bridgeway.care.AppointmentId;
import org.bridgeway.care.DischargeId;
import org.bridgeway.care.DrugTestId;
import org.bridgeway.care.ProgressReportId;
import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.care.TreatmentPlanId;
import org.bridgeway.care.episode.DrugTestResult;
import org.bridgeway.care.episode.Substance;
import org.bridgeway.care.episode.TreatmentEpisode;
import org.bridgeway.care.episode.TreatmentEpisodes;
import org.bridgeway.care.record.Discharge;
import org.bridgeway.care.record.Discharges;
import org.bridgeway.care.record.DrugTest;
import org.bridgeway.care.record.DrugTests;
import org.bridgeway.care.record.Engagement;
import org.bridgeway.care.record.GoalAttainment;
import org.bridgeway.care.record.GoalOutcome;
import org.bridgeway.care.record.GoalProgress;
import org.bridgeway.care.record.GoalProgressLevel;
import org.bridgeway.care.record.LevelOfCare;
import org.bridgeway.care.record.PlanGoal;
import org.bridgeway.care.record.ProgressReport;
import org.bridgeway.care.record.ProgressReports;
import org.bridgeway.care.record.TestConfirmation;
import org.bridgeway.care.record.TestMethod;
import org.bridgeway.care.record.TestPanel;
import org.bridgeway.care.record.TreatmentPlan;
import org.bridgeway.care.record.TreatmentPlans;
import org.bridgeway.care.session.Appointment;
import org.bridgeway.care.session.AppointmentKind;
import org.bridgeway.care.session.AppointmentMode;
import org.bridgeway.care.session.Appointments;
import org.bridgeway.care.session.AttendanceOutcome;
import org.bridgeway.care.session.ChangeParty;
import org.bridgeway.care.session.Concern;
import org.bridgeway.consent.Part2Programs;
import org.bridgeway.consent.Sensitivity;
import org.bridgeway.shared.demo.DemoData;
import org.bridgeway.shared.demo.DemoDataStep;
import org.bridgeway.shared.security.Actor;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The provider's records for the demo people in treatment ({@link CareDemoData}'s episodes): a plan
 * with goals, and for the episodes that go on weekly sessions with a realistic attendance pattern
 * (mostly attended, some late, excused and unexcused no-shows, one with a relapse concern), a moved
 * session and two to come, monthly progress reports and tests every other week; the ended episodes
 * get their discharge summary. Deterministic from the demo seed.
 */
@Component
@Profile("demo")
class CareRecordsDemoData implements DemoDataStep {

  private static final int EPISODES = 5;
  private static final String[][] GOALS = {
    {"No alcohol or drug use", "Attend every group session", "Find stable housing"},
    {"Reduce methamphetamine use to none", "Return to part-time work"},
    {"Complete the outpatient program", "Build a sober support network"},
    {"Stay abstinent from opioids", "Keep medication appointments"},
    {"Attend sessions weekly", "Reconnect with family"}
  };

  private final TreatmentEpisodes episodes;
  private final Appointments appointments;
  private final TreatmentPlans plans;
  private final ProgressReports progress;
  private final DrugTests tests;
  private final Discharges discharges;
  private final Part2Programs part2;
  private final Clock clock;

  CareRecordsDemoData(
      TreatmentEpisodes episodes,
      Appointments appointments,
      TreatmentPlans plans,
      ProgressReports progress,
      DrugTests tests,
      Discharges discharges,
      Part2Programs part2,
      Clock clock) {
    this.episodes = episodes;
    this.appointments = appointments;
    this.plans = plans;
    this.progress = progress;
    this.tests = tests;
    this.discharges = discharges;
    this.part2 = part2;
    this.clock = clock;
  }

  @Override
  public int order() {
    return 460;
  }

  @Override
  @Transactional
  public void seed(DemoData demo) {
    if (plans.existsById(new TreatmentPlanId(demo.id("care-plan:0")))) {
      return;
    }
    Random random = demo.random("care-records");
    LocalDate today = LocalDate.now(clock);
    Instant now = clock.instant();
    String by = Actor.system().reference();
    for (int n = 0; n < EPISODES; n++) {
      Optional<TreatmentEpisode> found =
          episodes.findById(new TreatmentEpisodeId(demo.id("care-episode:" + n)));
      if (found.isEmpty()) {
        return;
      }
      TreatmentEpisode episode = found.get();
      Sensitivity sensitivity = part2.sensitivityOf(episode.providerId());
      List<TreatmentPlan.GoalEntry> goals = new ArrayList<>();
      for (String goal : GOALS[n]) {
        goals.add(new TreatmentPlan.GoalEntry(null, goal));
      }
      TreatmentPlan plan =
          TreatmentPlan.first(
              new TreatmentPlanId(demo.id("care-plan:" + n)),
              episode,
              new TreatmentPlan.Content(
                  n % 2 == 0 ? LevelOfCare.ASAM_2_1 : LevelOfCare.ASAM_1,
                  n % 2 == 0 ? 36 : 16,
                  episode.startedOn().plusDays(7),
                  goals),
              sensitivity,
              by,
              now,
              today);
      plans.save(plan);
      if (episode.hasEnded()) {
        discharge(demo, n, episode, plan, sensitivity, by, now, today);
      } else {
        sessions(demo, random, n, episode, sensitivity, by, now);
        reports(demo, random, n, episode, plan, sensitivity, by, now, today);
      }
    }
  }

  private void sessions(
      DemoData demo,
      Random random,
      int n,
      TreatmentEpisode episode,
      Sensitivity sensitivity,
      String by,
      Instant now) {
    LocalDate first = episode.startedOn().plusDays(2);
    int serial = 0;
    for (LocalDate day = first; ; day = day.plusDays(7)) {
      Instant startsAt = day.atTime(10, 0).toInstant(ZoneOffset.UTC);
      boolean past = startsAt.plus(Duration.ofHours(2)).isBefore(now);
      Appointment appointment =
          Appointment.schedule(
              new AppointmentId(demo.id("care-appointment:" + n + ":" + serial)),
              episode,
              new Appointment.Details(
                  serial == 0 ? AppointmentKind.INTAKE : AppointmentKind.GROUP,
                  serial % 5 == 3 ? AppointmentMode.VIDEO : AppointmentMode.IN_PERSON,
                  startsAt,
                  serial == 0 ? 90 : 60,
                  "Group room B, 2nd floor",
                  serial == 0 ? "Bring photo ID and your medication list." : null,
                  null),
              sensitivity,
              by,
              now);
      if (past) {
        appointment.recordAttendance(attendance(random, serial), by, now);
      } else if (serial % 2 == 1) {
        appointment.reschedule(
            startsAt.plus(Duration.ofDays(1)), ChangeParty.PERSON, "Work shift moved", by, now);
      }
      appointments.save(appointment);
      serial++;
      if (!past
          && serial > 2
          && day.isAfter(LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(7))) {
        return;
      }
    }
  }

  private static Appointment.AttendanceEntry attendance(Random random, int serial) {
    int roll = random.nextInt(20);
    if (roll < 13 || serial == 0) {
      return new Appointment.AttendanceEntry(
          AttendanceOutcome.ATTENDED, null, "Participated in the group.", null, Set.of());
    }
    if (roll < 16) {
      return new Appointment.AttendanceEntry(
          AttendanceOutcome.LATE, null, null, "Arrived 20 minutes late.", Set.of());
    }
    if (roll < 18) {
      return new Appointment.AttendanceEntry(
          AttendanceOutcome.NO_SHOW_EXCUSED, "Medical appointment", null, null, Set.of());
    }
    if (roll == 18) {
      return new Appointment.AttendanceEntry(
          AttendanceOutcome.NO_SHOW_UNEXCUSED,
          "No call, no show",
          null,
          "Second missed session this month.",
          Set.of());
    }
    return new Appointment.AttendanceEntry(
        AttendanceOutcome.ATTENDED,
        null,
        "Spoke about cravings after a weekend use.",
        "Reports a lapse over the weekend; we increased sessions.",
        Set.of(Concern.RELAPSE));
  }

  private void reports(
      DemoData demo,
      Random random,
      int n,
      TreatmentEpisode episode,
      TreatmentPlan plan,
      Sensitivity sensitivity,
      String by,
      Instant now,
      LocalDate today) {
    int serial = 0;
    for (LocalDate from = episode.startedOn();
        !from.plusDays(29).isAfter(today);
        from = from.plusDays(30)) {
      List<GoalProgress> rated = new ArrayList<>();
      for (PlanGoal goal : plan.goals()) {
        rated.add(
            new GoalProgress(
                goal.goalId(),
                GoalProgressLevel.values()[random.nextInt(GoalProgressLevel.values().length)]));
      }
      progress.save(
          ProgressReport.post(
              new ProgressReportId(demo.id("care-progress:" + n + ":" + serial++)),
              episode,
              Optional.of(plan),
              new ProgressReport.Content(
                  from,
                  from.plusDays(29),
                  serial % 3 == 2 ? Engagement.PARTIAL : Engagement.ENGAGED,
                  "Working on relapse prevention; attendance mostly steady.",
                  rated),
              sensitivity,
              by,
              now,
              today));
    }
    serial = 0;
    for (LocalDate day = episode.startedOn().plusDays(4);
        !day.isAfter(today);
        day = day.plusDays(14)) {
      int roll = random.nextInt(10);
      DrugTestResult result =
          roll < 7
              ? DrugTestResult.NEGATIVE
              : roll == 7
                  ? DrugTestResult.POSITIVE
                  : roll == 8 ? DrugTestResult.DILUTE : DrugTestResult.MISSED;
      tests.save(
          DrugTest.post(
              new DrugTestId(demo.id("care-test:" + n + ":" + serial)),
              episode,
              new DrugTest.Content(
                  day,
                  TestPanel.TWELVE_PANEL,
                  TestMethod.URINE,
                  result == DrugTestResult.MISSED ? null : "LAB-" + (4000 + n * 100 + serial),
                  Set.of(),
                  result == DrugTestResult.POSITIVE ? Set.of(Substance.CANNABIS) : Set.of(),
                  result,
                  result == DrugTestResult.POSITIVE
                      ? TestConfirmation.PENDING
                      : TestConfirmation.NOT_SENT,
                  null),
              sensitivity,
              by,
              now,
              today));
      serial++;
    }
  }

  private void discharge(
      DemoData demo,
      int n,
      TreatmentEpisode episode,
      TreatmentPlan plan,
      Sensitivity sensitivity,
      String by,
      Instant now,
      LocalDate today) {
    boolean completed = episode.endReason() == org.bridgeway.care.episode.EndReason.COMPLETED;
    List<GoalOutcome> outcomes = new ArrayList<>();
    for (int g = 0; g < plan.goals().size(); g++) {
      outcomes.add(
          new GoalOutcome(
              plan.goals().get(g).goalId(),
              completed
                  ? (g == 0 ? GoalAttainment.ACHIEVED : GoalAttainment.PARTLY)
                  : GoalAttainment.NOT_ACHIEVED));
    }
    discharges.save(
        Discharge.summarize(
            new DischargeId(demo.id("care-discharge:" + n)),
            episode,
            Optional.of(plan),
            new Discharge.Content(
                episode.endedOn(),
                episode.endReason(),
                completed
                    ? "Completed the intensive outpatient program. Continuing care: weekly peer"
                        + " support group."
                    : "Discharged after four missed sessions in a row; re-referral recommended.",
                outcomes),
            sensitivity,
            by,
            now,
            today));
  }
}
