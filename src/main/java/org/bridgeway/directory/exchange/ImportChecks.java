package org.bridgeway.directory.exchange;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.directory.hsds.HsdsRecord;
import org.bridgeway.directory.hsds.HsdsRecords;
import org.bridgeway.directory.hsds.HsdsType;
import org.bridgeway.directory.profile.BridgewayTaxonomy;
import org.bridgeway.shared.web.FieldViolation;
import org.springframework.stereotype.Component;

/**
 * The checks that need the whole import and the stored directory: ids that would change type, and
 * references (a phone's {@code service_id}) that lead nowhere, neither in the import nor in the
 * directory. Each is one pass over the import with hash lookups and one batched query, so the cost
 * grows linearly with the import.
 *
 * <p>Which dangling references are errors (ADR 0007):
 *
 * <ul>
 *   <li>always: a service's {@code organization_id}, a service-at-location's {@code service_id} and
 *       {@code location_id}, an attribute's {@code taxonomy_term_id}, and the {@code link_id} of a
 *       Bridgeway attribute (it must be a service);
 *   <li>never (a warning): references HSDS lets point outside a dataset: an organization's {@code
 *       parent_organization_id}, a taxonomy term's {@code parent_id} and {@code taxonomy_id}, a
 *       metadata record's {@code resource_id} (history outlives what it describes) and another
 *       attribute's {@code link_id};
 *   <li>otherwise, an error only when the object would then hang from nothing: none of its other
 *       references resolves and nothing in the import points to it (a phone whose only pointer is
 *       an unknown {@code service_id}). A phone of a known location that also names an unknown
 *       service is kept, with a warning.
 * </ul>
 *
 * A reference to an object of the wrong type (a {@code service_id} that is a location's) is always
 * an error.
 */
@Component
class ImportChecks {

  private enum Rule {
    REQUIRED,
    ANCHOR,
    EXTERNAL
  }

  /** An import that passed every check, ready to be written. */
  record PreparedImport(
      String kind,
      List<HsdsRecord> records,
      Map<UUID, BridgewayTaxonomy.Extensions> extensions,
      Map<UUID, HsdsType> storedReferences,
      Map<UUID, Origin> origins) {}

  private static final Map<UUID, HsdsType> BRIDGEWAY_TERMS = bridgewayTerms();

  private final HsdsRecords records;

  ImportChecks(HsdsRecords records) {
    this.records = records;
  }

  PreparedImport check(ImportBatch batch, ImportProblems problems) {
    Map<UUID, HsdsRecord> all = batch.records();
    List<HsdsRecord> regular = new ArrayList<>();
    List<HsdsRecord> bridgewayAttributes = new ArrayList<>();
    for (HsdsRecord record : all.values()) {
      if (!BridgewayTaxonomy.isBridgewayRecord(record)) {
        regular.add(record);
      } else if (record.type() == HsdsType.ATTRIBUTE) {
        bridgewayAttributes.add(record);
      }
      // Bridgeway's taxonomy and terms are not stored: exports generate them.
    }

    Map<UUID, HsdsType> storedTypes =
        records.existingTypes(regular.stream().map(HsdsRecord::id).toList());
    for (HsdsRecord record : regular) {
      HsdsType stored = storedTypes.get(record.id());
      if (stored != null && stored != record.type()) {
        problems.error(
            origin(batch, record),
            "id",
            "id-type-change",
            record.id().toString(),
            stored.schemaName(),
            record.type().schemaName());
      }
    }

    Set<UUID> lookup = new HashSet<>();
    Set<UUID> pointedTo = new HashSet<>();
    for (HsdsRecord record : concat(regular, bridgewayAttributes)) {
      for (String field : record.type().references()) {
        record
            .reference(field)
            .ifPresent(
                target -> {
                  pointedTo.add(target);
                  if (!all.containsKey(target) && !BRIDGEWAY_TERMS.containsKey(target)) {
                    lookup.add(target);
                  }
                });
      }
    }
    Map<UUID, HsdsType> storedReferences = records.existingTypes(lookup);

    for (HsdsRecord record : regular) {
      checkReferences(record, batch, storedReferences, pointedTo, problems);
    }

    Map<UUID, List<HsdsRecord>> byService = new LinkedHashMap<>();
    for (HsdsRecord attribute : bridgewayAttributes) {
      Optional<UUID> service = attribute.reference("link_id");
      HsdsType linked = service.map(id -> typeOf(id, batch, storedReferences)).orElse(null);
      if (linked != HsdsType.SERVICE) {
        problems.error(
            origin(batch, attribute),
            "link_id",
            "bridgeway-link",
            attribute.text("link_id").orElse(""));
        continue;
      }
      byService.computeIfAbsent(service.get(), s -> new ArrayList<>()).add(attribute);
    }
    Map<UUID, BridgewayTaxonomy.Extensions> extensions = new LinkedHashMap<>();
    byService.forEach(
        (service, attributes) -> {
          BridgewayTaxonomy.Extensions read = BridgewayTaxonomy.read(service, attributes);
          for (FieldViolation violation : read.violations()) {
            problems.error(
                origin(batch, attributes.getFirst()),
                "value",
                "bridgeway",
                service.toString(),
                violation.field(),
                violation.message());
          }
          extensions.put(service, read);
        });

    Map<UUID, Origin> origins = new HashMap<>();
    for (HsdsRecord record : regular) {
      Origin origin = batch.originOf(record.id());
      if (origin != null) {
        origins.put(record.id(), origin);
      }
    }
    return new PreparedImport(batch.kind(), regular, extensions, storedReferences, origins);
  }

  private void checkReferences(
      HsdsRecord record,
      ImportBatch batch,
      Map<UUID, HsdsType> stored,
      Set<UUID> pointedTo,
      ImportProblems problems) {
    boolean anchored = pointedTo.contains(record.id());
    List<String> dangling = new ArrayList<>();
    for (String field : record.type().references()) {
      Optional<UUID> target = record.reference(field);
      if (target.isEmpty()) {
        continue;
      }
      HsdsType found = typeOf(target.get(), batch, stored);
      if (found == null) {
        dangling.add(field);
        continue;
      }
      HsdsType expected = expectedType(record.type(), field);
      if (expected != null && found != expected) {
        problems.error(
            origin(batch, record),
            field,
            "reference-type",
            target.get().toString(),
            found.schemaName(),
            expected.schemaName());
      } else if (rule(record.type(), field) != Rule.EXTERNAL) {
        anchored = true;
      }
    }
    for (String field : dangling) {
      String target = record.text(field).orElse("");
      Rule rule = rule(record.type(), field);
      if (rule == Rule.REQUIRED || (rule == Rule.ANCHOR && !anchored)) {
        problems.error(origin(batch, record), field, "unknown-reference", target);
      } else {
        problems.warning(origin(batch, record), field, "dangling-reference", target);
      }
    }
  }

  private static HsdsType typeOf(UUID id, ImportBatch batch, Map<UUID, HsdsType> stored) {
    HsdsRecord inBatch = batch.records().get(id);
    if (inBatch != null) {
      return inBatch.type();
    }
    HsdsType bridgeway = BRIDGEWAY_TERMS.get(id);
    return bridgeway != null ? bridgeway : stored.get(id);
  }

  /** The type a pointer field must lead to, or null when any type will do. */
  static HsdsType expectedType(HsdsType type, String field) {
    return switch (field) {
      case "organization_id", "parent_organization_id" -> HsdsType.ORGANIZATION;
      case "program_id" -> HsdsType.PROGRAM;
      case "service_id" -> HsdsType.SERVICE;
      case "location_id" -> HsdsType.LOCATION;
      case "service_at_location_id" -> HsdsType.SERVICE_AT_LOCATION;
      case "contact_id" -> HsdsType.CONTACT;
      case "phone_id" -> HsdsType.PHONE;
      case "taxonomy_term_id" -> HsdsType.TAXONOMY_TERM;
      case "parent_id" -> type == HsdsType.TAXONOMY_TERM ? HsdsType.TAXONOMY_TERM : null;
      case "taxonomy_id" -> HsdsType.TAXONOMY;
      default -> null;
    };
  }

  private static Rule rule(HsdsType type, String field) {
    return switch (type) {
      case ORGANIZATION -> field.equals("parent_organization_id") ? Rule.EXTERNAL : Rule.ANCHOR;
      case TAXONOMY_TERM -> Rule.EXTERNAL;
      case METADATA -> Rule.EXTERNAL;
      case ATTRIBUTE -> field.equals("taxonomy_term_id") ? Rule.REQUIRED : Rule.EXTERNAL;
      case SERVICE -> field.equals("organization_id") ? Rule.REQUIRED : Rule.ANCHOR;
      case SERVICE_AT_LOCATION -> Rule.REQUIRED;
      default -> Rule.ANCHOR;
    };
  }

  private static Origin origin(ImportBatch batch, HsdsRecord record) {
    Origin origin = batch.originOf(record.id());
    return origin != null ? origin : Origin.file(null);
  }

  private static Map<UUID, HsdsType> bridgewayTerms() {
    Map<UUID, HsdsType> terms = new HashMap<>();
    for (HsdsRecord record : BridgewayTaxonomy.taxonomyRecords()) {
      terms.put(record.id(), record.type());
    }
    return Map.copyOf(terms);
  }

  private static <T> List<T> concat(Collection<T> first, Collection<T> second) {
    List<T> both = new ArrayList<>(first.size() + second.size());
    both.addAll(first);
    both.addAll(second);
    return both;
  }
}
