package org.bridgeway.directory.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bridgeway.directory.hsds.HsdsType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tabular form of HSDS, read from the official per-object schemas: for each type its CSV file,
 * its place in the datapackage, and its columns in schema order with their types. The compiled
 * {@code tabular.json} of HSDS lists exactly these columns (a test checks it).
 */
final class TabularSchema {

  /** One column of an HSDS CSV file. */
  record Column(
      String name,
      String type,
      String format,
      String title,
      String description,
      boolean required,
      boolean unique,
      List<String> allowed) {

    boolean isNumber() {
      return "number".equals(type) || "integer".equals(type);
    }

    boolean isBoolean() {
      return "boolean".equals(type);
    }

    boolean isString() {
      return !isNumber() && !isBoolean();
    }
  }

  /** One CSV file of the datapackage. */
  record Table(HsdsType type, String file, int order, String description, List<Column> columns) {

    Column column(String name) {
      for (Column column : columns) {
        if (column.name().equals(name)) {
          return column;
        }
      }
      return null;
    }

    List<String> columnNames() {
      return columns.stream().map(Column::name).toList();
    }
  }

  private static final Map<HsdsType, Table> TABLES = load();

  private TabularSchema() {}

  static Table of(HsdsType type) {
    return TABLES.get(type);
  }

  /** Every table, in the order the HSDS datapackage lists them. */
  static List<Table> tables() {
    List<Table> tables = new ArrayList<>(TABLES.values());
    tables.sort(Comparator.comparingInt(Table::order));
    return tables;
  }

  private static Map<HsdsType, Table> load() {
    Map<HsdsType, Table> tables = new EnumMap<>(HsdsType.class);
    JsonMapper json = JsonMapper.shared();
    for (HsdsType type : HsdsType.values()) {
      String resource = "/hsds/schema/" + type.schemaName() + ".json";
      JsonNode schema;
      try (InputStream in = TabularSchema.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("HSDS schema missing: " + resource);
        }
        schema = json.readTree(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Set<String> required = names(schema.get("required"));
      List<Column> columns = new ArrayList<>();
      for (Map.Entry<String, JsonNode> property : schema.get("properties").properties()) {
        JsonNode definition = property.getValue();
        String propertyType = text(definition, "type");
        if (propertyType == null || "array".equals(propertyType) || "object".equals(propertyType)) {
          continue;
        }
        JsonNode constraints = definition.get("constraints");
        List<String> allowed = new ArrayList<>();
        if (definition.has("enum")) {
          definition.get("enum").forEach(value -> allowed.add(value.asString()));
        }
        columns.add(
            new Column(
                property.getKey(),
                propertyType,
                text(definition, "format"),
                text(definition, "title"),
                text(definition, "description"),
                required.contains(property.getKey()),
                constraints != null
                    && constraints.has("unique")
                    && constraints.get("unique").asBoolean(),
                List.copyOf(allowed)));
      }
      JsonNode metadata = schema.get("datapackage_metadata");
      int order = metadata != null && metadata.has("order") ? metadata.get("order").asInt() : 99;
      tables.put(
          type,
          new Table(
              type, type.csvFile(), order, text(schema, "description"), List.copyOf(columns)));
    }
    return Collections.unmodifiableMap(tables);
  }

  private static Set<String> names(JsonNode array) {
    Map<String, Boolean> names = new LinkedHashMap<>();
    if (array != null) {
      array.forEach(name -> names.put(name.asString(), true));
    }
    return names.keySet();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }
}
