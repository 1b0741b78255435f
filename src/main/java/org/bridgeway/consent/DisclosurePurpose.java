package org.bridgeway.consent;

/** Why information is disclosed: a directive names the purposes it allows (§2.31(a)(5)). */
public enum DisclosurePurpose {
  /** Monitoring the person's progress under supervision (criminal-justice consents, §2.35). */
  SUPERVISION_MONITORING,
  /** Reporting to the court on the person's progress. */
  COURT_REPORTING,
  /** Coordinating the person's care among providers. */
  CARE_COORDINATION,
  TREATMENT,
  PAYMENT,
  HEALTH_CARE_OPERATIONS;

  public String messageKey() {
    return "consent.purpose." + name();
  }
}
