package org.bridgeway.supervision.person;

/** Ethnicity as the person reports it. */
public enum Ethnicity {
  HISPANIC_OR_LATINO,
  NOT_HISPANIC_OR_LATINO
}
