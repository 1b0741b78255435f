package org.bridgeway.supervision.caseload;

/** Why a supervision case ended. */
public enum ClosureReason {
  SUCCESSFUL_COMPLETION,
  EARLY_DISCHARGE,
  REVOCATION,
  ABSCONDING,
  DEATH,
  /** Supervision moved to another jurisdiction or agency. */
  TRANSFER_OUT
}
