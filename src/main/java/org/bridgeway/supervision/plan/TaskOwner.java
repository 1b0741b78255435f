package org.bridgeway.supervision.plan;

/** Who is to do a task: the person on supervision, the officer, or someone else named. */
public enum TaskOwner {
  PERSON,
  OFFICER,
  OTHER;

  public String messageKey() {
    return "taskOwner." + name();
  }
}
