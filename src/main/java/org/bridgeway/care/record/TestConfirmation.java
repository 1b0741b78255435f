package org.bridgeway.care.record;

/** Whether a laboratory confirmation of a test result was asked for and what it said. */
public enum TestConfirmation {
  NOT_SENT,
  PENDING,
  CONFIRMED,
  NOT_CONFIRMED;

  public String messageKey() {
    return "care.confirmation." + name();
  }

  /**
   * Whether a posted test's confirmation may move on to {@code next}: a laboratory's answer comes
   * after the screen, so a test not sent may be sent (or answered at once) and a pending one
   * answered; an answer is final. The only change a posted test takes (bulk uploads, ADR 0023).
   */
  public boolean canBecome(TestConfirmation next) {
    return switch (this) {
      case NOT_SENT -> next != NOT_SENT;
      case PENDING -> next == CONFIRMED || next == NOT_CONFIRMED;
      case CONFIRMED, NOT_CONFIRMED -> false;
    };
  }
}
