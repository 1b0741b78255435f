package org.bridgeway.care.alert;

/** What the officer did about an alert, recorded when acknowledging it. */
public enum AlertAction {
  CONTACTED_PERSON,
  CONTACTED_PROVIDER,
  SCHEDULED_OFFICE_VISIT,
  CASE_CONFERENCE,
  VIOLATION_FILED,
  NO_ACTION_NEEDED;

  public String messageKey() {
    return "care.alert.action." + name();
  }
}
