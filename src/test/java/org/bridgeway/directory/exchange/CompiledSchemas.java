package org.bridgeway.directory.exchange;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The official compiled HSDS schemas (test resources), to validate what exports produce. */
final class CompiledSchemas {

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder ->
              builder.schemaRegistryConfig(
                  SchemaRegistryConfig.builder()
                      .formatAssertionsEnabled(true)
                      .locale(Locale.ENGLISH)
                      .build()));
  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();
  private static final JsonNode TABULAR =
      ExchangeFixtures.JSON.readTree(ExchangeFixtures.resource("/hsds/compiled/tabular.json"));

  private CompiledSchemas() {}

  /**
   * Violations of a document against a compiled schema, such as {@code organization_package.json}.
   */
  static List<String> validate(String schema, JsonNode document) {
    return SCHEMAS
        .computeIfAbsent(
            schema, s -> REGISTRY.getSchema(SchemaLocation.of("classpath:hsds/compiled/" + s)))
        .validate(document)
        .stream()
        .map(Error::toString)
        .toList();
  }

  /** The columns {@code tabular.json} gives a type's CSV file, in order. */
  static List<String> tabularColumns(String type) {
    JsonNode properties = TABULAR.get("properties").get(type).get("items").get("properties");
    return properties.properties().stream()
        .filter(e -> !e.getValue().path("type").asString("").equals("array"))
        .map(Map.Entry::getKey)
        .toList();
  }

  /**
   * Violations of a CSV row (column to cell text, empty cells left out) against its item schema in
   * {@code tabular.json}, with cells typed as the schema says.
   */
  static List<String> validateRow(String type, Map<String, String> row) {
    JsonNode properties = TABULAR.get("properties").get(type).get("items").get("properties");
    ObjectNode document = ExchangeFixtures.JSON.createObjectNode();
    row.forEach(
        (column, text) -> {
          String kind = properties.path(column).path("type").asString("string");
          if (kind.equals("number")) {
            try {
              document.put(column, new BigDecimal(text));
            } catch (NumberFormatException e) {
              document.put(column, text);
            }
          } else {
            document.put(column, text);
          }
        });
    Schema schema =
        SCHEMAS.computeIfAbsent(
            "tabular.json#" + type,
            key -> {
              // The item schema without its arrays, whose $refs name files the compiled schemas
              // do not ship: a CSV row has no arrays.
              ObjectNode item =
                  (ObjectNode) TABULAR.get("properties").get(type).get("items").deepCopy();
              ObjectNode scalars = item.putObject("properties");
              properties.properties().stream()
                  .filter(e -> !e.getValue().path("type").asString("").equals("array"))
                  .forEach(e -> scalars.set(e.getKey(), e.getValue()));
              return REGISTRY.getSchema(item);
            });
    return schema.validate(document).stream().map(Error::toString).toList();
  }
}
