package org.bridgeway.shared.vocabulary;

/** How closely a person is supervised, from the lowest to the most intensive level. */
public enum SupervisionLevel {
  LOW,
  MODERATE,
  HIGH,
  INTENSIVE;

  /** The message key of the display name. */
  public String messageKey() {
    return "supervisionLevel." + name();
  }
}
