package org.bridgeway.directory.openreferral;

import java.util.List;
import java.util.UUID;

/**
 * The filters of {@code /hsds/taxonomy_terms}; null means "not filtered by this".
 *
 * @param words the words of {@code search}, each of which must appear in the code, name or
 *     description
 * @param topOnly only terms without a parent
 */
public record TaxonomyTermFilter(
    List<String> words, UUID taxonomyId, UUID parentId, boolean topOnly) {

  public TaxonomyTermFilter {
    words = words == null ? List.of() : List.copyOf(words);
  }
}
