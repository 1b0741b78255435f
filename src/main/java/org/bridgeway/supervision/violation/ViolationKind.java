package org.bridgeway.supervision.violation;

/** What kind of violation of the terms of supervision. */
public enum ViolationKind {
  /** A breach of a condition that is not itself a crime: a missed appointment, a positive test. */
  TECHNICAL,
  NEW_OFFENSE,
  ABSCONDING,
  OTHER;

  public String messageKey() {
    return "violationKind." + name();
  }
}
