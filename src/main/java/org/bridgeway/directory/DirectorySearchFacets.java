package org.bridgeway.directory;

import java.util.List;
import java.util.UUID;
import org.bridgeway.shared.vocabulary.NeedDomain;

/**
 * How the services found divide, counted over all results (not only the page shown), each service
 * once. Counts are in descending order.
 *
 * @param withCapacity how many have open slots reported within the last 7 days
 * @param taxonomyTerms the ten most frequent taxonomy terms
 */
public record DirectorySearchFacets(
    List<Count<NeedDomain>> needDomains,
    List<Count<CostKind>> costKinds,
    List<Count<String>> languages,
    long withCapacity,
    List<TermCount> taxonomyTerms) {

  public DirectorySearchFacets {
    needDomains = List.copyOf(needDomains);
    costKinds = List.copyOf(costKinds);
    languages = List.copyOf(languages);
    taxonomyTerms = List.copyOf(taxonomyTerms);
  }

  /** How many services have a value. */
  public record Count<T>(T value, long count) {}

  /** How many services carry a taxonomy term. */
  public record TermCount(UUID id, String name, long count) {}
}
