package org.bridgeway.supervision.violation;

/** How serious a violation is; with the case's level it picks the suggested response range. */
public enum ViolationSeverity {
  LOW,
  MODERATE,
  HIGH;

  public String messageKey() {
    return "violationSeverity." + name();
  }
}
