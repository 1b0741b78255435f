package org.bridgeway.directory;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.bridgeway.shared.vocabulary.Gender;
import org.bridgeway.shared.vocabulary.InsuranceCoverage;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.vocabulary.OffenseCategory;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.shared.vocabulary.SupervisionType;

/**
 * What matching needs to know of one active service to check a person's eligibility and score the
 * service for them: its need domains, structured eligibility, languages, accessibility, cost,
 * capacity and the places it is delivered at. Empty sets of genders, supervision types and levels
 * and of residency ZIP codes mean "no restriction", as in the directory's profile.
 *
 * @param capacity as last reported; null if never reported
 * @param places the service's locations with coordinates; empty when it has none or none is placed
 * @param remote whether the service has no location at all (by telephone or online)
 */
public record ServiceCandidate(
    ServiceId id,
    String name,
    String organizationName,
    Set<NeedDomain> needDomains,
    Integer minimumAge,
    Integer maximumAge,
    Set<Gender> genders,
    Set<SupervisionType> supervisionTypes,
    Set<SupervisionLevel> supervisionLevels,
    Set<OffenseCategory> excludedOffenses,
    Set<InsuranceCoverage> insuranceAccepted,
    Set<String> residencyPostcodes,
    Set<String> languages,
    Set<AccessibilityFeature> accessibility,
    CostKind costKind,
    Capacity capacity,
    List<Place> places,
    boolean remote) {

  public ServiceCandidate {
    needDomains = Set.copyOf(needDomains);
    genders = Set.copyOf(genders);
    supervisionTypes = Set.copyOf(supervisionTypes);
    supervisionLevels = Set.copyOf(supervisionLevels);
    excludedOffenses = Set.copyOf(excludedOffenses);
    insuranceAccepted = Set.copyOf(insuranceAccepted);
    residencyPostcodes = Set.copyOf(residencyPostcodes);
    languages = Set.copyOf(languages);
    accessibility = Set.copyOf(accessibility);
    places = List.copyOf(places);
  }

  /** A location of the service with coordinates (WGS 84 degrees). */
  public record Place(double latitude, double longitude) {}

  /**
   * Capacity as last reported.
   *
   * @param updatedAt when it was reported; figures older than 7 days count as unknown
   */
  public record Capacity(
      int openSlots, int waitlistLength, Integer estimatedWaitDays, Instant updatedAt) {}
}
