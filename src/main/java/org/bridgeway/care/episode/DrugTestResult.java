package org.bridgeway.care.episode;

/** The result of a drug or alcohol test. */
public enum DrugTestResult {
  NEGATIVE,
  POSITIVE,
  DILUTE,
  REFUSED,
  INVALID;

  public String messageKey() {
    return "care.result." + name();
  }
}
