package org.bridgeway.care.reminder;

/** How a reminder reaches the person. */
public enum ReminderChannel {
  SMS,
  EMAIL
}
