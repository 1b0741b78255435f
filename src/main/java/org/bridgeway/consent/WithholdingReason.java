package org.bridgeway.consent;

/**
 * Why the engine withheld information. Pages say which reason applies (with its date) without
 * revealing the information itself.
 */
public enum WithholdingReason {
  /** No directive of the person covers this discloser and recipient at all. */
  NO_CONSENT,
  /** The directive that would have covered it expired on a date. */
  EXPIRED,
  /** The directive that would have covered it expired with an event (end of supervision...). */
  EXPIRED_BY_EVENT,
  /** The directive that would have covered it was revoked. */
  REVOKED,
  /** A directive covers this discloser and recipient, but not this category of information. */
  CATEGORY_NOT_COVERED,
  /** A directive covers this discloser, recipient and category, but not this purpose. */
  PURPOSE_NOT_COVERED,
  /**
   * A criminal-justice directive covers only those who monitor the person; the recipient does not.
   */
  RECIPIENT_NOT_MONITORING;

  public String messageKey() {
    return "consent.withheld." + name();
  }
}
