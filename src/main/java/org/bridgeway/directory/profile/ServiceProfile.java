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
