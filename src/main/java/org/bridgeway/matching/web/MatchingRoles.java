package org.bridgeway.matching.web;

/** The authorization rules of the matching pages and API; which people is decided by the facade. */
final class MatchingRoles {

  /** Staff of a supervising agency who work with people on supervision, and its administrators. */
  static final String AGENCY_STAFF =
      "hasAnyRole('OFFICER','SUPERVISOR','ORGANIZATION_ADMIN','NETWORK_ADMIN')";

  /** Who sets the agency's matching weights. */
  static final String WEIGHT_KEEPERS = "hasAnyRole('SUPERVISOR','ORGANIZATION_ADMIN')";

  private MatchingRoles() {}
}
