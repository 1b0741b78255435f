package org.bridgeway.care.alert;

import org.bridgeway.consent.InformationCategory;

/**
 * The rules that raise alerts from what treatment providers record, and the escalation setting, as
 * each agency configures them (defaults in ADR 0020). Each alert reveals one category of the
 * provider's information, which the consent engine is asked about before the alert's rule is shown.
 */
public enum AlertRule {
  /** Unexcused no-shows in a row (threshold: how many; attendance resets the count). */
  NO_SHOWS_IN_A_ROW(InformationCategory.ATTENDANCE, 2, 1, 20),
  /** No attendance recorded for a number of days while the episode is open (threshold: days). */
  NO_ATTENDANCE_DAYS(InformationCategory.ATTENDANCE, 14, 1, 365),
  /** A positive drug test. */
  TEST_POSITIVE(InformationCategory.DRUG_TEST_RESULTS, null, 0, 0),
  /** A drug test missed or refused. */
  TEST_MISSED_OR_REFUSED(InformationCategory.DRUG_TEST_RESULTS, null, 0, 0),
  /** The provider flagged a concern (relapse, disengagement...). */
  CONCERN_FLAGGED(InformationCategory.PROGRESS, null, 0, 0),
  /** Discharged without completing treatment. */
  DISCHARGED_NOT_COMPLETED(InformationCategory.DISCHARGE_SUMMARY, null, 0, 0),
  /**
   * Not a rule that raises alerts: business days an alert may stay unacknowledged before it goes to
   * the officer's supervisor; switched off, alerts are never escalated.
   */
  ESCALATION_BUSINESS_DAYS(null, 1, 1, 30);

  private final InformationCategory category;
  private final Integer defaultThreshold;
  private final int min;
  private final int max;

  AlertRule(InformationCategory category, Integer defaultThreshold, int min, int max) {
    this.category = category;
    this.defaultThreshold = defaultThreshold;
    this.min = min;
    this.max = max;
  }

  /** The category of the provider's information an alert of this rule reveals. */
  public InformationCategory category() {
    return category;
  }

  /** Whether the rule has a threshold an agency sets. */
  public boolean hasThreshold() {
    return defaultThreshold != null;
  }

  public Integer defaultThreshold() {
    return defaultThreshold;
  }

  public int minThreshold() {
    return min;
  }

  public int maxThreshold() {
    return max;
  }

  /** Whether the rule raises alerts (every one but the escalation setting). */
  public boolean raisesAlerts() {
    return this != ESCALATION_BUSINESS_DAYS;
  }

  public String messageKey() {
    return "care.alert.rule." + name();
  }
}
