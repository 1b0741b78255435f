package org.bridgeway.directory.listing.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bridgeway.directory.AccessibilityFeature;
import org.bridgeway.directory.CostKind;
import org.bridgeway.directory.listing.Listing;
import org.bridgeway.directory.listing.ServiceFields;
import org.bridgeway.directory.profile.ServiceProfile;
import org.bridgeway.shared.vocabulary.Gender;
import org.bridgeway.shared.vocabulary.InsuranceCoverage;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.vocabulary.OffenseCategory;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.shared.vocabulary.SupervisionType;
import org.bridgeway.shared.web.FieldViolation;

/**
 * The service listing form: the main HSDS fields and the Bridgeway profile, with the version the
 * edit is based on. Every field binds as text, so any input re-renders as typed; {@link #parse}
 * turns it into the directory's types and names each value that is not a number or not a known
 * code. The directory's own rules are checked by {@link ServiceFields} and {@link
 * ServiceProfile#violations()}. Checkbox groups that send nothing mean "none"; ZIP codes and
 * languages are lists separated by commas or spaces.
 */
record ServiceListingForm(
    String name,
    String description,
    String status,
    String url,
    String email,
    String applicationProcess,
    String feesDescription,
    String eligibilityDescription,
    String waitTime,
    String phone,
    List<String> needDomains,
    String minimumAge,
    String maximumAge,
    List<String> genders,
    List<String> supervisionTypes,
    List<String> supervisionLevels,
    List<String> excludedOffenses,
    List<String> insuranceAccepted,
    String residencyPostcodes,
    String languages,
    List<String> accessibility,
    String costKind,
    String unitCost,
    String costUnit,
    String version) {

  /** The form read into the directory's types, or what could not be read. */
  record Parsed(ServiceFields fields, ServiceProfile profile, List<FieldViolation> violations) {}

  static ServiceListingForm of(Listing listing) {
    ServiceFields fields = listing.fields();
    ServiceProfile profile = listing.profile();
    return new ServiceListingForm(
        fields.name(),
        fields.description(),
        fields.status(),
        fields.url(),
        fields.email(),
        fields.applicationProcess(),
        fields.feesDescription(),
        fields.eligibilityDescription(),
        fields.waitTime(),
        fields.phone(),
        names(profile.needDomains()),
        text(profile.minimumAge()),
        text(profile.maximumAge()),
        names(profile.genders()),
        names(profile.supervisionTypes()),
        names(profile.supervisionLevels()),
        names(profile.excludedOffenses()),
        names(profile.insuranceAccepted()),
        String.join(", ", new TreeSet<>(profile.residencyPostcodes())),
        String.join(", ", new TreeSet<>(profile.languages())),
        names(profile.accessibility()),
        profile.costKind() == null ? null : profile.costKind().name(),
        profile.unitCost() == null ? null : profile.unitCost().toPlainString(),
        profile.costUnit(),
        Integer.toString(profile.version()));
  }

  Parsed parse(UUID serviceId) {
    List<FieldViolation> violations = new ArrayList<>();
    ServiceFields fields =
        new ServiceFields(
            name,
            description,
            status,
            url,
            email,
            applicationProcess,
            feesDescription,
            eligibilityDescription,
            waitTime,
            phone);
    Integer version = integer("version", this.version, violations);
    ServiceProfile profile =
        new ServiceProfile(
            serviceId,
            codes("needDomains", needDomains, NeedDomain.class, violations),
            integer("minimumAge", minimumAge, violations),
            integer("maximumAge", maximumAge, violations),
            codes("genders", genders, Gender.class, violations),
            codes("supervisionTypes", supervisionTypes, SupervisionType.class, violations),
            codes("supervisionLevels", supervisionLevels, SupervisionLevel.class, violations),
            codes("excludedOffenses", excludedOffenses, OffenseCategory.class, violations),
            codes("insuranceAccepted", insuranceAccepted, InsuranceCoverage.class, violations),
            split(residencyPostcodes, false),
            split(languages, true),
            codes("accessibility", accessibility, AccessibilityFeature.class, violations),
            code("costKind", costKind, CostKind.class, violations),
            decimal("unitCost", unitCost, violations),
            blank(costUnit) ? null : costUnit.strip(),
            version == null ? 0 : version);
    if (version == null && violations.stream().noneMatch(v -> "version".equals(v.field()))) {
      violations.add(new FieldViolation(null, "version.missing", "reload the page"));
    }
    return new Parsed(fields, profile, violations);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static Integer integer(String field, String value, List<FieldViolation> violations) {
    if (blank(value)) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      violations.add(new FieldViolation(field, "number", "must be a whole number"));
      return null;
    }
  }

  private static BigDecimal decimal(String field, String value, List<FieldViolation> violations) {
    if (blank(value)) {
      return null;
    }
    try {
      return new BigDecimal(value.strip().replace(",", "").replace("$", ""));
    } catch (NumberFormatException e) {
      violations.add(new FieldViolation(field, "number", "must be a number"));
      return null;
    }
  }

  private static <E extends Enum<E>> E code(
      String field, String value, Class<E> type, List<FieldViolation> violations) {
    if (blank(value)) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      violations.add(new FieldViolation(field, "unknown", "must be chosen from the list"));
      return null;
    }
  }

  private static <E extends Enum<E>> Set<E> codes(
      String field, List<String> values, Class<E> type, List<FieldViolation> violations) {
    Set<E> parsed = EnumSet.noneOf(type);
    if (values == null) {
      return parsed;
    }
    for (String value : values) {
      try {
        parsed.add(Enum.valueOf(type, value.strip()));
      } catch (IllegalArgumentException e) {
        violations.add(new FieldViolation(field, "unknown", "must be chosen from the list"));
        break;
      }
    }
    return parsed;
  }

  private static Set<String> split(String text, boolean lowerCase) {
    if (blank(text)) {
      return Set.of();
    }
    return Arrays.stream(text.split("[,;\\s]+"))
        .filter(part -> !part.isBlank())
        .map(part -> lowerCase ? part.toLowerCase(Locale.ROOT) : part)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static List<String> names(Collection<? extends Enum<?>> values) {
    return values.stream().map(Enum::name).sorted().toList();
  }

  private static String text(Integer value) {
    return value == null ? null : value.toString();
  }
}
