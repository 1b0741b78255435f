package org.bridgeway.supervision.workspace.web;

/** The authorization rules of the officer's workspace pages; which records is decided below. */
final class WorkspaceRoles {

  /** Staff of a supervising agency who work with people on supervision, and its administrators. */
  static final String STAFF =
      "hasAnyRole('OFFICER','SUPERVISOR','ORGANIZATION_ADMIN','NETWORK_ADMIN')";

  /** Who leads officers and moves cases between them: supervisors and administrators. */
  static final String LEADS = "hasAnyRole('SUPERVISOR','ORGANIZATION_ADMIN','NETWORK_ADMIN')";

  /** Who keeps the agency's offices: its organization and network administrators. */
  static final String ADMINISTRATORS = "hasAnyRole('ORGANIZATION_ADMIN','NETWORK_ADMIN')";

  private WorkspaceRoles() {}
}
