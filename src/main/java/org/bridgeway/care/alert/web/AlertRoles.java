package org.bridgeway.care.alert.web;

/** The authorization rules of the alert pages and API; which alerts is decided by the services. */
final class AlertRoles {

  /** Staff of a supervising agency who work with people on supervision, and its administrators. */
  static final String AGENCY_STAFF =
      "hasAnyRole('OFFICER','SUPERVISOR','ORGANIZATION_ADMIN','NETWORK_ADMIN')";

  /** Those who lead officers: supervisors and the agency's administrators. */
  static final String LEADS = "hasAnyRole('SUPERVISOR','ORGANIZATION_ADMIN','NETWORK_ADMIN')";

  private AlertRoles() {}
}
