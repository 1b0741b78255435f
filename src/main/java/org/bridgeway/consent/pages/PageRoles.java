package org.bridgeway.consent.pages;

/** The authorization rules of the consent pages; which records is decided by the services. */
final class PageRoles {

  /** The supervising agency's staff who keep a person's directives and accounting. */
  static final String AGENCY_STAFF =
      "hasAnyRole('OFFICER','SUPERVISOR','ORGANIZATION_ADMIN','NETWORK_ADMIN')";

  /** Medical personnel who may invoke medical-emergency access (§2.51). */
  static final String MEDICAL = "hasRole('PROVIDER_STAFF')";

  /** An organization's administrators: its templates, its emergency-access review. */
  static final String ADMINISTRATORS = "hasAnyRole('ORGANIZATION_ADMIN','NETWORK_ADMIN')";

  private PageRoles() {}
}
