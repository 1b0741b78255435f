package org.bridgeway;

/**
 * The authorization matrix rows of provider listing, service profile and capacity pages and API.
 */
final class DirectoryListingEndpoints {

  private DirectoryListingEndpoints() {}

  static void register() {}
}
