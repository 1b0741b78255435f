package org.bridgeway.shared.vocabulary;

/** A gender as a person reports it, or as a service states whom it serves. */
public enum Gender {
  FEMALE,
  MALE,
  NONBINARY;

  /** The message key of the display name. */
  public String messageKey() {
    return "gender." + name();
  }
}
