package org.bridgeway.directory.hsds;

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
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Validates HSDS documents against the official HSDS 3.0 JSON Schemas (copied unchanged under
 * {@code classpath:hsds/schema/}, see its SOURCE.md), with format checks (uuid, email, uri,
 * date-time) turned on, since HSDS relies on them.
 */
@Component
public class HsdsSchemas {

  /** One way a document breaks its schema: where (a JSON pointer) and what. */
  public record Violation(String pointer, String field, String message) {}

  private final SchemaRegistry registry =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder ->
              builder.schemaRegistryConfig(
                  SchemaRegistryConfig.builder()
                      .formatAssertionsEnabled(true)
                      .locale(Locale.ENGLISH)
                      .build()));
  private final Map<HsdsType, Schema> schemas = new ConcurrentHashMap<>();

  /** The violations of a document of the given type in its nested HSDS form; empty when valid. */
  public List<Violation> validate(HsdsType type, JsonNode document) {
    Schema schema =
        schemas.computeIfAbsent(
            type,
            t ->
                registry.getSchema(
                    SchemaLocation.of("classpath:hsds/schema/" + t.schemaName() + ".json")));
    return schema.validate(document).stream().map(HsdsSchemas::violation).toList();
  }

  private static Violation violation(Error error) {
    String pointer = error.getInstanceLocation().toString();
    String field = error.getProperty();
    if (field == null) {
      int slash = pointer.lastIndexOf('/');
      field = slash >= 0 ? pointer.substring(slash + 1) : pointer;
    }
    return new Violation(pointer, field, error.getMessage());
  }
}
