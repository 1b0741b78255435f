package org.bridgeway.directory.openreferral;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * The response schemas of the HSDS API reference, read from the local copies of what its {@code
 * $ref}s name on raw.githubusercontent.com: the compiled schemas (test resources) and the
 * per-object schemas (main resources). Format assertions are on, as in {@code HsdsSchemas}.
 */
final class ApiSchemas {

  static final String UPSTREAM =
      "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/";

  private final SchemaRegistry registry =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder ->
              builder.schemaRegistryConfig(
                  SchemaRegistryConfig.builder()
                      .formatAssertionsEnabled(true)
                      .locale(Locale.ENGLISH)
                      .build()));
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  /** The local copy of a schema the reference names by its upstream URL. */
  static String local(String upstream) {
    if (!upstream.startsWith(UPSTREAM)) {
      throw new IllegalArgumentException("not an HSDS schema: " + upstream);
    }
    String file = upstream.substring(UPSTREAM.length());
    return file.startsWith("compiled/")
        ? "classpath:hsds/" + file
        : "classpath:hsds/schema/" + file;
  }

  /** The violations of a document against the schema at an upstream URL; empty when valid. */
  List<String> violations(String upstream, JsonNode document) {
    Schema schema =
        schemas.computeIfAbsent(upstream, url -> registry.getSchema(SchemaLocation.of(local(url))));
    return messages(schema.validate(document));
  }

  /** The violations of a document against a schema given inline. */
  List<String> violationsOfInline(JsonNode schema, JsonNode document) {
    return messages(registry.getSchema(schema).validate(document));
  }

  /** The violations against the compiled schema of a name (service_list, organization, ...). */
  List<String> compiled(String name, JsonNode document) {
    return violations(UPSTREAM + "compiled/" + name + ".json", document);
  }

  /** The violations against a per-object schema (taxonomy, taxonomy_term, ...). */
  List<String> object(String name, JsonNode document) {
    return violations(UPSTREAM + name + ".json", document);
  }

  private static List<String> messages(List<Error> errors) {
    return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
  }
}
