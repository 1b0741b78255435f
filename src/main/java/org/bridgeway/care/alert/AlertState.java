package org.bridgeway.care.alert;

/**
 * Where an alert stands: open until an officer acknowledges it; escalated to the officer's
 * supervisor when still open after the agency's business days; acknowledged (from either) for good.
 */
public enum AlertState {
  OPEN,
  ESCALATED,
  ACKNOWLEDGED;

  /** Whether the alert still waits for someone to act on it. */
  public boolean awaitsAction() {
    return this != ACKNOWLEDGED;
  }

  public String messageKey() {
    return "care.alert.state." + name();
  }
}
