package org.bridgeway.outcomes.evidence;

import java.time.LocalDate;

/** The checks every evidence request makes of its follow-up years and period. */
public final class Periods {

  /** The longest period of spell starts one request may cover. */
  public static final int MAX_YEARS = 30;

  private Periods() {}

  /** The follow-up in years: 1 by default, 1 to 3 for recidivism, ignored for completion. */
  public static int years(Integer years, OutcomeDefinition outcome) {
    if (years == null) {
      return 1;
    }
    if (outcome.recidivism() && (years < 1 || years > 3)) {
      throw new EvidenceRejected("years", "Range", "must be 1, 2 or 3");
    }
    return years;
  }

  public static void check(LocalDate from, LocalDate to) {
    if (from.isAfter(to)) {
      throw new EvidenceRejected("from", "Order", "must not be after to");
    }
    if (from.plusYears(MAX_YEARS).isBefore(to)) {
      throw new EvidenceRejected(
          "to", "Range", "must be at most " + MAX_YEARS + " years after from");
    }
  }
}
