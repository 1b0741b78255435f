package org.bridgeway.care.session;

/** A concern the provider flags for the supervising officer; any flag alerts the officer. */
public enum Concern {
  RISK,
  RELAPSE,
  BEHAVIOUR;

  public String messageKey() {
    return "care.concern." + name();
  }
}
