package org.bridgeway.outcomes.cohort;

/** Where a cohort import job is. */
public enum CohortStatus {
  QUEUED,
  VALIDATING,
  WRITING,
  SUCCEEDED,
  REJECTED,
  FAILED;

  public boolean finished() {
    return this == SUCCEEDED || this == REJECTED || this == FAILED;
  }

  public String messageKey() {
    return "outcomes.cohort.status." + name();
  }
}
