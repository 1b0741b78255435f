package org.bridgeway.shared.vocabulary;

/**
 * A need domain: the dynamic criminogenic needs (the "central eight" that can change) and the
 * stabilization needs that decide whether a person can engage at all. Assessments score them,
 * services declare which they address, and matching joins the two.
 */
public enum NeedDomain {
  ATTITUDES_COGNITION(true),
  ASSOCIATES(true),
  FAMILY_MARITAL(true),
  EDUCATION_EMPLOYMENT(true),
  LEISURE_RECREATION(true),
  SUBSTANCE_USE(true),
  PERSONALITY_BEHAVIOR(true),
  HOUSING(false),
  MENTAL_HEALTH(false),
  PHYSICAL_HEALTH(false),
  BENEFITS_INCOME(false),
  IDENTIFICATION_DOCUMENTS(false),
  TRANSPORTATION(false),
  FOOD(false),
  CHILDCARE(false),
  LEGAL_AID(false);

  private final boolean criminogenic;

  NeedDomain(boolean criminogenic) {
    this.criminogenic = criminogenic;
  }

  /** Whether addressing this need is expected to lower the risk of reoffending. */
  public boolean criminogenic() {
    return criminogenic;
  }

  /** The message key of the domain's display name. */
  public String messageKey() {
    return "needDomain." + name();
  }
}
