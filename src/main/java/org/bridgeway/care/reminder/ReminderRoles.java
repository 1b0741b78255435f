package org.bridgeway.care.reminder;

/** Who keeps reminder settings; which people is decided by the service (the caseload rule). */
final class ReminderRoles {

  /** Staff of a supervising agency who work with people on supervision, and its administrators. */
  static final String AGENCY_STAFF =
      "hasAnyRole('OFFICER','SUPERVISOR','ORGANIZATION_ADMIN','NETWORK_ADMIN')";

  private ReminderRoles() {}
}
