package org.bridgeway.supervision.plan;

/** Where a task stands: open, or finally done or cancelled. */
public enum TaskStatus {
  OPEN,
  DONE,
  CANCELLED;

  public String messageKey() {
    return "taskStatus." + name();
  }
}
