package org.bridgeway.care.record;

/** Progress toward a plan goal over a progress report's period. */
public enum GoalProgressLevel {
  IMPROVING,
  STABLE,
  WORSENING,
  ACHIEVED;

  public String messageKey() {
    return "care.progress." + name();
  }
}
