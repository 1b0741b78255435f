package org.bridgeway.care.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The deterministic plan of generated care events: for the n-th episode, from the seed alone, who
 * it is for, at which provider, when it started, how engaged the person is, and every appointment
 * with its attendance and every drug test. Nothing here reads the clock or the database, so the
 * same seed, people, providers and day give the same rows.
 *
 * <p>The patterns follow what treatment programs report: most people attend most sessions, a
 * minority is only partly engaged and a few barely come; a missed session makes the next one more
 * likely to be missed (no-show streaks); three unexcused no-shows in a row end the episode for
 * non-attendance (dropout), some leave against advice, the others complete the planned weeks or are
 * still in treatment. Positive tests are more frequent among the less engaged; a no-show at a test
 * is a missed test.
 */
final class CareBlueprint {

  static final String SYSTEM = "system:care-generator";

  /** A person the episodes are for, as the agency keeps them. */
  record Person(UUID id, String name, LocalDate dateOfBirth) {}

  /** How engaged a person is in treatment: the chance to attend a session, and to test positive. */
  enum Engagement {
    ENGAGED(0.92, 0.07),
    PARTIAL(0.76, 0.20),
    LOW(0.52, 0.38);

    final double attends;
    final double positive;

    Engagement(double attends, double positive) {
      this.attends = attends;
      this.positive = positive;
    }
  }

  /** The tables the rows go to. */
  static final class Tables {
    final CopyRows episode =
        new CopyRows(
            "care_episode",
            "id, person_id, agency_id, provider_id, person_name, person_birth_date, basis,"
                + " started_on, ended_on, end_reason, recorded_by, recorded_at, ended_by, ended_at,"
                + " version, directory_service_id");
    final CopyRows appointment =
        new CopyRows(
            "care_appointment",
            "id, episode_id, person_id, provider_id, kind, mode, starts_at, duration_minutes,"
                + " status, external_id, sensitivity, scheduled_by, scheduled_at, version");
    final CopyRows attendance =
        new CopyRows(
            "care_attendance", "appointment_id, outcome, reason, recorded_by, recorded_at");
    final CopyRows drugTest =
        new CopyRows(
            "care_drug_test",
            "id, episode_id, person_id, provider_id, collected_on, panel, method, specimen_id,"
                + " substances_tested, substances_found, result, confirmation, external_id,"
                + " sensitivity, reported_by, reported_at, version");
    final CopyRows discharge =
        new CopyRows(
            "care_discharge",
            "id, episode_id, person_id, provider_id, discharged_on, reason, summary, sensitivity,"
                + " recorded_by, recorded_at, version");

    List<CopyRows> all() {
      return List.of(episode, appointment, attendance, drugTest, discharge);
    }
  }

  /**
   * A provider episodes are at: the sensitivity of its rows, and the directory services it keeps
   * (an episode is at one of them, so that outcomes can measure programs; none when it keeps none).
   */
  record Provider(UUID id, String sensitivity, List<UUID> services) {

    Provider {
      services = List.copyOf(services);
    }

    /** The service of the n-th episode, or null; chosen by n so the random draws stay the same. */
    UUID serviceOf(int n) {
      return services.isEmpty() ? null : services.get(n % services.size());
    }
  }

  private static final String[] NO_SHOW_REASONS = {
    "No transportation", "Work shift", "Did not call", "Illness", "Childcare", "Court date"
  };
  private static final String[] POSITIVE_FOR = {
    "CANNABIS", "METHAMPHETAMINE", "COCAINE", "OPIATES", "FENTANYL", "ALCOHOL", "AMPHETAMINES"
  };
  private static final String TESTED = "AMPHETAMINES,CANNABIS,COCAINE,METHAMPHETAMINE,OPIATES";

  private final long seed;
  private final UUID agency;
  private final List<Person> people;
  private final List<Provider> providers;
  private final LocalDate today;
  private final Instant now;

  CareBlueprint(
      long seed,
      UUID agency,
      List<Person> people,
      List<Provider> providers,
      LocalDate today,
      Instant now) {
    if (people.isEmpty() || providers.isEmpty()) {
      throw new IllegalArgumentException("care events need people and providers");
    }
    this.seed = seed;
    this.agency = agency;
    this.people = people;
    this.providers = providers;
    this.today = today;
    this.now = now;
  }

  /** A stable id for the n-th record of a kind (kinds 1 to 5), unique to the seed. */
  UUID id(int kind, long n) {
    return new UUID(0x43415245_00000000L ^ (seed << 8) ^ kind, n);
  }

  /** The n-th episode's id. */
  UUID episodeId(int n) {
    return id(1, n);
  }

  /**
   * Adds the n-th episode and its events to the tables.
   *
   * @return the number of care events added (appointments and drug tests)
   */
  int episode(int n, Tables tables) {
    Random random = new Random(seed * 1_000_003L + n);
    Person person = people.get((int) ((n * 7919L) % people.size()));
    Provider provider = providers.get(random.nextInt(providers.size()));
    Engagement engagement = engagement(random);
    LocalDate startedOn = today.minusDays(7 + random.nextInt(720));
    int plannedWeeks = 8 + random.nextInt(19);
    int sessionsPerWeek = random.nextInt(3) == 0 ? 2 : 1;
    boolean leavesAgainstAdvice = random.nextInt(20) == 0;
    int leavesInWeek = leavesAgainstAdvice ? 2 + random.nextInt(plannedWeeks - 2) : -1;
    UUID episode = episodeId(n);
    int events = 0;
    int appointments = 0;
    int unexcusedStreak = 0;
    boolean missedLast = false;
    LocalDate endedOn = null;
    String endReason = null;
    int future = 0;
    weeks:
    for (int week = 0; week < plannedWeeks; week++) {
      for (int s = 0; s < sessionsPerWeek; s++) {
        LocalDate day = startedOn.plusDays(week * 7L + s * 3L + 1);
        Instant startsAt =
            day.atTime(9 + random.nextInt(9), random.nextInt(4) * 15).toInstant(ZoneOffset.UTC);
        String kind = appointments == 0 ? "INTAKE" : (s == 1 ? "GROUP" : "INDIVIDUAL");
        String mode =
            random.nextInt(10) < 8 ? "IN_PERSON" : (random.nextBoolean() ? "VIDEO" : "PHONE");
        UUID appointment = id(2, n * 1_000L + appointments);
        String externalId = "GEN-" + n + "-" + appointments;
        appointments++;
        if (!startsAt.isBefore(now)) {
          if (future++ < 2) {
            tables.appointment.row(
                appointment,
                episode,
                person.id(),
                provider.id(),
                kind,
                mode,
                startsAt,
                60,
                "SCHEDULED",
                externalId,
                provider.sensitivity(),
                SYSTEM,
                now,
                0);
            events++;
          }
          continue;
        }
        double noShow = Math.min(0.9, (1 - engagement.attends) * (missedLast ? 2.2 : 1.0));
        String outcome;
        String reason = null;
        if (random.nextDouble() < noShow) {
          boolean excused = random.nextDouble() < 0.35;
          outcome = excused ? "NO_SHOW_EXCUSED" : "NO_SHOW_UNEXCUSED";
          reason = NO_SHOW_REASONS[random.nextInt(NO_SHOW_REASONS.length)];
          missedLast = true;
          unexcusedStreak = excused ? 0 : unexcusedStreak + 1;
        } else {
          double u = random.nextDouble();
          if (u < 0.02) {
            outcome = "CANCELLED_BY_PROVIDER";
            reason = "Counselor unavailable";
          } else {
            outcome = u < 0.09 ? "LATE" : "ATTENDED";
            missedLast = false;
            unexcusedStreak = 0;
          }
        }
        tables.appointment.row(
            appointment,
            episode,
            person.id(),
            provider.id(),
            kind,
            mode,
            startsAt,
            60,
            "CANCELLED_BY_PROVIDER".equals(outcome) ? "CANCELLED" : "HELD",
            externalId,
            provider.sensitivity(),
            SYSTEM,
            now,
            0);
        tables.attendance.row(appointment, outcome, reason, SYSTEM, now);
        events++;
        if (unexcusedStreak >= 3) {
          endedOn = day;
          endReason = "NON_ATTENDANCE";
          break weeks;
        }
        if (week == leavesInWeek) {
          endedOn = day;
          endReason = "LEFT_AGAINST_ADVICE";
          break weeks;
        }
      }
    }
    LocalDate plannedEnd = startedOn.plusWeeks(plannedWeeks);
    if (endedOn == null && plannedEnd.isBefore(today)) {
      endedOn = plannedEnd;
      endReason = "COMPLETED";
    }
    events +=
        drugTests(n, random, episode, person, provider, engagement, startedOn, endedOn, tables);
    Instant endedAt = endedOn == null ? null : now;
    tables.episode.row(
        episode,
        person.id(),
        agency,
        provider.id(),
        person.name(),
        person.dateOfBirth(),
        random.nextInt(3) == 0 ? "SUPERVISION_CONDITION" : "COURT_ORDERED",
        startedOn,
        endedOn,
        endReason,
        SYSTEM,
        now,
        endedAt == null ? null : SYSTEM,
        endedAt,
        endedOn == null ? 0 : 1,
        provider.serviceOf(n));
    if (endedOn != null) {
      tables.discharge.row(
          id(4, n),
          episode,
          person.id(),
          provider.id(),
          endedOn,
          endReason,
          "Generated discharge summary.",
          provider.sensitivity(),
          SYSTEM,
          now,
          0);
    }
    return events;
  }

  private int drugTests(
      int n,
      Random random,
      UUID episode,
      Person person,
      Provider provider,
      Engagement engagement,
      LocalDate startedOn,
      LocalDate endedOn,
      Tables tables) {
    int tests = 0;
    LocalDate last = endedOn == null ? today.minusDays(1) : endedOn;
    for (LocalDate day = startedOn.plusDays(2); !day.isAfter(last); day = day.plusDays(14)) {
      String result;
      String found = "";
      double u = random.nextDouble();
      if (u < (1 - engagement.attends) * 0.6) {
        result = "MISSED";
      } else if (u < (1 - engagement.attends) * 0.6 + 0.015) {
        result = "REFUSED";
      } else if (random.nextDouble() < engagement.positive) {
        result = "POSITIVE";
        found = POSITIVE_FOR[random.nextInt(POSITIVE_FOR.length)];
      } else {
        double v = random.nextDouble();
        result = v < 0.03 ? "DILUTE" : (v < 0.04 ? "INVALID" : "NEGATIVE");
      }
      boolean specimen = !result.equals("MISSED") && !result.equals("REFUSED");
      tables.drugTest.row(
          id(3, n * 1_000L + tests),
          episode,
          person.id(),
          provider.id(),
          day,
          "FIVE_PANEL",
          "URINE",
          specimen ? "SP-" + n + "-" + tests : null,
          TESTED,
          found,
          result,
          result.equals("POSITIVE") ? "PENDING" : "NOT_SENT",
          "GEN-T-" + n + "-" + tests,
          provider.sensitivity(),
          SYSTEM,
          now,
          0);
      tests++;
    }
    return tests;
  }

  private static Engagement engagement(Random random) {
    double u = random.nextDouble();
    return u < 0.58 ? Engagement.ENGAGED : (u < 0.86 ? Engagement.PARTIAL : Engagement.LOW);
  }
}
