package org.bridgeway.shared.vocabulary;

/** The kind of supervision a person is under. */
public enum SupervisionType {
  PROBATION,
  PAROLE,
  PRETRIAL,
  DIVERSION;

  /** The message key of the display name. */
  public String messageKey() {
    return "supervisionType." + name();
  }
}
