package org.bridgeway.care.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.care.ProviderReportId;
import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.care.episode.DrugTestResult;
import org.bridgeway.care.episode.EndReason;
import org.bridgeway.care.episode.ProviderReport;
import org.bridgeway.care.episode.ProviderReports;
import org.bridgeway.care.episode.Substance;
import org.bridgeway.care.episode.TreatmentBasis;
import org.bridgeway.care.episode.TreatmentEpisode;
import org.bridgeway.care.episode.TreatmentEpisodes;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.consent.Part2Programs;
import org.bridgeway.consent.Sensitivity;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.shared.demo.DemoData;
import org.bridgeway.shared.demo.DemoDataStep;
import org.bridgeway.shared.security.Actor;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.SupervisedPeople;
import org.bridgeway.supervision.SupervisedPeople.PersonHeading;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Treatment for the demo: five people of the demo officer's caseload in treatment at three of the
 * demo treatment providers (the demo provider user's Riverside Recovery Center among them), with a
 * realistic run of attendance, progress and drug test reports, one episode ended by a discharge.
 * What the demo officer sees of them depends on the consents the consent module's demo records.
 * Deterministic from the demo seed; after the supervision steps and after the consent step has
 * marked the demo providers as Part 2 programs, so that the reports are stamped Part 2.
 */
@Component
@Profile("demo")
class CareDemoData implements DemoDataStep {

  /** A demo person (index in the supervision demo) in treatment at a demo provider (index). */
  private record Placement(
      int person, int provider, TreatmentBasis basis, int startedDaysAgo, EndReason end) {}

  private static final List<Placement> PLACEMENTS =
      List.of(
          new Placement(0, 7, TreatmentBasis.COURT_ORDERED, 120, null),
          new Placement(3, 8, TreatmentBasis.SUPERVISION_CONDITION, 75, null),
          new Placement(6, 7, TreatmentBasis.COURT_ORDERED, 200, EndReason.COMPLETED),
          new Placement(9, 9, TreatmentBasis.VOLUNTARY, 45, null),
          new Placement(12, 7, TreatmentBasis.SUPERVISION_CONDITION, 90, EndReason.NON_ATTENDANCE));

  private static final String[] ATTENDED = {
    "Attended the weekly group session.",
    "Attended the individual counseling session on time.",
    "Attended; arrived 15 minutes late.",
    "Did not attend the group session; no reason given.",
    "Attended the intensive outpatient session."
  };
  private static final String[] PROGRESS = {
    "Engaged in group and working on relapse prevention goals.",
    "Engagement is inconsistent; discussed barriers to attendance (transportation).",
    "Good progress toward treatment goals; stepping down to weekly sessions."
  };

  private final TreatmentEpisodes episodes;
  private final ProviderReports reports;
  private final SupervisedPeople people;
  private final Part2Programs part2;
  private final Clock clock;

  CareDemoData(
      TreatmentEpisodes episodes,
      ProviderReports reports,
      SupervisedPeople people,
      Part2Programs part2,
      Clock clock) {
    this.episodes = episodes;
    this.reports = reports;
    this.people = people;
    this.part2 = part2;
    this.clock = clock;
  }

  @Override
  public int order() {
    return 450;
  }

  @Override
  @Transactional
  public void seed(DemoData demo) {
    if (episodes.existsById(episodeId(demo, 0))) {
      return;
    }
    OrganizationId agency = new OrganizationId(demo.id("organization:0"));
    BridgewayPrincipal setup =
        BridgewayPrincipal.apiClient(
            new UUID(0, 0),
            agency,
            OrganizationKind.PROBATION_AGENCY,
            "Demo data",
            "Demo data",
            Set.of(Role.ORGANIZATION_ADMIN));
    Random random = demo.random("care-reports");
    LocalDate today = LocalDate.now(clock);
    Instant now = clock.instant();
    String by = Actor.system().reference();
    for (int n = 0; n < PLACEMENTS.size(); n++) {
      Placement placement = PLACEMENTS.get(n);
      PersonHeading person;
      try {
        person =
            people.visibleTo(
                setup, new PersonId(demo.id("supervision-person:" + placement.person())));
      } catch (NotFoundException noSupervisionDemo) {
        return;
      }
      OrganizationId provider = new OrganizationId(demo.id("organization:" + placement.provider()));
      LocalDate start = today.minusDays(placement.startedDaysAgo());
      TreatmentEpisode episode =
          TreatmentEpisode.record(
              episodeId(demo, n),
              new TreatmentEpisode.PersonShown(
                  person.id(), person.fullName(), person.dateOfBirth()),
              agency,
              provider,
              null,
              placement.basis(),
              start,
              by,
              now,
              today);
      LocalDate last = placement.end() == null ? today : today.minusDays(20);
      if (placement.end() != null) {
        episode.end(last, placement.end(), by, now, today);
      }
      episodes.save(episode);
      Sensitivity sensitivity = part2.sensitivityOf(provider);
      int serial = 0;
      for (LocalDate day = start.plusDays(3); !day.isAfter(last); day = day.plusDays(7)) {
        save(demo, n, serial++, episode, attendance(random, day), sensitivity, now, today);
        if (random.nextInt(2) == 0) {
          save(demo, n, serial++, episode, drugTest(random, day), sensitivity, now, today);
        }
        if (serial % 9 == 8) {
          save(
              demo,
              n,
              serial++,
              episode,
              new ProviderReport.Content(
                  InformationCategory.PROGRESS,
                  day,
                  PROGRESS[random.nextInt(PROGRESS.length)],
                  null,
                  Set.of()),
              sensitivity,
              now,
              today);
        }
      }
      if (placement.end() != null) {
        save(
            demo,
            n,
            serial,
            episode,
            new ProviderReport.Content(
                InformationCategory.DISCHARGE_SUMMARY,
                last,
                placement.end() == EndReason.COMPLETED
                    ? "Completed the outpatient program; goals achieved. Continuing care: weekly"
                        + " peer support group."
                    : "Discharged after four missed sessions in a row; re-referral recommended.",
                null,
                Set.of()),
            sensitivity,
            now,
            today);
      }
    }
  }

  private void save(
      DemoData demo,
      int episode,
      int serial,
      TreatmentEpisode on,
      ProviderReport.Content content,
      Sensitivity sensitivity,
      Instant now,
      LocalDate today) {
    reports.save(
        ProviderReport.post(
            new ProviderReportId(demo.id("care-report:" + episode + ":" + serial)),
            on,
            content,
            sensitivity,
            Actor.system().reference(),
            now,
            today));
  }

  private static ProviderReport.Content attendance(Random random, LocalDate day) {
    return new ProviderReport.Content(
        InformationCategory.ATTENDANCE,
        day,
        ATTENDED[random.nextInt(ATTENDED.length)],
        null,
        Set.of());
  }

  private static ProviderReport.Content drugTest(Random random, LocalDate day) {
    int roll = random.nextInt(10);
    DrugTestResult result =
        roll < 6
            ? DrugTestResult.NEGATIVE
            : roll < 8
                ? DrugTestResult.POSITIVE
                : roll == 8 ? DrugTestResult.DILUTE : DrugTestResult.REFUSED;
    Set<Substance> substances =
        result == DrugTestResult.POSITIVE
            ? EnumSet.of(
                List.of(
                        Substance.CANNABIS,
                        Substance.METHAMPHETAMINE,
                        Substance.FENTANYL,
                        Substance.ALCOHOL)
                    .get(random.nextInt(4)))
            : Set.of();
    String summary =
        switch (result) {
          case NEGATIVE -> "Observed urine screen, 12-panel.";
          case POSITIVE -> "Observed urine screen, 12-panel; sent for confirmation.";
          case DILUTE -> "Urine screen dilute; retest scheduled.";
          case REFUSED -> "Declined to provide a specimen.";
          case INVALID -> "Specimen invalid.";
          case MISSED -> "Did not come to the scheduled test.";
        };
    return new ProviderReport.Content(
        InformationCategory.DRUG_TEST_RESULTS, day, summary, result, substances);
  }

  private static TreatmentEpisodeId episodeId(DemoData demo, int index) {
    return new TreatmentEpisodeId(demo.id("care-episode:" + index));
  }
}
