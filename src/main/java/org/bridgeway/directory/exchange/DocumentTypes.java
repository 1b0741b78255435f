package org.bridgeway.directory.exchange;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bridgeway.directory.hsds.HsdsType;
import tools.jackson.databind.JsonNode;

/**
 * Tells which HSDS object a JSON document is. HSDS documents do not name their type, so the fields
 * decide: only a service has a {@code status}, only a service-at-location nests a location or a
 * service without having a name, only a location has a {@code location_type}, and so on. An object
 * with only a name and a description is taken for an organization.
 */
final class DocumentTypes {

  /** What the importer accepts as a document of its own, and in lists and arrays. */
  static final List<HsdsType> IMPORTABLE =
      List.of(
          HsdsType.SERVICE,
          HsdsType.ORGANIZATION,
          HsdsType.SERVICE_AT_LOCATION,
          HsdsType.LOCATION,
          HsdsType.TAXONOMY,
          HsdsType.TAXONOMY_TERM);

  private static final Set<String> ORGANIZATION_ONLY =
      Set.of(
          "services",
          "website",
          "tax_status",
          "tax_id",
          "year_incorporated",
          "legal_status",
          "logo",
          "parent_organization_id",
          "programs",
          "organization_identifiers",
          "locations");

  private static final Set<String> TAXONOMY_FIELDS =
      Set.of("id", "name", "description", "uri", "version", "metadata");

  private DocumentTypes() {}

  static Optional<HsdsType> detect(JsonNode document) {
    if (document == null || !document.isObject() || !document.hasNonNull("id")) {
      return Optional.empty();
    }
    if (document.has("status")) {
      return Optional.of(HsdsType.SERVICE);
    }
    boolean nestsLocationOrService =
        isObject(document.get("location")) || isObject(document.get("service"));
    if (nestsLocationOrService
        || (!document.has("name") && (document.has("service_id") || document.has("location_id")))) {
      return Optional.of(HsdsType.SERVICE_AT_LOCATION);
    }
    if (document.has("location_type")) {
      return Optional.of(HsdsType.LOCATION);
    }
    if (document.has("taxonomy_detail")
        || document.has("term_uri")
        || document.has("code")
        || document.has("parent_id")
        || document.has("taxonomy_id")) {
      return Optional.of(HsdsType.TAXONOMY_TERM);
    }
    for (String field : ORGANIZATION_ONLY) {
      if (document.has(field)) {
        return Optional.of(HsdsType.ORGANIZATION);
      }
    }
    if (document.has("version") && TAXONOMY_FIELDS.containsAll(document.propertyNames())) {
      return Optional.of(HsdsType.TAXONOMY);
    }
    if (document.has("name") && document.has("description")) {
      return Optional.of(HsdsType.ORGANIZATION);
    }
    return Optional.empty();
  }

  private static boolean isObject(JsonNode node) {
    return node != null && node.isObject();
  }
}
