package org.bridgeway.care.reminder;

/** Where a reminder stands. */
public enum ReminderStatus {
  QUEUED,
  SENT,
  DELIVERED,
  FAILED,
  SKIPPED_QUIET_HOURS,
  SKIPPED_OPTED_OUT,
  CANCELLED
}
