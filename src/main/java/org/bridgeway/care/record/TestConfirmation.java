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
}
