package org.bridgeway.care.session;

/** Whether the person came to an appointment. */
public enum AttendanceOutcome {
  ATTENDED,
  LATE,
  NO_SHOW_EXCUSED,
  NO_SHOW_UNEXCUSED,
  /** The provider called the session off at short notice; recorded as attendance. */
  CANCELLED_BY_PROVIDER;

  /** Whether a reason must be given: for no-shows and provider cancellations. */
  public boolean needsReason() {
    return this != ATTENDED && this != LATE;
  }

  public String messageKey() {
    return "care.attendance." + name();
  }
}
