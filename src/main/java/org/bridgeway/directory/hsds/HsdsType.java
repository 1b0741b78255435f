package org.bridgeway.directory.hsds;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The HSDS 3.0 object types, with what is needed to move between their nested JSON form and their
 * flat (tabular) form: the CSV file of each, the fields that point to other objects, the arrays of
 * objects nested under each, and the single objects nested by reference.
 *
 * <p>In the flat form every object is a row of its own and points to its parents by id
 * (phone.service_id); in the nested form it sits inside its parent and the pointer is implied. The
 * rules below follow the HSDS compiled schemas and the official examples.
 */
public enum HsdsType {
  ORGANIZATION("organization", "organizations.csv", List.of("parent_organization_id")),
  PROGRAM("program", "programs.csv", List.of("organization_id")),
  SERVICE("service", "services.csv", List.of("organization_id", "program_id")),
  LOCATION("location", "locations.csv", List.of("organization_id")),
  SERVICE_AT_LOCATION(
      "service_at_location", "service_at_location.csv", List.of("service_id", "location_id")),
  ADDRESS("address", "addresses.csv", List.of("location_id")),
  PHONE(
      "phone",
      "phones.csv",
      List.of(
          "location_id", "service_id", "organization_id", "contact_id", "service_at_location_id")),
  CONTACT(
      "contact",
      "contacts.csv",
      List.of("organization_id", "service_id", "service_at_location_id", "location_id")),
  SCHEDULE(
      "schedule", "schedules.csv", List.of("service_id", "location_id", "service_at_location_id")),
  SERVICE_AREA("service_area", "service_areas.csv", List.of("service_id")),
  LANGUAGE("language", "languages.csv", List.of("service_id", "location_id", "phone_id")),
  FUNDING("funding", "funding.csv", List.of("organization_id", "service_id")),
  COST_OPTION("cost_option", "cost_options.csv", List.of("service_id")),
  REQUIRED_DOCUMENT("required_document", "required_documents.csv", List.of("service_id")),
  ACCESSIBILITY("accessibility", "accessibility.csv", List.of("location_id")),
  ATTRIBUTE("attribute", "attributes.csv", List.of("link_id", "taxonomy_term_id")),
  TAXONOMY("taxonomy", "taxonomies.csv", List.of()),
  TAXONOMY_TERM("taxonomy_term", "taxonomy_terms.csv", List.of("parent_id", "taxonomy_id")),
  ORGANIZATION_IDENTIFIER(
      "organization_identifier", "organization_identifiers.csv", List.of("organization_id")),
  METADATA("metadata", "metadata.csv", List.of("resource_id")),
  META_TABLE_DESCRIPTION("meta_table_description", "meta_table_descriptions.csv", List.of());

  /** An array of objects nested under a parent, each pointing to it through {@code foreignKey}. */
  public record Children(String property, HsdsType type, String foreignKey) {}

  /** A single object nested in place of the parent's own pointer field {@code foreignKey}. */
  public record Single(String property, HsdsType type, String foreignKey) {}

  private static final Map<String, HsdsType> BY_NAME =
      Arrays.stream(values()).collect(Collectors.toMap(HsdsType::schemaName, Function.identity()));
  private static final Map<String, HsdsType> BY_FILE =
      Arrays.stream(values()).collect(Collectors.toMap(HsdsType::csvFile, Function.identity()));

  private final String schemaName;
  private final String csvFile;
  private final List<String> references;

  HsdsType(String schemaName, String csvFile, List<String> references) {
    this.schemaName = schemaName;
    this.csvFile = csvFile;
    this.references = references;
  }

  /** The name HSDS gives the object: its schema file, its {@code resource_type} in metadata. */
  public String schemaName() {
    return schemaName;
  }

  /** The file of the tabular datapackage that holds objects of this type. */
  public String csvFile() {
    return csvFile;
  }

  /** The fields of the flat form that hold the id of another object. */
  public List<String> references() {
    return references;
  }

  public static Optional<HsdsType> bySchemaName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  public static Optional<HsdsType> byCsvFile(String file) {
    return Optional.ofNullable(BY_FILE.get(file));
  }

  /** The arrays nested under objects of this type in HSDS JSON, in the order HSDS lists them. */
  public List<Children> children() {
    List<Children> own =
        switch (this) {
          case ORGANIZATION ->
              List.of(
                  new Children("funding", FUNDING, "organization_id"),
                  new Children("contacts", CONTACT, "organization_id"),
                  new Children("phones", PHONE, "organization_id"),
                  new Children("locations", LOCATION, "organization_id"),
                  new Children("programs", PROGRAM, "organization_id"),
                  new Children(
                      "organization_identifiers", ORGANIZATION_IDENTIFIER, "organization_id"));
          case SERVICE ->
              List.of(
                  new Children("phones", PHONE, "service_id"),
                  new Children("schedules", SCHEDULE, "service_id"),
                  new Children("service_areas", SERVICE_AREA, "service_id"),
                  new Children("service_at_locations", SERVICE_AT_LOCATION, "service_id"),
                  new Children("languages", LANGUAGE, "service_id"),
                  new Children("funding", FUNDING, "service_id"),
                  new Children("cost_options", COST_OPTION, "service_id"),
                  new Children("required_documents", REQUIRED_DOCUMENT, "service_id"),
                  new Children("contacts", CONTACT, "service_id"));
          case SERVICE_AT_LOCATION ->
              List.of(
                  new Children("contacts", CONTACT, "service_at_location_id"),
                  new Children("phones", PHONE, "service_at_location_id"),
                  new Children("schedules", SCHEDULE, "service_at_location_id"));
          case LOCATION ->
              List.of(
                  new Children("languages", LANGUAGE, "location_id"),
                  new Children("addresses", ADDRESS, "location_id"),
                  new Children("contacts", CONTACT, "location_id"),
                  new Children("accessibility", ACCESSIBILITY, "location_id"),
                  new Children("phones", PHONE, "location_id"),
                  new Children("schedules", SCHEDULE, "location_id"));
          case CONTACT -> List.of(new Children("phones", PHONE, "contact_id"));
          case PHONE -> List.of(new Children("languages", LANGUAGE, "phone_id"));
          default -> List.of();
        };
    var all = new java.util.ArrayList<>(own);
    if (hasAttributes()) {
      all.add(new Children("attributes", ATTRIBUTE, "link_id"));
    }
    if (this != METADATA) {
      all.add(new Children("metadata", METADATA, "resource_id"));
    }
    return List.copyOf(all);
  }

  /** The single objects nested in HSDS JSON in place of a pointer field. */
  public List<Single> singles() {
    return switch (this) {
      case SERVICE ->
          List.of(
              new Single("organization", ORGANIZATION, "organization_id"),
              new Single("program", PROGRAM, "program_id"));
      case SERVICE_AT_LOCATION -> List.of(new Single("location", LOCATION, "location_id"));
      case ATTRIBUTE -> List.of(new Single("taxonomy_term", TAXONOMY_TERM, "taxonomy_term_id"));
      case TAXONOMY_TERM -> List.of(new Single("taxonomy_detail", TAXONOMY, "taxonomy_id"));
      default -> List.of();
    };
  }

  /** Whether HSDS lets objects of this type carry attributes (taxonomy terms). */
  public boolean hasAttributes() {
    return switch (this) {
      case ATTRIBUTE, TAXONOMY, TAXONOMY_TERM, METADATA -> false;
      default -> true;
    };
  }
}
