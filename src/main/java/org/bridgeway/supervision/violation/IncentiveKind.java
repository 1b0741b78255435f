package org.bridgeway.supervision.violation;

/** A reward for progress on supervision. */
public enum IncentiveKind {
  PRAISE,
  REDUCED_REPORTING,
  EARLY_DISCHARGE_RECOMMENDATION,
  CERTIFICATE,
  OTHER;

  public String messageKey() {
    return "incentiveKind." + name();
  }
}
