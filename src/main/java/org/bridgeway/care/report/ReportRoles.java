package org.bridgeway.care.report;

/** Who generates progress reports; which people is decided by the service (the caseload rule). */
final class ReportRoles {

  /** Staff of a supervising agency who work with people on supervision, and its administrators. */
  static final String AGENCY_STAFF =
      "hasAnyRole('OFFICER','SUPERVISOR','ORGANIZATION_ADMIN','NETWORK_ADMIN')";

  private ReportRoles() {}
}
