package org.bridgeway.consent.directive;

/** How the person signed the consent form. */
public enum SignatureMethod {
  /**
   * Signed electronically with the person present: typed name and the staff member's attestation.
   */
  ELECTRONIC,
  /** Signed on paper; the scan is uploaded with the directive. */
  PAPER
}
