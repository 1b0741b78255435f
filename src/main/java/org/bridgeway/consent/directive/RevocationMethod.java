package org.bridgeway.consent.directive;

/** How the person revoked a directive (§2.31(a)(6): revocation may be oral or in writing). */
public enum RevocationMethod {
  IN_PERSON,
  IN_WRITING,
  ORALLY
}
