package org.bridgeway.care.transition;

/** The authorization rules of the transition pages and API; which records is the service's. */
final class TransitionRoles {

  /** Staff of a supervising agency who work with people on supervision, and its administrators. */
  static final String AGENCY_STAFF =
      "hasAnyRole('OFFICER','SUPERVISOR','ORGANIZATION_ADMIN','NETWORK_ADMIN')";

  /** Staff of a treatment provider and its administrators. */
  static final String PROVIDER_STAFF =
      "hasAnyRole('PROVIDER_STAFF','ORGANIZATION_ADMIN','NETWORK_ADMIN')";

  private TransitionRoles() {}
}
