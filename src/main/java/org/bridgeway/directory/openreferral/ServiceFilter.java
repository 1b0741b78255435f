package org.bridgeway.directory.openreferral;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The filters of {@code /hsds/services} and {@code /hsds/service_at_locations}; null means "not
 * filtered by this".
 *
 * @param words the words of {@code search}, each of which must appear (case and accents ignored)
 * @param postcode a five-digit U.S. ZIP code
 * @param proximityMeters with {@code postcode}: only locations this close to the ZIP centroid
 */
public record ServiceFilter(
    List<String> words,
    UUID taxonomyTermId,
    UUID taxonomyId,
    UUID organizationId,
    Instant modifiedAfter,
    String postcode,
    Double proximityMeters) {

  public ServiceFilter {
    words = words == null ? List.of() : List.copyOf(words);
    if (proximityMeters != null && postcode == null) {
      throw new HsdsParameterException(
          "proximity", "required", "needs a postcode to measure the distance from");
    }
  }

  public static ServiceFilter none() {
    return new ServiceFilter(List.of(), null, null, null, null, null, null);
  }
}
