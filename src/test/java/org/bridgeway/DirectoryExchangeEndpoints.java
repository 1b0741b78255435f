package org.bridgeway;

/** The authorization matrix rows of HSDS import and export pages and API. */
final class DirectoryExchangeEndpoints {

  private DirectoryExchangeEndpoints() {}

  static void register() {}
}
