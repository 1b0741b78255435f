package org.bridgeway.directory.exchange.web;

/** The authorization rules of import and export. */
final class Curators {

  /** Imports change the directory: network administrators and community coordinators curate it. */
  static final String IMPORT = "hasAnyRole('NETWORK_ADMIN','COMMUNITY_COORDINATOR')";

  /**
   * The directory is not confidential: every signed-in staff member and API client may export it
   * (the public has the {@code /hsds} API).
   */
  static final String EXPORT = "isAuthenticated()";

  private Curators() {}
}
