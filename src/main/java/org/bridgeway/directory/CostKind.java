package org.bridgeway.directory;

/** How a person pays for a service. */
public enum CostKind {
  FREE,
  SLIDING_SCALE,
  INSURANCE,
  FIXED;

  public String messageKey() {
    return "costKind." + name();
  }
}
