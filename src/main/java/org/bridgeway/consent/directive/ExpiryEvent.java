package org.bridgeway.consent.directive;

/** Events that end a directive (or the irrevocability of a criminal-justice consent). */
public enum ExpiryEvent {
  /** The day the person's last supervision case closed, with none open. */
  END_OF_SUPERVISION,
  /** The day the person's treatment at the disclosing program ended. */
  END_OF_TREATMENT
}
