package org.bridgeway.supervision.caseload;

/** Whether a case is still supervised. */
public enum CaseStatus {
  OPEN,
  CLOSED
}
