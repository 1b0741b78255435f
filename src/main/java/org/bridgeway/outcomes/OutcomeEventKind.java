package org.bridgeway.outcomes;

/**
 * What can happen to a person that outcomes are measured by. Arrests, charges and convictions carry
 * an offense category; a housing change carries the new housing status.
 */
public enum OutcomeEventKind {
  ARREST,
  CHARGE,
  CONVICTION,
  TECHNICAL_VIOLATION,
  REVOCATION,
  ABSCONDING,
  RETURN_TO_CUSTODY,
  EMPLOYMENT_START,
  EMPLOYMENT_END,
  HOUSING_CHANGE,
  EDUCATION_MILESTONE,
  PROGRAM_COMPLETION,
  SUPERVISION_CLOSURE;

  /** Whether the event names an offense category (arrest, charge, conviction). */
  public boolean carriesOffense() {
    return this == ARREST || this == CHARGE || this == CONVICTION;
  }

  public String messageKey() {
    return "outcomeEvent." + name();
  }
}
