package org.bridgeway.outcomes.event;

/** A person's housing after a housing change (the {@code housing_status} of an outcome event). */
public enum HousingStatus {
  STABLE,
  TRANSITIONAL,
  UNSTABLE,
  HOMELESS;

  public String messageKey() {
    return "outcomes.events.housing." + name();
  }
}
