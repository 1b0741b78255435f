package org.bridgeway.directory;

/**
 * Finds services of the directory: full text (stemmed, accent- and typo-tolerant), need domains,
 * taxonomy terms, distance, eligibility for a person's facts, opening hours, capacity and cost,
 * ranked, with the reasons each service matched and facet counts.
 *
 * <p>Only active services are found. Each hit is one service, at its best-ranked (usually nearest)
 * location. Matching calls this with a person's facts and needs to rank services for them:
 *
 * <pre>{@code
 * DirectorySearchResult result =
 *     directorySearch.search(
 *         DirectorySearchQuery.builder()
 *             .needDomains(Set.of(NeedDomain.HOUSING))
 *             .near(DirectorySearchQuery.Near.zip("97201", 10))
 *             .person(new DirectorySearchQuery.PersonFacts(34, Gender.MALE, ...))
 *             .size(50)
 *             .build());
 * }</pre>
 */
public interface DirectorySearch {

  /**
   * Runs a search.
   *
   * @throws DirectorySearchException when the query breaks a rule (a text too long, an unknown ZIP
   *     code): each broken rule names its field
   */
  DirectorySearchResult search(DirectorySearchQuery query);
}
