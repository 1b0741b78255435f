package org.bridgeway.care.record;

/** How far a plan goal was reached at discharge. */
public enum GoalAttainment {
  ACHIEVED,
  PARTLY,
  NOT_ACHIEVED;

  public String messageKey() {
    return "care.attainment." + name();
  }
}
