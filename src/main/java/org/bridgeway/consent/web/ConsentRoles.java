package org.bridgeway.consent.web;

/** The authorization rules of the consent API; which records is decided by the services. */
final class ConsentRoles {

  /** The supervising agency's staff who keep a person's directives and accounting. */
  static final String AGENCY_STAFF =
      "hasAnyRole('OFFICER','SUPERVISOR','ORGANIZATION_ADMIN','NETWORK_ADMIN')";

  /** Who may ask the engine for their own decisions: staff of any member organization. */
  static final String ASKERS =
      "hasAnyRole('OFFICER','SUPERVISOR','PROVIDER_STAFF','PARTNER_STAFF','ORGANIZATION_ADMIN',"
          + "'NETWORK_ADMIN')";

  /** Medical personnel who may invoke medical-emergency access (§2.51). */
  static final String MEDICAL = "hasRole('PROVIDER_STAFF')";

  /** An organization's administrators: its templates, its emergency-access review. */
  static final String ADMINISTRATORS = "hasAnyRole('ORGANIZATION_ADMIN','NETWORK_ADMIN')";

  /** The network's administrators keep the Part 2 register. */
  static final String NETWORK_ADMIN = "hasRole('NETWORK_ADMIN')";

  /** Anyone signed in may read the Part 2 register. */
  static final String SIGNED_IN = "isAuthenticated()";

  private ConsentRoles() {}
}
