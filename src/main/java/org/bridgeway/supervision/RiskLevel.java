package org.bridgeway.supervision;

/** The overall risk level an assessment found. Ordered from lowest to highest. */
public enum RiskLevel {
  LOW,
  MODERATE,
  HIGH,
  VERY_HIGH;

  public String messageKey() {
    return "riskLevel." + name();
  }
}
