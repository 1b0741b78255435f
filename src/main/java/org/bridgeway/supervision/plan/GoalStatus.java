package org.bridgeway.supervision.plan;

/** Where a case-plan goal stands. Every status but ACTIVE ends the goal. */
public enum GoalStatus {
  ACTIVE,
  ACHIEVED,
  PARTLY_ACHIEVED,
  NOT_ACHIEVED,
  DROPPED;

  public boolean ended() {
    return this != ACTIVE;
  }

  public String messageKey() {
    return "goalStatus." + name();
  }
}
