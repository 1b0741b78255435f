package org.bridgeway.outcomes.measure;

import java.time.LocalDate;
import java.util.UUID;
import org.bridgeway.testing.OutcomeFixtures;

/**
 * Twelve people of one agency with known dates, as of 2030-01-01, whose figures are worked out by
 * hand in OutcomeMeasuresIntegrationTests (and independently with county_of_12.py (beside this
 * test), whose output is pasted there). P4 is arrested on the day of the start (not counted:
 * strictly after), P10 leaves observation (TRANSFERRED) before an arrest, P11 dies after an arrest,
 * P12 has a second supervision start that the cohort ignores.
 */
final class CountyOf12 {

  static final LocalDate AS_OF = LocalDate.of(2030, 1, 1);

  final UUID agency;
  private final int shift;
  final UUID providerX = UUID.randomUUID();
  final UUID providerY = UUID.randomUUID();
  final String programA = "PA-" + UUID.randomUUID().toString().substring(0, 8);
  final String programB = "PB-" + UUID.randomUUID().toString().substring(0, 8);
  final UUID team = UUID.randomUUID();
  final UUID[] people = new UUID[13];

  CountyOf12(OutcomeFixtures f) {
    this(f, UUID.randomUUID(), 0);
  }

  /** The same people for the given agency, every date moved by whole years. */
  CountyOf12(OutcomeFixtures f, UUID agency, int shiftYears) {
    this.agency = agency;
    this.shift = shiftYears;
    for (int i = 1; i <= 12; i++) {
      people[i] =
          f.person(
              agency,
              i <= 4 ? "FEMALE" : "MALE",
              i % 2 == 0 ? "BLACK" : "WHITE",
              null,
              d(1990, 1, 1));
    }
    String s = "SUPERVISION_START";
    f.spell(people[1], s, d(2025, 1, 10), null, null, "HIGH", null, null, team);
    f.spell(people[2], s, d(2025, 2, 1), null, null, "HIGH", null, null, team);
    f.spell(people[3], s, d(2025, 3, 1), d(2027, 3, 1), "COMPLETED", "LOW", null);
    f.spell(people[4], s, d(2025, 3, 15), d(2026, 3, 15), "REVOKED", "LOW", null);
    f.spell(people[5], s, d(2026, 1, 5), d(2027, 1, 5), "EARLY_DISCHARGE", "LOW", null);
    f.spell(people[6], s, d(2026, 6, 1), null, null, "MODERATE", null);
    f.spell(people[7], s, d(2027, 2, 1), null, null, "MODERATE", null);
    f.spell(people[8], s, d(2028, 6, 1), null, null, "MODERATE", null);
    f.spell(people[9], s, d(2029, 3, 1), null, null, "MODERATE", null);
    f.spell(people[10], s, d(2025, 5, 1), d(2025, 12, 1), "TRANSFERRED", "HIGH", null);
    f.spell(people[11], s, d(2025, 5, 1), d(2025, 11, 1), "DECEASED", "HIGH", null);
    f.spell(people[12], s, d(2025, 7, 1), null, null, "HIGH", null);
    f.spell(people[12], s, d(2026, 7, 1), null, null, "HIGH", null);

    f.event(people[1], "ARREST", d(2025, 6, 1), "PROPERTY");
    f.event(people[1], "CONVICTION", d(2026, 3, 1), "PROPERTY");
    f.event(people[2], "ARREST", d(2026, 6, 1), "FRAUD");
    f.event(people[4], "ARREST", d(2025, 3, 15), "DUI");
    f.event(people[4], "ARREST", d(2028, 6, 1), "DUI");
    f.event(people[4], "REVOCATION", d(2026, 3, 10), null);
    f.event(people[5], "ARREST", d(2027, 12, 1), "VIOLENT");
    f.event(people[6], "REVOCATION", d(2026, 8, 15), "DRUG_POSSESSION");
    f.event(people[6], "RETURN_TO_CUSTODY", d(2026, 9, 1), null);
    f.event(people[7], "ARREST", d(2027, 5, 1), "PROPERTY");
    f.event(people[9], "ARREST", d(2029, 5, 1), "PROPERTY");
    f.event(people[10], "ARREST", d(2026, 2, 1), "PROPERTY");
    f.event(people[11], "ARREST", d(2025, 8, 1), "PROPERTY");
    f.event(people[12], "ARREST", d(2026, 8, 1), "PROPERTY");

    f.event(people[1], "EMPLOYMENT_START", d(2025, 2, 1), null);
    f.event(people[2], "EMPLOYMENT_START", d(2025, 3, 1), null);
    f.event(people[2], "EMPLOYMENT_END", d(2025, 6, 1), null);
    f.event(people[3], "EMPLOYMENT_START", d(2025, 3, 1), null);
    f.event(people[3], "EMPLOYMENT_END", d(2025, 5, 1), null);
    f.event(people[3], "EMPLOYMENT_START", d(2025, 12, 1), null);

    f.housing(people[1], d(2025, 3, 1), "UNSTABLE");
    f.housing(people[1], d(2025, 10, 1), "STABLE");
    f.housing(people[2], d(2025, 4, 1), "STABLE");
    f.housing(people[2], d(2025, 12, 1), "HOMELESS");
    f.housing(people[3], d(2026, 6, 1), "STABLE");

    f.participation(
        people[1],
        programA,
        "Anger management",
        providerX,
        d(2025, 2, 1),
        d(2025, 2, 11),
        10,
        8,
        d(2025, 5, 1),
        "COMPLETED");
    f.participation(
        people[2],
        programA,
        "Anger management",
        providerX,
        d(2025, 3, 1),
        d(2025, 3, 21),
        10,
        4,
        d(2025, 6, 1),
        "NOT_COMPLETED");
    f.participation(
        people[3], programA, "Anger management", providerX, d(2025, 4, 1), null, 0, 0, null, null);
    f.participation(
        people[5],
        programB,
        "Job readiness",
        providerY,
        d(2026, 2, 1),
        d(2026, 2, 5),
        6,
        6,
        d(2026, 4, 1),
        "COMPLETED");
    f.spell(people[1], "PROGRAM_EXIT", d(2025, 5, 1), null, null, "HIGH", programA);
    f.spell(people[5], "PROGRAM_EXIT", d(2026, 4, 1), null, null, "LOW", programB);
  }

  private LocalDate d(int year, int month, int day) {
    return LocalDate.of(year + shift, month, day);
  }
}
