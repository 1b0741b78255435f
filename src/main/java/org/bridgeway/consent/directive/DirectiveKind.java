package org.bridgeway.consent.directive;

/** Whether a directive is an ordinary consent or a criminal-justice consent under §2.35. */
public enum DirectiveKind {
  GENERAL,
  /**
   * A consent given as a condition of the criminal-justice process (§2.35): its recipients are
   * limited to those who monitor the person's progress, and it may be irrevocable until a stated
   * date or event.
   */
  CRIMINAL_JUSTICE
}
