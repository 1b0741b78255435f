package org.bridgeway.supervision;

/** How severe a need in one domain is, as an assessment found it. Ordered from least to most. */
public enum NeedSeverity {
  NONE,
  MODERATE,
  HIGH;

  /** Whether the need calls for a goal in the case plan. */
  public boolean needsAttention() {
    return this != NONE;
  }

  public String messageKey() {
    return "needSeverity." + name();
  }
}
