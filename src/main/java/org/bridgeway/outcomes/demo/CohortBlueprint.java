package org.bridgeway.outcomes.demo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A historical cohort of an agency, person by person, as an agency would import it: people on
 * supervision over the past five years with the risk assessed at the start, and what happened to
 * them after (arrests, charges, convictions, returns to custody, violations, revocations,
 * employment, housing, program participation and completion). Deterministic: a person's rows depend
 * only on the seed, the agency, the day of generation and the person's index, whatever the size.
 *
 * <p>The model, so that the measures have something true to find: the 3-year rearrest probability
 * rises with the instrument's score (about 15%, 30%, 45% and 60% for the four levels), younger
 * people and men reoffend more, Black people are arrested somewhat more at the same score and the
 * instrument scores them two points higher than their risk (so the equity and instrument-validation
 * views show a difference); about 62% of rearrests end in a conviction and 55% of convictions in a
 * return to custody; arrests come early (the cumulative share by day t of three years is
 * (t/3y)^0.55, half of them in the first ten months); completing a program lowers the probability
 * by 28%. A few small groups (nonbinary people, a pilot program, a desert ZIP code) exercise
 * small-cell suppression.
 */
final class CohortBlueprint {

  static final String INSTRUMENT = "ORAS-CST";
  static final String RECORDED_BY = "import:historical-cohort";

  /** Score bands of the instrument, 0 to 49: the lowest score of MODERATE, HIGH, VERY_HIGH. */
  static final int[] CUTOFFS = {15, 24, 34};

  static final String[] LEVELS = {"LOW", "MODERATE", "HIGH", "VERY_HIGH"};
  private static final double[] LEVEL_SHARES = {0.30, 0.36, 0.24, 0.10};

  private static final String[][] RACES = {
    {"WHITE", "520"},
    {"BLACK_OR_AFRICAN_AMERICAN", "260"},
    {"ASIAN", "40"},
    {"AMERICAN_INDIAN_OR_ALASKA_NATIVE", "20"},
    {"NATIVE_HAWAIIAN_OR_PACIFIC_ISLANDER", "6"},
    {"MIDDLE_EASTERN_OR_NORTH_AFRICAN", "10"},
    {"OTHER", "30"},
    {"MULTIRACIAL", "40"},
    {null, "74"}
  };

  /** Riverside County ZIP codes of the directory demo with weights; Blythe is a small cell. */
  private static final String[][] AREAS = {
    {"92501", "6"}, {"92503", "8"}, {"92504", "6"}, {"92507", "6"}, {"92509", "6"},
    {"92530", "5"}, {"92543", "4"}, {"92553", "6"}, {"92557", "4"}, {"92562", "5"},
    {"92570", "4"}, {"92571", "4"}, {"92201", "5"}, {"92236", "3"}, {"92262", "3"},
    {"92882", "5"}, {"92225", "0.3"}
  };

  private static final String[][] OFFENSES = {
    {"PROPERTY", "25"},
    {"DRUG_POSSESSION", "20"},
    {"PUBLIC_ORDER", "15"},
    {"DUI", "10"},
    {"VIOLENT", "10"},
    {"DOMESTIC_VIOLENCE", "7"},
    {"FRAUD", "5"},
    {"WEAPONS", "4"},
    {"DRUG_DISTRIBUTION", "4"}
  };

  /** Programs: code, name, need domain, weight. The pilot is a small cell. */
  static final String[][] PROGRAMS = {
    {"outpatient-sud", "Outpatient substance use treatment", "SUBSTANCE_USE", "22"},
    {"intensive-outpatient", "Intensive outpatient program", "SUBSTANCE_USE", "10"},
    {"mrt", "Moral Reconation Therapy group", "ATTITUDES_COGNITION", "20"},
    {"thinking-for-a-change", "Thinking for a Change", "ATTITUDES_COGNITION", "8"},
    {"employment-readiness", "Employment readiness and placement", "EDUCATION_EMPLOYMENT", "18"},
    {"ged", "Adult education and GED", "EDUCATION_EMPLOYMENT", "6"},
    {"transitional-housing", "Transitional housing", "HOUSING", "12"},
    {"peer-mentoring-pilot", "Peer mentoring pilot", "ASSOCIATES", "1.2"}
  };

  private static final String[][] HOUSING = {
    {"STABLE", "55"}, {"TRANSITIONAL", "20"}, {"UNSTABLE", "15"}, {"HOMELESS", "10"}
  };

  record PersonRow(
      UUID id,
      String externalRef,
      LocalDate birthDate,
      String gender,
      String race,
      String ethnicity,
      String area) {}

  record SpellRow(
      UUID id,
      UUID person,
      String kind,
      String sourceRef,
      LocalDate startDate,
      LocalDate endDate,
      String endReason,
      String supervisionType,
      String supervisionLevel,
      String riskLevel,
      BigDecimal riskScore,
      String program) {}

  record EventRow(
      UUID id,
      UUID person,
      String kind,
      LocalDate occurredOn,
      String offenseCategory,
      String housingStatus,
      String sourceRef) {}

  record ParticipationRow(
      UUID id,
      UUID person,
      String sourceRef,
      String program,
      String programName,
      String needDomain,
      LocalDate referredOn,
      LocalDate acceptedOn,
      LocalDate declinedOn,
      LocalDate firstSessionOn,
      int sessionsScheduled,
      int sessionsAttended,
      LocalDate endedOn,
      String completion) {}

  /** One person's rows. */
  record Cohort(
      PersonRow person,
      List<SpellRow> spells,
      List<EventRow> events,
      List<ParticipationRow> participations) {}

  private final UUID agency;
  private final LocalDate today;
  private final long seed;

  CohortBlueprint(UUID agency, LocalDate today, long seed) {
    this.agency = agency;
    this.today = today;
    this.seed = seed;
  }

  UUID personId(int index) {
    return id("person", index, "");
  }

  static String programId(String code) {
    return UUID.nameUUIDFromBytes(
            ("bridgeway-outcomes-demo-program:" + code).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  /** The rows of the person at this index. */
  Cohort person(int index) {
    Random random = new Random(seed ^ (0x9E3779B97F4A7C15L * (index + 1)) ^ agency.hashCode());
    UUID person = personId(index);
    List<SpellRow> spells = new ArrayList<>();
    List<EventRow> events = new ArrayList<>();
    List<ParticipationRow> participations = new ArrayList<>();

    // Who.
    double g = random.nextDouble();
    String gender = g < 0.76 ? "MALE" : g < 0.985 ? "FEMALE" : "NONBINARY";
    String race = pick(random, RACES);
    double e = random.nextDouble();
    String ethnicity = e < 0.28 ? "HISPANIC_OR_LATINO" : e < 0.94 ? "NOT_HISPANIC_OR_LATINO" : null;
    String area = pick(random, AREAS);
    LocalDate start = today.minusDays(30 + random.nextInt(5 * 365 - 30));
    int age = Math.min(70, 18 + (int) (-14 * Math.log(1 - random.nextDouble())));
    LocalDate birth = start.minusYears(age).minusDays(random.nextInt(365));

    // Risk: a level, a score within its band; the instrument scores Black people two points high.
    int level = pickIndex(random, LEVEL_SHARES);
    int low = level == 0 ? 0 : CUTOFFS[level - 1];
    int high = level == 3 ? 49 : CUTOFFS[level] - 1;
    int trueScore = low + random.nextInt(high - low + 1);
    boolean black = "BLACK_OR_AFRICAN_AMERICAN".equals(race);
    int score = Math.min(49, trueScore + (black ? 2 : 0));
    int assessedLevel = levelOf(score);
    double risk = 0.08 + 0.0125 * trueScore;
    risk *= age < 25 ? 1.25 : age > 45 ? 0.75 : 1.0;
    risk *= "FEMALE".equals(gender) ? 0.8 : 1.0;
    risk *= black ? 1.12 : 1.0;
    risk *= "HISPANIC_OR_LATINO".equals(ethnicity) ? 1.05 : 1.0;

    // Supervision.
    double t = random.nextDouble();
    String type =
        t < 0.70 ? "PROBATION" : t < 0.90 ? "PAROLE" : t < 0.95 ? "PRETRIAL" : "DIVERSION";
    String supervisionLevel =
        random.nextDouble() < 0.85
            ? new String[] {"LOW", "MODERATE", "HIGH", "INTENSIVE"}[assessedLevel]
            : new String[] {"LOW", "MODERATE", "HIGH", "INTENSIVE"}
                [Math.max(0, Math.min(3, assessedLevel + (random.nextBoolean() ? 1 : -1)))];
    LocalDate termEnd = start.plusMonths(12 + random.nextInt(25));

    // Program participation, which changes the risk when completed.
    String completion = null;
    String needDomain = null;
    if (random.nextDouble() < 0.5) {
      String[] program = PROGRAMS[pickIndex(random, weights(PROGRAMS, 3))];
      needDomain = program[2];
      LocalDate referred = start.plusDays(7 + random.nextInt(114));
      if (referred.isBefore(today)) {
        boolean accept = random.nextDouble() < (black ? 0.76 : 0.84);
        LocalDate accepted = accept ? referred.plusDays(2 + random.nextInt(11)) : null;
        LocalDate declined = accept ? null : referred.plusDays(3 + random.nextInt(18));
        LocalDate first = null;
        LocalDate ended = null;
        int scheduled = 0;
        int attended = 0;
        if (accept && random.nextDouble() < 0.9) {
          first = accepted.plusDays(3 + random.nextInt(28));
          scheduled = 8 + random.nextInt(17);
          double c = random.nextDouble();
          double completes =
              0.62 - 0.08 * level - ("HISPANIC_OR_LATINO".equals(ethnicity) ? 0.05 : 0);
          String outcome =
              c < completes ? "COMPLETED" : c < completes + 0.15 ? "PARTIAL" : "NOT_COMPLETED";
          double share =
              switch (outcome) {
                case "COMPLETED" -> 0.85 + 0.15 * random.nextDouble();
                case "PARTIAL" -> 0.5 + 0.3 * random.nextDouble();
                default -> 0.1 + 0.4 * random.nextDouble();
              };
          attended = Math.max(1, (int) Math.round(scheduled * share));
          LocalDate end = first.plusDays(60 + random.nextInt(121));
          if (end.isBefore(today)) {
            ended = end;
            completion = outcome;
          } else if (!first.isBefore(today)) {
            first = null;
            scheduled = 0;
            attended = 0;
          } else {
            attended = Math.max(1, attended / 2);
          }
        }
        if (accepted != null && !accepted.isBefore(today)) {
          accepted = null;
          first = null;
          scheduled = 0;
          attended = 0;
        }
        if (declined != null && !declined.isBefore(today)) {
          declined = null;
        }
        participations.add(
            new ParticipationRow(
                id("participation", index, ""),
                person,
                ref(index, "participation"),
                programId(program[0]),
                program[1],
                program[2],
                referred,
                accepted,
                declined,
                first,
                scheduled,
                attended,
                ended,
                completion));
        if (ended != null) {
          spells.add(
              new SpellRow(
                  id("spell", index, "exit"),
                  person,
                  "PROGRAM_EXIT",
                  ref(index, "exit"),
                  ended,
                  null,
                  null,
                  type,
                  supervisionLevel,
                  LEVELS[assessedLevel],
                  BigDecimal.valueOf(score),
                  programId(program[0])));
          if ("COMPLETED".equals(completion)) {
            events.add(event(index, person, "PROGRAM_COMPLETION", ended, null, null, "completion"));
          }
        }
      }
    }
    risk *= "COMPLETED".equals(completion) ? 0.72 : "PARTIAL".equals(completion) ? 0.9 : 1.0;
    risk = Math.min(0.95, risk);

    // Reoffending: the first rearrest within three years with probability risk, early; some later.
    LocalDate arrest = null;
    if (random.nextDouble() < risk) {
      arrest = start.plusDays(1 + (long) (1094 * Math.pow(random.nextDouble(), 1 / 0.55)));
    } else if (random.nextDouble() < 0.15 * risk) {
      arrest = start.plusDays(1095 + random.nextInt(730));
    }
    LocalDate custody = null;
    if (arrest != null && arrest.isBefore(today)) {
      String offense = pick(random, OFFENSES);
      events.add(event(index, person, "ARREST", arrest, offense, null, "arrest"));
      if (random.nextDouble() < 0.85) {
        LocalDate charged = arrest.plusDays(random.nextInt(8));
        if (charged.isBefore(today)) {
          events.add(event(index, person, "CHARGE", charged, offense, null, "charge"));
        }
      }
      if (random.nextDouble() < 0.62) {
        LocalDate convicted = arrest.plusDays(45 + random.nextInt(226));
        if (convicted.isBefore(today)) {
          events.add(event(index, person, "CONVICTION", convicted, offense, null, "conviction"));
          if (random.nextDouble() < 0.55) {
            LocalDate returned = convicted.plusDays(random.nextInt(31));
            if (returned.isBefore(today)) {
              custody = returned;
              events.add(
                  event(index, person, "RETURN_TO_CUSTODY", returned, null, null, "custody"));
            }
          }
        }
      }
      if (random.nextDouble() < 0.35) {
        LocalDate again = arrest.plusDays(60 + random.nextInt(641));
        if (again.isBefore(today)) {
          events.add(
              event(index, person, "ARREST", again, pick(random, OFFENSES), null, "arrest-2"));
        }
      }
    }

    // How supervision ended: revoked on a return to custody, absconded, or at the end of term.
    LocalDate end = termEnd;
    String endReason;
    if (custody != null && custody.isBefore(termEnd)) {
      end = custody;
      endReason = "REVOKED";
    } else if (random.nextDouble() < 0.04 * (1 + level)) {
      end =
          start.plusDays(
              30
                  + random.nextInt(
                      (int) Math.max(31, termEnd.toEpochDay() - start.toEpochDay() - 30)));
      endReason = "ABSCONDED";
    } else {
      double r = random.nextDouble();
      endReason =
          r < 0.85
              ? "COMPLETED"
              : r < 0.95
                  ? "EARLY_DISCHARGE"
                  : r < 0.98 ? "TRANSFERRED" : r < 0.985 ? "DECEASED" : "OTHER";
      if ("EARLY_DISCHARGE".equals(endReason)) {
        end = termEnd.minusMonths(1 + random.nextInt(6));
      }
    }
    if (!end.isAfter(start)) {
      end = start.plusDays(1);
    }
    boolean ended = end.isBefore(today);
    spells.add(
        0,
        new SpellRow(
            id("spell", index, "supervision"),
            person,
            "SUPERVISION_START",
            ref(index, "supervision"),
            start,
            ended ? end : null,
            ended ? endReason : null,
            type,
            supervisionLevel,
            LEVELS[assessedLevel],
            BigDecimal.valueOf(score),
            null));
    if ("PAROLE".equals(type)) {
      spells.add(
          1,
          new SpellRow(
              id("spell", index, "release"),
              person,
              "RELEASE",
              ref(index, "release"),
              start,
              null,
              null,
              type,
              supervisionLevel,
              LEVELS[assessedLevel],
              BigDecimal.valueOf(score),
              null));
    }
    if (ended) {
      events.add(event(index, person, "SUPERVISION_CLOSURE", end, null, null, "closure"));
      if ("REVOKED".equals(endReason)) {
        events.add(event(index, person, "REVOCATION", end, null, null, "revocation"));
      } else if ("ABSCONDED".equals(endReason)) {
        events.add(event(index, person, "ABSCONDING", end, null, null, "absconding"));
      }
    }

    // Technical violations while supervised, on distinct days.
    LocalDate last = ended ? end : today.minusDays(1);
    int days = (int) Math.max(1, last.toEpochDay() - start.toEpochDay());
    TreeSet<LocalDate> violationDays = new TreeSet<>();
    int violations = random.nextInt(2 + level * 2);
    for (int v = 0; v < violations; v++) {
      violationDays.add(start.plusDays(1 + random.nextInt(days)));
    }
    int n = 0;
    for (LocalDate day : violationDays) {
      if (day.isBefore(today)) {
        events.add(
            event(index, person, "TECHNICAL_VIOLATION", day, null, null, "violation-" + n++));
      }
    }

    // Work, housing and education.
    double employs =
        0.65
            - 0.08 * level
            + ("EDUCATION_EMPLOYMENT".equals(needDomain) && "COMPLETED".equals(completion)
                ? 0.12
                : 0);
    if (random.nextDouble() < employs) {
      LocalDate hired = start.plusDays(20 + random.nextInt(281));
      if (hired.isBefore(today)) {
        events.add(event(index, person, "EMPLOYMENT_START", hired, null, null, "employment"));
        if (random.nextDouble() < 0.4) {
          LocalDate left = hired.plusDays(60 + random.nextInt(541));
          if (left.isBefore(today)) {
            events.add(event(index, person, "EMPLOYMENT_END", left, null, null, "employment-end"));
          }
        }
      }
    }
    LocalDate housed = start.plusDays(random.nextInt(31));
    if (random.nextDouble() < 0.7 && housed.isBefore(today)) {
      String status = pick(random, HOUSING);
      events.add(event(index, person, "HOUSING_CHANGE", housed, null, status, "housing"));
      if (random.nextDouble() < 0.35) {
        LocalDate moved = housed.plusDays(90 + random.nextInt(500));
        boolean helped = "HOUSING".equals(needDomain) && "COMPLETED".equals(completion);
        String next = helped || random.nextDouble() < 0.5 ? "STABLE" : pick(random, HOUSING);
        if (moved.isBefore(today) && !next.equals(status)) {
          events.add(event(index, person, "HOUSING_CHANGE", moved, null, next, "housing-2"));
        }
      }
    }
    if (random.nextDouble() < 0.08) {
      LocalDate milestone = start.plusDays(60 + random.nextInt(600));
      if (milestone.isBefore(today)) {
        events.add(event(index, person, "EDUCATION_MILESTONE", milestone, null, null, "education"));
      }
    }
    return new Cohort(
        new PersonRow(person, String.format("H%07d", index), birth, gender, race, ethnicity, area),
        spells,
        events,
        participations);
  }

  static int levelOf(int score) {
    int level = 0;
    while (level < CUTOFFS.length && score >= CUTOFFS[level]) {
      level++;
    }
    return level;
  }

  private EventRow event(
      int index,
      UUID person,
      String kind,
      LocalDate on,
      String offense,
      String housing,
      String what) {
    return new EventRow(
        id("event", index, what), person, kind, on, offense, housing, ref(index, what));
  }

  private static String ref(int index, String what) {
    return "cohort:" + index + ":" + what;
  }

  private UUID id(String kind, int index, String what) {
    return UUID.nameUUIDFromBytes(
        ("bridgeway-outcomes-cohort:" + agency + ":" + kind + ":" + index + ":" + what)
            .getBytes(StandardCharsets.UTF_8));
  }

  private static double[] weights(String[][] table, int column) {
    double[] weights = new double[table.length];
    for (int i = 0; i < table.length; i++) {
      weights[i] = Double.parseDouble(table[i][column]);
    }
    return weights;
  }

  private static String pick(Random random, String[][] table) {
    return table[pickIndex(random, weights(table, 1))][0];
  }

  private static int pickIndex(Random random, double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double x = random.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }
}
