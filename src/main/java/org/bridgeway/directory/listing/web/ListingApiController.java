package org.bridgeway.directory.listing.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.directory.AccessibilityFeature;
import org.bridgeway.directory.CostKind;
import org.bridgeway.directory.listing.CapacityFigures;
import org.bridgeway.directory.listing.CapacityStatus;
import org.bridgeway.directory.listing.Listings;
import org.bridgeway.directory.profile.Capacity;
import org.bridgeway.directory.profile.ServiceProfile;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.shared.vocabulary.Gender;
import org.bridgeway.shared.vocabulary.InsuranceCoverage;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.vocabulary.OffenseCategory;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.shared.vocabulary.SupervisionType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Capacity and profile of a service for provider systems. The caller's organization must steward
 * the service (or the caller curate the directory); any other service answers 404. Both PUTs are
 * safe to retry: the same capacity report repeated within five minutes, or the profile that is
 * already stored, changes nothing. Bodies are small; the API's default size limit (1 MB) applies.
 */
@RestController
@RequestMapping("/api/v1/directory/services/{id}")
class ListingApiController {

  static final String KEEPERS =
      "hasAnyRole('PROVIDER_STAFF','ORGANIZATION_ADMIN','NETWORK_ADMIN','COMMUNITY_COORDINATOR')";

  /** A capacity report. */
  record CapacityRequest(
      @NotNull @Min(0) @Max(CapacityFigures.MAX_COUNT) Integer openSlots,
      @NotNull @Min(0) @Max(CapacityFigures.MAX_COUNT) Integer waitlistLength,
      @Min(0) @Max(CapacityFigures.MAX_WAIT_DAYS) Integer estimatedWaitDays) {}

  /** One past report. */
  record Report(int openSlots, int waitlistLength, Integer estimatedWaitDays, Instant reportedAt) {

    static Report of(Capacity capacity) {
      return new Report(
          capacity.openSlots(),
          capacity.waitlistLength(),
          capacity.estimatedWaitDays(),
          capacity.updatedAt());
    }
  }

  /**
   * A service's capacity: the current figures (null if none were ever reported), whether they are
   * stale (older than seven days), their version, and recent reports newest first.
   */
  record CapacityView(
      UUID serviceId,
      Integer openSlots,
      Integer waitlistLength,
      Integer estimatedWaitDays,
      Instant updatedAt,
      boolean stale,
      Integer version,
      List<Report> history) {

    static CapacityView of(CapacityStatus status) {
      Capacity current = status.current();
      return new CapacityView(
          status.serviceId(),
          current == null ? null : current.openSlots(),
          current == null ? null : current.waitlistLength(),
          current == null ? null : current.estimatedWaitDays(),
          current == null ? null : current.updatedAt(),
          status.stale(),
          current == null ? null : current.version(),
          status.history().stream().map(Report::of).toList());
    }
  }

  /**
   * A service's profile. Omitted sets mean none; {@code version} is the version read (0 for a
   * service without a profile).
   */
  record ProfileBody(
      @Size(max = 20) Set<NeedDomain> needDomains,
      Integer minimumAge,
      Integer maximumAge,
      @Size(max = 10) Set<Gender> genders,
      @Size(max = 10) Set<SupervisionType> supervisionTypes,
      @Size(max = 10) Set<SupervisionLevel> supervisionLevels,
      @Size(max = 20) Set<OffenseCategory> excludedOffenses,
      @Size(max = 10) Set<InsuranceCoverage> insuranceAccepted,
      @Size(max = ServiceProfile.MAX_POSTCODES)
          Set<@NotNull @Size(max = 10) String> residencyPostcodes,
      @Size(max = ServiceProfile.MAX_LANGUAGES) Set<@NotNull @Size(max = 10) String> languages,
      @Size(max = 10) Set<AccessibilityFeature> accessibility,
      CostKind costKind,
      BigDecimal unitCost,
      @Size(max = ServiceProfile.COST_UNIT_MAX) String costUnit,
      @NotNull @Min(0) Integer version) {

    ServiceProfile toProfile(UUID serviceId) {
      return new ServiceProfile(
          serviceId,
          orEmpty(needDomains),
          minimumAge,
          maximumAge,
          orEmpty(genders),
          orEmpty(supervisionTypes),
          orEmpty(supervisionLevels),
          orEmpty(excludedOffenses),
          orEmpty(insuranceAccepted),
          orEmpty(residencyPostcodes),
          orEmpty(languages),
          orEmpty(accessibility),
          costKind,
          unitCost,
          costUnit,
          version);
    }

    static ProfileBody of(ServiceProfile profile) {
      return new ProfileBody(
          profile.needDomains(),
          profile.minimumAge(),
          profile.maximumAge(),
          profile.genders(),
          profile.supervisionTypes(),
          profile.supervisionLevels(),
          profile.excludedOffenses(),
          profile.insuranceAccepted(),
          profile.residencyPostcodes(),
          profile.languages(),
          profile.accessibility(),
          profile.costKind(),
          profile.unitCost(),
          profile.costUnit(),
          profile.version());
    }

    private static <T> Set<T> orEmpty(Set<T> values) {
      return values == null ? Set.of() : values;
    }
  }

  private final Listings listings;

  ListingApiController(Listings listings) {
    this.listings = listings;
  }

  @GetMapping("/capacity")
  @PreAuthorize(KEEPERS)
  CapacityView capacity(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @RequestParam(name = "history", defaultValue = "20") @Min(0) @Max(200) int history) {
    return CapacityView.of(listings.capacity(principal, id, history));
  }

  @PutMapping("/capacity")
  @PreAuthorize(KEEPERS)
  CapacityView reportCapacity(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody CapacityRequest request) {
    listings.reportCapacity(
        principal,
        id,
        new CapacityFigures(
            request.openSlots(), request.waitlistLength(), request.estimatedWaitDays()),
        null);
    return CapacityView.of(listings.capacity(principal, id, Listings.HISTORY));
  }

  @GetMapping("/profile")
  @PreAuthorize(KEEPERS)
  ProfileBody profile(
      @AuthenticationPrincipal BridgewayPrincipal principal, @PathVariable UUID id) {
    return ProfileBody.of(listings.profile(principal, id));
  }

  @PutMapping("/profile")
  @PreAuthorize(KEEPERS)
  ProfileBody updateProfile(
      @AuthenticationPrincipal BridgewayPrincipal principal,
      @PathVariable UUID id,
      @Valid @RequestBody ProfileBody body) {
    return ProfileBody.of(listings.updateProfile(principal, id, body.toProfile(id)));
  }
}
