package org.bridgeway.supervision.person;

/** How a person prefers to be contacted by the agency and, later, by reminders. */
public enum ContactMethod {
  CALL,
  TEXT,
  EMAIL,
  /** No contact other than in person or by letter. */
  NONE
}
