package org.bridgeway.supervision.assessment.web;

/** The authorization rules of assessments; which records is decided by the services. */
final class AssessmentRoles {

  /** Staff of a supervising agency who work with people on supervision, and its administrators. */
  static final String STAFF =
      "hasAnyRole('OFFICER','SUPERVISOR','ORGANIZATION_ADMIN','NETWORK_ADMIN')";

  /** Who configures the agency's instruments. */
  static final String ADMINISTRATORS = "hasAnyRole('ORGANIZATION_ADMIN','NETWORK_ADMIN')";

  private AssessmentRoles() {}
}
