package org.bridgeway.directory.profile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.directory.AccessibilityFeature;
import org.bridgeway.directory.CostKind;
import org.bridgeway.shared.vocabulary.Gender;
import org.bridgeway.shared.vocabulary.InsuranceCoverage;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.vocabulary.OffenseCategory;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.shared.vocabulary.SupervisionType;
import org.bridgeway.shared.web.FieldViolation;

/**
 * What Bridgeway knows of a service beyond HSDS: the need domains it addresses, whom it will take
 * (structured eligibility) and what it costs. An empty set means "no restriction" for genders,
 * supervision types and levels; residency postcodes restrict only when present.
 */
public record ServiceProfile(
    UUID serviceId,
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
    BigDecimal unitCost,
    String costUnit,
    int version) {

  /** Longest unit text ("bed night", "52-week course"). */
  public static final int COST_UNIT_MAX = 100;

  /** More ZIP codes than a county has: a residency rule is a list of nearby ZIPs. */
  public static final int MAX_POSTCODES = 500;

  public static final int MAX_LANGUAGES = 50;

  public ServiceProfile {
    needDomains = Set.copyOf(needDomains);
    genders = Set.copyOf(genders);
    supervisionTypes = Set.copyOf(supervisionTypes);
    supervisionLevels = Set.copyOf(supervisionLevels);
    excludedOffenses = Set.copyOf(excludedOffenses);
    insuranceAccepted = Set.copyOf(insuranceAccepted);
    residencyPostcodes = Set.copyOf(residencyPostcodes);
    languages = Set.copyOf(languages);
    accessibility = Set.copyOf(accessibility);
  }

  /** A profile that says nothing yet: no domains, no restrictions. */
  public static ServiceProfile empty(UUID serviceId) {
    return new ServiceProfile(
        serviceId, Set.of(), null, null, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(),
        Set.of(), Set.of(), null, null, null, 0);
  }

  /** The same profile with another version: an edit based on the version a client read. */
  public ServiceProfile withVersion(int newVersion) {
    return new ServiceProfile(
        serviceId,
        needDomains,
        minimumAge,
        maximumAge,
        genders,
        supervisionTypes,
        supervisionLevels,
        excludedOffenses,
        insuranceAccepted,
        residencyPostcodes,
        languages,
        accessibility,
        costKind,
        unitCost,
        costUnit,
        newVersion);
  }

  /**
   * Whether two profiles say the same thing, whatever their versions (and however many trailing
   * zeros the unit cost has): saving one over the other would change nothing.
   */
  public boolean sameContentAs(ServiceProfile other) {
    boolean sameCost =
        unitCost == null
            ? other.unitCost == null
            : other.unitCost != null && unitCost.compareTo(other.unitCost) == 0;
    return sameCost
        && withVersion(0).withUnitCost(null).equals(other.withVersion(0).withUnitCost(null));
  }

  private ServiceProfile withUnitCost(BigDecimal cost) {
    return new ServiceProfile(
        serviceId,
        needDomains,
        minimumAge,
        maximumAge,
        genders,
        supervisionTypes,
        supervisionLevels,
        excludedOffenses,
        insuranceAccepted,
        residencyPostcodes,
        languages,
        accessibility,
        costKind,
        cost,
        costUnit,
        version);
  }

  /** The rules a profile must keep, each broken one named by its field. */
  public List<FieldViolation> violations() {
    List<FieldViolation> violations = new ArrayList<>();
    if (minimumAge != null && (minimumAge < 0 || minimumAge > 120)) {
      violations.add(new FieldViolation("minimumAge", "range", "must be between 0 and 120"));
    }
    if (maximumAge != null && (maximumAge < 0 || maximumAge > 120)) {
      violations.add(new FieldViolation("maximumAge", "range", "must be between 0 and 120"));
    }
    if (minimumAge != null && maximumAge != null && minimumAge > maximumAge) {
      violations.add(
          new FieldViolation("maximumAge", "order", "must not be below the minimum age"));
    }
    if (unitCost != null && unitCost.signum() < 0) {
      violations.add(new FieldViolation("unitCost", "range", "must not be negative"));
    }
    if (unitCost != null && unitCost.scale() > 2) {
      violations.add(new FieldViolation("unitCost", "scale", "must have at most two decimals"));
    }
    if (unitCost != null && unitCost.precision() - unitCost.scale() > 10) {
      violations.add(
          new FieldViolation("unitCost", "range", "must be less than 10,000,000,000 dollars"));
    }
    if (costUnit != null && costUnit.length() > COST_UNIT_MAX) {
      violations.add(
          new FieldViolation(
              "costUnit", "size", "must be at most " + COST_UNIT_MAX + " characters"));
    }
    if (residencyPostcodes.size() > MAX_POSTCODES) {
      violations.add(
          new FieldViolation(
              "residencyPostcodes", "size", "must list at most " + MAX_POSTCODES + " ZIP codes"));
    }
    if (languages.size() > MAX_LANGUAGES) {
      violations.add(
          new FieldViolation(
              "languages", "size", "must list at most " + MAX_LANGUAGES + " languages"));
    }
    if (unitCost != null && (costUnit == null || costUnit.isBlank())) {
      violations.add(new FieldViolation("costUnit", "required", "must say what the cost is per"));
    }
    for (String postcode : residencyPostcodes) {
      if (!postcode.matches("\\d{5}")) {
        violations.add(
            new FieldViolation("residencyPostcodes", "format", "must be five-digit ZIP codes"));
        break;
      }
    }
    for (String language : languages) {
      if (!language.matches("[a-z]{2,3}")) {
        violations.add(new FieldViolation("languages", "format", "must be ISO 639 language codes"));
        break;
      }
    }
    return violations;
  }
}
