package org.bridgeway.supervision.contact;

/** What came of a scheduled contact. Only a completed contact counts toward the standard. */
public enum ContactOutcome {
  COMPLETED,
  /** The officer went and did not find the person. */
  ATTEMPTED_NOT_FOUND,
  NO_SHOW,
  CANCELLED,
  RESCHEDULED;

  public String messageKey() {
    return "contactOutcome." + name();
  }
}
