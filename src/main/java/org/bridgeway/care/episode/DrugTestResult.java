package org.bridgeway.care.episode;

/** The result of a drug or alcohol test. */
public enum DrugTestResult {
  NEGATIVE,
  POSITIVE,
  DILUTE,
  REFUSED,
  INVALID,
  /** The person did not come to give a specimen. */
  MISSED;

  public String messageKey() {
    return "care.result." + name();
  }
}
