package org.bridgeway;

/**
 * The authorization matrix rows of the staff and public directory search pages and the search API.
 */
final class DirectorySearchEndpoints {

  private DirectorySearchEndpoints() {}

  static void register() {}
}
