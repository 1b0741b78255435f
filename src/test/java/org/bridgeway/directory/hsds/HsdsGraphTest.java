package org.bridgeway.directory.hsds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class HsdsGraphTest {

  private static final JsonMapper JSON = JsonMapper.shared();
  private final HsdsSchemas schemas = new HsdsSchemas();

  static JsonNode example(String name) throws IOException {
    try (InputStream in = HsdsGraphTest.class.getResourceAsStream("/hsds/examples/" + name)) {
      return JSON.readTree(in);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "service_full.json, SERVICE",
    "organization_full.json, ORGANIZATION",
    "service_at_location_full.json, SERVICE_AT_LOCATION",
    "location.json, LOCATION",
    "taxonomy_term.json, TAXONOMY_TERM"
  })
  void officialExamplesAreValidAndSurviveFlatteningAndNestingAgain(String file, HsdsType type)
      throws IOException {
    JsonNode original = example(file);
    assertThat(schemas.validate(type, original)).isEmpty();

    List<HsdsRecord> records = HsdsGraph.flatten(type, original);
    HsdsRecord root =
        records.stream()
            .filter(r -> r.id().equals(UUID.fromString(original.get("id").stringValue())))
            .findFirst()
            .orElseThrow();
    ObjectNode nested =
        HsdsGraph.assemble(
            root,
            HsdsGraph.inMemory(records),
            type == HsdsType.ORGANIZATION && original.has("services")
                ? HsdsGraph.Shape.ORGANIZATION_WITH_SERVICES
                : HsdsGraph.Shape.NESTED);

    assertThat(schemas.validate(type, nested)).isEmpty();
    assertThat(withoutEmptyArrays(nested)).isEqualTo(withoutEmptyArrays(original));
  }

  @Test
  void flatteningMakesImpliedPointersExplicit() throws IOException {
    List<HsdsRecord> records = HsdsGraph.flatten(HsdsType.SERVICE, example("service_full.json"));
    UUID serviceId = UUID.fromString("ac148810-d857-441c-9679-408f346de14b");

    assertThat(records).filteredOn(r -> r.type() == HsdsType.SCHEDULE).isNotEmpty();
    assertThat(records)
        .filteredOn(r -> r.type() == HsdsType.SERVICE_AT_LOCATION)
        .allSatisfy(
            sal -> {
              assertThat(sal.reference("service_id")).contains(serviceId);
              assertThat(sal.reference("location_id")).isPresent();
            });
    HsdsRecord service = records.stream().filter(r -> r.id().equals(serviceId)).findFirst().get();
    assertThat(service.reference("organization_id")).isPresent();
    assertThat(service.document().has("phones")).isFalse();
  }

  @Test
  void schemaViolationsNameTheField() {
    ObjectNode service = JSON.createObjectNode();
    service.put("id", "not-a-uuid");
    service.put("status", "active");
    assertThat(schemas.validate(HsdsType.SERVICE, service))
        .extracting(HsdsSchemas.Violation::field)
        .contains("name", "id");
  }

  /**
   * An official example with every id replaced by a new one (consistently, so references still
   * hold): tests that share a database can each import their own copy.
   */
  static JsonNode exampleWithFreshIds(String name) throws IOException {
    String text;
    try (InputStream in = HsdsGraphTest.class.getResourceAsStream("/hsds/examples/" + name)) {
      text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    java.util.Map<String, String> fresh = new java.util.HashMap<>();
    java.util.regex.Matcher ids =
        java.util.regex.Pattern.compile(
                "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
            .matcher(text);
    StringBuilder replaced = new StringBuilder();
    while (ids.find()) {
      ids.appendReplacement(
          replaced, fresh.computeIfAbsent(ids.group(), id -> UUID.randomUUID().toString()));
    }
    ids.appendTail(replaced);
    return JSON.readTree(replaced.toString());
  }

  static JsonNode withoutEmptyArrays(JsonNode node) {
    if (node instanceof ObjectNode object) {
      ObjectNode copy = JSON.createObjectNode();
      object
          .properties()
          .forEach(
              e -> {
                JsonNode value = e.getValue();
                if (!(value.isArray() && value.isEmpty())) {
                  copy.set(e.getKey(), withoutEmptyArrays(value));
                }
              });
      return copy;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode copy = JSON.createArrayNode();
      array.forEach(element -> copy.add(withoutEmptyArrays(element)));
      return copy;
    }
    return node;
  }
}
