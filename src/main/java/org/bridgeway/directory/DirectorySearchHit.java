package org.bridgeway.directory;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.shared.vocabulary.NeedDomain;

/**
 * One service found, at its best-ranked location (the nearest, when distance counts).
 *
 * @param locationId null for a service without a location (by telephone or online)
 * @param distanceMeters from the search's origin; null without an origin or coordinates
 * @param otherLocations how many more of the service's locations also match
 * @param capacity as last reported; null if never reported
 * @param openNow whether its schedules say it is open now; null when it has no usable schedule
 * @param score the ranking score (see ADR 0008): higher ranks first
 * @param reasons why it was found, in order: text matches first, then each filter
 */
public record DirectorySearchHit(
    UUID serviceId,
    String serviceName,
    String alternateName,
    UUID organizationId,
    String organizationName,
    UUID locationId,
    String locationName,
    String address,
    String city,
    String stateProvince,
    String postalCode,
    Double distanceMeters,
    int otherLocations,
    String description,
    Set<NeedDomain> needDomains,
    CostKind costKind,
    List<String> languages,
    List<String> taxonomyTerms,
    Capacity capacity,
    Boolean openNow,
    double score,
    List<DirectorySearchReason> reasons) {

  public DirectorySearchHit {
    needDomains = Set.copyOf(needDomains);
    languages = List.copyOf(languages);
    taxonomyTerms = List.copyOf(taxonomyTerms);
    reasons = List.copyOf(reasons);
  }

  /** Whether the service has no location: it is reached by telephone or online. */
  public boolean remote() {
    return locationId == null;
  }

  /** The distance in miles, if known. */
  public Double distanceMiles() {
    return distanceMeters == null ? null : distanceMeters / DirectorySearchResult.METERS_PER_MILE;
  }

  /**
   * Capacity as last reported.
   *
   * @param stale whether the figures are older than 7 days
   */
  public record Capacity(
      int openSlots,
      int waitlistLength,
      Integer estimatedWaitDays,
      Instant updatedAt,
      boolean stale) {

    /** Whether the service reported open slots within the last 7 days. */
    public boolean available() {
      return openSlots > 0 && !stale;
    }
  }
}
