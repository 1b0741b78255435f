package org.bridgeway.shared.vocabulary;

/** A way a person's care can be paid for. */
public enum InsuranceCoverage {
  MEDICAID,
  MEDICARE,
  PRIVATE,
  VETERANS,
  UNINSURED;

  /** The message key of the display name. */
  public String messageKey() {
    return "insuranceCoverage." + name();
  }
}
