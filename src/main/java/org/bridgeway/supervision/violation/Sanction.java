package org.bridgeway.supervision.violation;

/**
 * A response to a violation, on the graduated ladder from the lightest to the heaviest in declared
 * order; {@link #OTHER} is off the ladder.
 */
public enum Sanction {
  VERBAL_WARNING,
  WRITTEN_WARNING,
  INCREASED_REPORTING,
  CURFEW,
  COMMUNITY_SERVICE,
  ELECTRONIC_MONITORING,
  JAIL_SANCTION,
  REVOCATION_REQUEST,
  OTHER;

  /** Whether the sanction has a place on the graduated ladder. */
  public boolean onTheLadder() {
    return this != OTHER;
  }

  public String messageKey() {
    return "sanction." + name();
  }
}
