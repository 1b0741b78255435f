package org.bridgeway.directory.profile;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bridgeway.directory.AccessibilityFeature;
import org.bridgeway.directory.CostKind;
import org.bridgeway.directory.hsds.HsdsRecord;
import org.bridgeway.directory.hsds.HsdsType;
import org.bridgeway.shared.vocabulary.Gender;
import org.bridgeway.shared.vocabulary.InsuranceCoverage;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.vocabulary.OffenseCategory;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.shared.vocabulary.SupervisionType;
import org.bridgeway.shared.web.FieldViolation;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * How Bridgeway's extensions of a service travel in HSDS: as attributes of the service, each with a
 * term of the Bridgeway taxonomy and a value. One attribute per value of a multi-valued field (one
 * per need domain). Ids are derived from the content, so exporting twice gives the same ids and
 * importing an export back is idempotent.
 */
public final class BridgewayTaxonomy {

  public static final UUID TAXONOMY_ID = uuid("bridgeway:taxonomy");
  public static final String TAXONOMY_URI = "https://bridgeway.example/taxonomy/v1";
  static final String LINK_TYPE = "bridgeway";

  /** The extension fields, by the code of their taxonomy term. */
  public enum Term {
    NEED_DOMAIN("need-domain", "Need domain served"),
    MINIMUM_AGE("minimum-age", "Minimum age accepted"),
    MAXIMUM_AGE("maximum-age", "Maximum age accepted"),
    GENDER("gender", "Gender accepted"),
    SUPERVISION_TYPE("supervision-type", "Supervision type accepted"),
    SUPERVISION_LEVEL("supervision-level", "Supervision level accepted"),
    EXCLUDED_OFFENSE("excluded-offense", "Offense category not accepted"),
    INSURANCE_ACCEPTED("insurance-accepted", "Payment source accepted"),
    RESIDENCY_POSTCODE("residency-postcode", "ZIP code of residence required"),
    LANGUAGE("language", "Language the service is delivered in (ISO 639)"),
    ACCESSIBILITY("accessibility", "Accessibility feature"),
    COST_KIND("cost-kind", "How a person pays"),
    UNIT_COST("unit-cost", "Cost of one unit of service in US dollars"),
    COST_UNIT("cost-unit", "Unit the cost is priced per"),
    CAPACITY_OPEN_SLOTS("capacity-open-slots", "Open slots"),
    CAPACITY_WAITLIST_LENGTH("capacity-waitlist-length", "People on the waitlist"),
    CAPACITY_ESTIMATED_WAIT_DAYS("capacity-estimated-wait-days", "Estimated wait in days"),
    CAPACITY_UPDATED_AT("capacity-updated-at", "When capacity was last reported");

    private final String code;
    private final String description;

    Term(String code, String description) {
      this.code = code;
      this.description = description;
    }

    public String code() {
      return code;
    }

    public UUID id() {
      return uuid("bridgeway:term:" + code);
    }

    private static final Map<UUID, Term> BY_ID =
        Arrays.stream(values()).collect(Collectors.toMap(Term::id, Function.identity()));

    static Optional<Term> byId(UUID id) {
      return Optional.ofNullable(BY_ID.get(id));
    }
  }

  private BridgewayTaxonomy() {}

  /** The taxonomy and its terms, as HSDS records: exported once with any attributes. */
  public static List<HsdsRecord> taxonomyRecords() {
    List<HsdsRecord> records = new ArrayList<>();
    ObjectNode taxonomy = JsonMapper.shared().createObjectNode();
    taxonomy.put("id", TAXONOMY_ID.toString());
    taxonomy.put("name", "Bridgeway");
    taxonomy.put(
        "description",
        "What a supervision network needs to know of a service beyond HSDS: need domains served,"
            + " structured eligibility, live capacity and unit cost.");
    taxonomy.put("uri", TAXONOMY_URI);
    taxonomy.put("version", "1");
    records.add(new HsdsRecord(HsdsType.TAXONOMY, TAXONOMY_ID, taxonomy));
    for (Term term : Term.values()) {
      records.add(termRecord(term));
    }
    return records;
  }

  static HsdsRecord termRecord(Term term) {
    ObjectNode document = JsonMapper.shared().createObjectNode();
    document.put("id", term.id().toString());
    document.put("code", term.code());
    document.put("name", term.description);
    document.put("description", term.description);
    document.put("taxonomy", "Bridgeway");
    document.put("taxonomy_id", TAXONOMY_ID.toString());
    document.put("term_uri", TAXONOMY_URI + "/" + term.code());
    return new HsdsRecord(HsdsType.TAXONOMY_TERM, term.id(), document);
  }

  /** Whether an HSDS record is one of Bridgeway's own (taxonomy, term or attribute). */
  public static boolean isBridgewayRecord(HsdsRecord record) {
    return switch (record.type()) {
      case TAXONOMY -> record.id().equals(TAXONOMY_ID);
      case TAXONOMY_TERM -> Term.byId(record.id()).isPresent();
      case ATTRIBUTE -> record.reference("taxonomy_term_id").flatMap(Term::byId).isPresent();
      default -> false;
    };
  }

  /** The attributes that express a service's profile and capacity, linked to the service. */
  public static List<HsdsRecord> attributesOf(ServiceProfile profile, Capacity capacity) {
    UUID service = profile != null ? profile.serviceId() : capacity.serviceId();
    List<HsdsRecord> attributes = new ArrayList<>();
    if (profile != null) {
      profile.needDomains().stream()
          .sorted()
          .forEach(d -> attributes.add(attribute(service, Term.NEED_DOMAIN, d.name())));
      if (profile.minimumAge() != null) {
        attributes.add(attribute(service, Term.MINIMUM_AGE, profile.minimumAge().toString()));
      }
      if (profile.maximumAge() != null) {
        attributes.add(attribute(service, Term.MAXIMUM_AGE, profile.maximumAge().toString()));
      }
      names(profile.genders()).forEach(v -> attributes.add(attribute(service, Term.GENDER, v)));
      names(profile.supervisionTypes())
          .forEach(v -> attributes.add(attribute(service, Term.SUPERVISION_TYPE, v)));
      names(profile.supervisionLevels())
          .forEach(v -> attributes.add(attribute(service, Term.SUPERVISION_LEVEL, v)));
      names(profile.excludedOffenses())
          .forEach(v -> attributes.add(attribute(service, Term.EXCLUDED_OFFENSE, v)));
      names(profile.insuranceAccepted())
          .forEach(v -> attributes.add(attribute(service, Term.INSURANCE_ACCEPTED, v)));
      new TreeSet<>(profile.residencyPostcodes())
          .forEach(v -> attributes.add(attribute(service, Term.RESIDENCY_POSTCODE, v)));
      new TreeSet<>(profile.languages())
          .forEach(v -> attributes.add(attribute(service, Term.LANGUAGE, v)));
      names(profile.accessibility())
          .forEach(v -> attributes.add(attribute(service, Term.ACCESSIBILITY, v)));
      if (profile.costKind() != null) {
        attributes.add(attribute(service, Term.COST_KIND, profile.costKind().name()));
      }
      if (profile.unitCost() != null) {
        attributes.add(attribute(service, Term.UNIT_COST, profile.unitCost().toPlainString()));
      }
      if (profile.costUnit() != null) {
        attributes.add(attribute(service, Term.COST_UNIT, profile.costUnit()));
      }
    }
    if (capacity != null) {
      attributes.add(
          attribute(service, Term.CAPACITY_OPEN_SLOTS, Integer.toString(capacity.openSlots())));
      attributes.add(
          attribute(
              service, Term.CAPACITY_WAITLIST_LENGTH, Integer.toString(capacity.waitlistLength())));
      if (capacity.estimatedWaitDays() != null) {
        attributes.add(
            attribute(
                service,
                Term.CAPACITY_ESTIMATED_WAIT_DAYS,
                capacity.estimatedWaitDays().toString()));
      }
      attributes.add(attribute(service, Term.CAPACITY_UPDATED_AT, capacity.updatedAt().toString()));
    }
    return attributes;
  }

  private static List<String> names(Set<? extends Enum<?>> values) {
    return values.stream().map(Enum::name).sorted().toList();
  }

  static HsdsRecord attribute(UUID service, Term term, String value) {
    UUID id = uuid("bridgeway:attribute:" + service + ":" + term.code() + ":" + value);
    ObjectNode document = JsonMapper.shared().createObjectNode();
    document.put("id", id.toString());
    document.put("link_id", service.toString());
    document.put("taxonomy_term_id", term.id().toString());
    document.put("link_type", LINK_TYPE);
    document.put("link_entity", "service");
    document.put("value", value);
    return new HsdsRecord(HsdsType.ATTRIBUTE, id, document);
  }

  /** A capacity report carried by imported attributes. */
  public record CapacityReport(
      int openSlots, int waitlistLength, Integer estimatedWaitDays, Instant updatedAt) {}

  /**
   * What Bridgeway attributes of one service say, read back into a profile and a capacity report.
   *
   * @param violations values that cannot be read (an unknown need domain, a non-numeric age), each
   *     named by its term code; when present, nothing should be written
   */
  public record Extensions(
      ServiceProfile profile, Optional<CapacityReport> capacity, List<FieldViolation> violations) {}

  /**
   * Reads the Bridgeway attributes linked to a service (other attributes are ignored). A service
   * without any gets an empty profile and no capacity report.
   */
  public static Extensions read(UUID service, Collection<HsdsRecord> attributes) {
    Map<Term, List<String>> values = new LinkedHashMap<>();
    for (HsdsRecord attribute : attributes) {
      Optional<Term> term = attribute.reference("taxonomy_term_id").flatMap(Term::byId);
      if (term.isPresent() && attribute.reference("link_id").filter(service::equals).isPresent()) {
        values
            .computeIfAbsent(term.get(), t -> new ArrayList<>())
            .add(attribute.text("value").orElse(""));
      }
    }
    List<FieldViolation> violations = new ArrayList<>();
    Reader reader = new Reader(values, violations);
    ServiceProfile profile =
        new ServiceProfile(
            service,
            reader.enums(Term.NEED_DOMAIN, NeedDomain.class),
            reader.integer(Term.MINIMUM_AGE),
            reader.integer(Term.MAXIMUM_AGE),
            reader.enums(Term.GENDER, Gender.class),
            reader.enums(Term.SUPERVISION_TYPE, SupervisionType.class),
            reader.enums(Term.SUPERVISION_LEVEL, SupervisionLevel.class),
            reader.enums(Term.EXCLUDED_OFFENSE, OffenseCategory.class),
            reader.enums(Term.INSURANCE_ACCEPTED, InsuranceCoverage.class),
            Set.copyOf(values.getOrDefault(Term.RESIDENCY_POSTCODE, List.of())),
            Set.copyOf(values.getOrDefault(Term.LANGUAGE, List.of())),
            reader.enums(Term.ACCESSIBILITY, AccessibilityFeature.class),
            reader
                .single(Term.COST_KIND)
                .map(v -> reader.parseEnum(Term.COST_KIND, CostKind.class, v))
                .orElse(null),
            reader.decimal(Term.UNIT_COST),
            reader.single(Term.COST_UNIT).orElse(null),
            0);
    for (FieldViolation violation : profile.violations()) {
      violations.add(
          new FieldViolation(
              "bridgeway:" + violation.field(), violation.code(), violation.message()));
    }
    Optional<CapacityReport> capacity = Optional.empty();
    Integer open = reader.integer(Term.CAPACITY_OPEN_SLOTS);
    Integer waitlist = reader.integer(Term.CAPACITY_WAITLIST_LENGTH);
    Instant updatedAt = reader.instant(Term.CAPACITY_UPDATED_AT);
    if (open != null || waitlist != null) {
      if (open == null || waitlist == null || updatedAt == null) {
        violations.add(
            new FieldViolation(
                "bridgeway:capacity",
                "incomplete",
                "capacity needs open slots, waitlist length and updated-at together"));
      } else if (open < 0 || waitlist < 0) {
        violations.add(
            new FieldViolation("bridgeway:capacity", "range", "capacity must not be negative"));
      } else {
        capacity =
            Optional.of(
                new CapacityReport(
                    open, waitlist, reader.integer(Term.CAPACITY_ESTIMATED_WAIT_DAYS), updatedAt));
      }
    }
    return new Extensions(profile, capacity, List.copyOf(violations));
  }

  private record Reader(Map<Term, List<String>> values, List<FieldViolation> violations) {

    Optional<String> single(Term term) {
      List<String> found = values.getOrDefault(term, List.of());
      if (found.size() > 1) {
        violations.add(
            new FieldViolation(
                "bridgeway:" + term.code(), "repeated", "must appear at most once per service"));
      }
      return found.stream().findFirst();
    }

    Integer integer(Term term) {
      return single(term)
          .map(
              value -> {
                try {
                  return Integer.valueOf(value.trim());
                } catch (NumberFormatException e) {
                  violations.add(
                      new FieldViolation(
                          "bridgeway:" + term.code(), "number", "must be a whole number"));
                  return null;
                }
              })
          .orElse(null);
    }

    BigDecimal decimal(Term term) {
      return single(term)
          .map(
              value -> {
                try {
                  return new BigDecimal(value.trim());
                } catch (NumberFormatException e) {
                  violations.add(
                      new FieldViolation("bridgeway:" + term.code(), "number", "must be a number"));
                  return null;
                }
              })
          .orElse(null);
    }

    Instant instant(Term term) {
      return single(term)
          .map(
              value -> {
                try {
                  return Instant.parse(value.trim());
                } catch (DateTimeParseException e) {
                  violations.add(
                      new FieldViolation(
                          "bridgeway:" + term.code(), "date-time", "must be an ISO 8601 instant"));
                  return null;
                }
              })
          .orElse(null);
    }

    <E extends Enum<E>> Set<E> enums(Term term, Class<E> type) {
      Set<E> parsed = EnumSet.noneOf(type);
      for (String value : values.getOrDefault(term, List.of())) {
        E constant = parseEnum(term, type, value);
        if (constant != null) {
          parsed.add(constant);
        }
      }
      return parsed;
    }

    <E extends Enum<E>> E parseEnum(Term term, Class<E> type, String value) {
      try {
        return Enum.valueOf(type, value.trim());
      } catch (IllegalArgumentException e) {
        violations.add(
            new FieldViolation(
                "bridgeway:" + term.code(), "unknown", "'" + value + "' is not a known code"));
        return null;
      }
    }
  }

  private static UUID uuid(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }
}
