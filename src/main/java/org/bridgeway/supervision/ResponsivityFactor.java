package org.bridgeway.supervision;

/**
 * Something about a person that decides how services must be delivered to reach them (the
 * "responsivity" of risk-need-responsivity), rather than which needs they address.
 */
public enum ResponsivityFactor {
  LANGUAGE,
  LITERACY,
  COGNITIVE_ABILITY,
  MENTAL_HEALTH,
  DISABILITY,
  TRANSPORTATION,
  CHILDCARE,
  TRAUMA,
  MOTIVATION;

  public String messageKey() {
    return "responsivityFactor." + name();
  }
}
