package org.bridgeway.care.record;

/** How the person engages in treatment over a progress report's period. */
public enum Engagement {
  ENGAGED,
  PARTIAL,
  NOT_ENGAGED;

  public String messageKey() {
    return "care.engagement." + name();
  }
}
