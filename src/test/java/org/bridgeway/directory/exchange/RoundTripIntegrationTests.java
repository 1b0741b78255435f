package org.bridgeway.directory.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bridgeway.directory.hsds.HsdsGraph;
import org.bridgeway.directory.hsds.HsdsRecord;
import org.bridgeway.directory.hsds.HsdsType;
import org.bridgeway.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Importing the official examples, exporting them and importing the export again changes nothing,
 * and the export holds the same data as the examples.
 */
@IntegrationTest
class RoundTripIntegrationTests {

  @Autowired DirectoryExport exports;
  @Autowired ImportJobs jobs;
  @Autowired ImportJobRunner runner;
  @Autowired JdbcClient jdbc;

  ImportTesting imports;

  @BeforeEach
  void setUp() {
    imports = new ImportTesting(jobs, runner, jdbc);
  }

  @Test
  void theJsonExamplesSurviveExportAndReimport() {
    Map<String, JsonNode> examples = new LinkedHashMap<>();
    for (String example :
        List.of("organization_full.json", "service_full.json", "service_at_location_full.json")) {
      String json = ExchangeFixtures.exampleWithFreshIds(example);
      assertThat(imports.runJson(example, json).status()).isEqualTo(ImportStatus.SUCCEEDED);
      examples.put(example, ExchangeFixtures.JSON.readTree(json));
    }
    Set<UUID> organizations =
        examples.values().stream()
            .map(RoundTripIntegrationTests::organizationOf)
            .collect(Collectors.toSet());

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    exports.writeJson(new DirectoryExport.Filter(organizations, Set.of(), null), out);
    JsonNode exported = ExchangeFixtures.JSON.readTree(out.toByteArray());

    JsonNode organizationFull = examples.get("organization_full.json");
    JsonNode sameOrganization =
        exported
            .valueStream()
            .filter(o -> o.get("id").equals(organizationFull.get("id")))
            .findFirst()
            .orElseThrow();
    assertThat(ExchangeFixtures.normalized(sameOrganization))
        .isEqualTo(ExchangeFixtures.normalized(organizationFull));

    Map<UUID, HsdsRecord> exportedRecords =
        byId(HsdsGraph.flattenAll(HsdsType.ORGANIZATION, exported.valueStream().toList()));
    examples.forEach(
        (name, example) -> {
          HsdsType type =
              name.startsWith("organization")
                  ? HsdsType.ORGANIZATION
                  : name.startsWith("service_at") ? HsdsType.SERVICE_AT_LOCATION : HsdsType.SERVICE;
          for (HsdsRecord record : HsdsGraph.flatten(type, example)) {
            assertThat(exportedRecords.get(record.id()))
                .as(name + " " + record.type() + " " + record.id())
                .isNotNull()
                .extracting(HsdsRecord::document)
                .isEqualTo(record.document());
          }
        });

    ImportJob again = imports.run(new Upload("export.json", "application/json", out.toByteArray()));

    assertThat(again.status())
        .as(again.report().errors().toString())
        .isEqualTo(ImportStatus.SUCCEEDED);
    assertThat(again.createdCount()).isZero();
    assertThat(again.updatedCount()).isZero();
    assertThat(again.unchangedCount()).isPositive();
  }

  private static UUID organizationOf(JsonNode example) {
    if (example.has("organization")) {
      return UUID.fromString(example.get("organization").get("id").asString());
    }
    if (example.has("service")) {
      return UUID.fromString(example.get("service").get("organization").get("id").asString());
    }
    return UUID.fromString(example.get("id").asString());
  }

  private static Map<UUID, HsdsRecord> byId(List<HsdsRecord> records) {
    Map<UUID, HsdsRecord> byId = new HashMap<>();
    records.forEach(record -> byId.put(record.id(), record));
    return byId;
  }

  @Test
  void theCsvExampleSurvivesExportAndReimport() {
    Map<String, byte[]> example = ExchangeFixtures.csvExampleWithFreshIds();
    assertThat(imports.run(new Upload("example.zip", null, ExchangeFixtures.zip(example))).status())
        .isEqualTo(ImportStatus.SUCCEEDED);
    Set<String> ids =
        example.values().stream()
            .flatMap(file -> ExchangeFixtures.rows(file).stream())
            .map(row -> row.get("id"))
            .collect(Collectors.toSet());

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    exports.writeCsvPackage(DirectoryExport.Filter.everything(), out);
    Map<String, byte[]> exported = ExchangeFixtures.unzip(out.toByteArray());

    Map<String, byte[]> ours = new LinkedHashMap<>();
    ours.put("datapackage.json", exported.get("datapackage.json"));
    example.forEach(
        (file, original) -> {
          List<Map<String, String>> rows =
              ExchangeFixtures.rows(exported.get(file)).stream()
                  .filter(row -> ids.contains(row.get("id")))
                  .toList();
          assertThat(rows).as(file).isEqualTo(ExchangeFixtures.rows(original));
          ours.put(file, ExchangeFixtures.onlyRows(exported.get(file), ids));
        });

    ImportJob again = imports.run(new Upload("export.zip", null, ExchangeFixtures.zip(ours)));

    assertThat(again.status())
        .as(again.report().errors().toString())
        .isEqualTo(ImportStatus.SUCCEEDED);
    assertThat(again.createdCount()).isZero();
    assertThat(again.updatedCount()).isZero();
    assertThat(again.unchangedCount()).isEqualTo(ids.size());
  }
}
