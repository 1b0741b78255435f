package org.bridgeway.supervision.web;

/** The authorization rules of the supervision API; which records is decided by the services. */
final class SupervisionRoles {

  /** Staff of a supervising agency who work with people on supervision, and its administrators. */
  static final String STAFF =
      "hasAnyRole('OFFICER','SUPERVISOR','ORGANIZATION_ADMIN','NETWORK_ADMIN')";

  /** Who moves cases between officers: supervisors and administrators. */
  static final String ASSIGNERS = "hasAnyRole('SUPERVISOR','ORGANIZATION_ADMIN','NETWORK_ADMIN')";

  /** Who sets up the agency's teams. */
  static final String ADMINISTRATORS = "hasAnyRole('ORGANIZATION_ADMIN','NETWORK_ADMIN')";

  private SupervisionRoles() {}
}
