package org.bridgeway.audit;

/** How an audited action ended. */
public enum AuditOutcome {
  SUCCESS,
  FAILURE,
  /** Refused by an authorization or consent rule. */
  DENIED
}
