package org.bridgeway.consent.directive;

/** A class of recipients a directive names instead of (or besides) named organizations or users. */
public enum RecipientClass {
  /** Treatment, payment and health-care operations (§2.33(b)): staff of treatment providers. */
  TREATMENT_PAYMENT_OPERATIONS,
  /**
   * Those who monitor the person's progress (§2.35): the staff of the supervising agency and of the
   * court who are on the person's case, that is, who see the person by the caseload rule.
   */
  MONITORING
}
