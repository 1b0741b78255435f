package org.bridgeway.supervision.caseload;

/** What a condition of supervision asks of the person. */
public enum ConditionKind {
  TREATMENT,
  EMPLOYMENT,
  EDUCATION,
  CURFEW,
  NO_CONTACT,
  DRUG_TESTING,
  COMMUNITY_SERVICE,
  FEES,
  OTHER
}
