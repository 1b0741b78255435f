package org.bridgeway.consent;

/**
 * The kinds of protected information a consent directive describes specifically, as §2.31(a)(2)
 * requires. A directive names one or more of them; "all of the person's records" is every one.
 */
public enum InformationCategory {
  /** Whether the person attends: scheduled, attended, missed sessions. */
  ATTENDANCE,
  /** Progress in treatment: engagement, progress toward goals. */
  PROGRESS,
  /** Drug and alcohol test results. */
  DRUG_TEST_RESULTS,
  DIAGNOSIS,
  TREATMENT_PLAN,
  DISCHARGE_SUMMARY;

  public String messageKey() {
    return "consent.category." + name();
  }
}
