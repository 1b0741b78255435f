package org.bridgeway.supervision.person;

/** The kinds of identifier a person has; a value of a kind belongs to one person per agency. */
public enum IdentifierKind {
  /** The supervising agency's own number for the person. */
  AGENCY_ID,
  /** The state identification number (SID) from fingerprint records. */
  STATE_ID,
  COURT_CASE_NUMBER
}
