package org.bridgeway.supervision.caseload;

/** Where the person stands with a condition. */
public enum ConditionStatus {
  /** Not yet started or not yet assessed. */
  PENDING,
  IN_COMPLIANCE,
  OUT_OF_COMPLIANCE,
  /** Fulfilled for good: the program completed, the fees paid. */
  SATISFIED
}
