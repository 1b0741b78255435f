package org.bridgeway.directory.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.directory.CostKind;
import org.bridgeway.directory.hsds.DirectoryRecordsChanged;
import org.bridgeway.directory.hsds.HsdsRecord;
import org.bridgeway.directory.hsds.HsdsRecords;
import org.bridgeway.directory.hsds.HsdsType;
import org.bridgeway.directory.profile.BridgewayTaxonomy;
import org.bridgeway.directory.profile.Capacities;
import org.bridgeway.directory.profile.Capacity;
import org.bridgeway.directory.profile.ServiceProfile;
import org.bridgeway.directory.profile.ServiceProfiles;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.vocabulary.SupervisionType;
import org.bridgeway.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@IntegrationTest
@RecordApplicationEvents
class HsdsImportIntegrationTests {

  @Autowired ImportJobs jobs;
  @Autowired ImportJobRunner runner;
  @Autowired JdbcClient jdbc;
  @Autowired HsdsRecords records;
  @Autowired ServiceProfiles profiles;
  @Autowired Capacities capacities;
  @Autowired ApplicationEvents events;

  ImportTesting imports;

  @BeforeEach
  void setUp() {
    imports = new ImportTesting(jobs, runner, jdbc);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "service_full.json",
        "organization_full.json",
        "service_at_location_full.json",
        "location.json",
        "taxonomy.json",
        "taxonomy_term.json",
        "service_list.json",
        "organization_list.json",
        "service_at_location_list.json",
        "taxonomy_list.json",
        "taxonomy_term_list.json"
      })
  void eachOfficialJsonExampleImports(String example) {
    String json = ExchangeFixtures.exampleWithFreshIds(example);
    UUID someId = UUID.fromString(firstId(ExchangeFixtures.JSON.readTree(json)));

    ImportJob job = imports.runJson(example, json);

    assertThat(job.status()).as(job.report().errors().toString()).isEqualTo(ImportStatus.SUCCEEDED);
    assertThat(job.report().errorCount()).isZero();
    assertThat(job.createdCount()).isPositive();
    assertThat(records.find(someId)).isPresent();
    assertThat(events.stream(DirectoryRecordsChanged.class))
        .anySatisfy(event -> assertThat(event.recordIds()).contains(someId));
    assertThat(
            imports.count(
                "SELECT count(*) FROM audit_entry WHERE action = 'directory.import'"
                    + " AND outcome = 'SUCCESS' AND record_id = ?",
                job.id()))
        .isEqualTo(1);
  }

  private static String firstId(JsonNode root) {
    JsonNode document = root.has("contents") ? root.get("contents").get(0) : root;
    return document.get("id").asString();
  }

  @Test
  void theOfficialCsvDatapackageImportsWithWarningsForReferencesOutsideIt() {
    Map<String, byte[]> files = ExchangeFixtures.csvExampleWithFreshIds();

    ImportJob job = imports.run(new Upload("example.zip", null, ExchangeFixtures.zip(files)));

    assertThat(job.status()).as(job.report().errors().toString()).isEqualTo(ImportStatus.SUCCEEDED);
    assertThat(job.kind()).isEqualTo("CSV_PACKAGE");
    assertThat(job.report().counts())
        .extracting(ImportReport.TypeCount::type, ImportReport.TypeCount::created)
        .contains(tuple("service", 1), tuple("phone", 1), tuple("schedule", 1));
    assertThat(job.report().warnings())
        .extracting(ImportProblem::file, ImportProblem::field)
        .contains(
            tuple("locations.csv", "organization_id"),
            tuple("organizations.csv", "parent_organization_id"),
            tuple("attributes.csv", "link_id"));
  }

  @Test
  void importingTheSameDataAgainChangesNothing() {
    String json = ExchangeFixtures.exampleWithFreshIds("organization_full.json");
    ImportJob first = imports.runJson("organization.json", json);
    long metadata =
        imports.count("SELECT count(*) FROM directory_record WHERE resource_type = 'metadata'");

    ImportJob second = imports.runJson("organization.json", json);

    assertThat(second.status()).isEqualTo(ImportStatus.SUCCEEDED);
    assertThat(second.createdCount()).isZero();
    assertThat(second.updatedCount()).isZero();
    assertThat(second.unchangedCount()).isEqualTo(first.createdCount());
    assertThat(
            imports.count("SELECT count(*) FROM directory_record WHERE resource_type = 'metadata'"))
        .isEqualTo(metadata);
  }

  @Test
  void aChangedFieldIsReportedAsUpdatedAndLeavesHsdsMetadata() {
    String json = ExchangeFixtures.exampleWithFreshIds("service_full.json");
    imports.runJson("service.json", json);
    ObjectNode changed = (ObjectNode) ExchangeFixtures.JSON.readTree(json);
    changed.put("name", "Counselling for Everyone");
    UUID service = UUID.fromString(changed.get("id").asString());

    ImportJob job = imports.runJson("service.json", changed.toString());

    assertThat(job.status()).isEqualTo(ImportStatus.SUCCEEDED);
    assertThat(job.report().counts())
        .filteredOn(c -> c.type().equals("service"))
        .singleElement()
        .satisfies(c -> assertThat(c.updated()).isEqualTo(1));
    assertThat(job.createdCount()).isZero();
    assertThat(
            jdbc.sql(
                    "SELECT document->>'updated_by' FROM directory_record WHERE resource_type ="
                        + " 'metadata' AND document->>'resource_id' = ? AND"
                        + " document->>'field_name' = 'name'"
                        + " AND document->>'previous_value' = 'Community Counselling'"
                        + " AND document->>'replacement_value' = 'Counselling for Everyone'")
                .param(service.toString())
                .query(String.class)
                .list())
        .containsExactly(ImportTesting.CURATOR.displayName());
  }

  @Test
  void bridgewayAttributesBecomeTheServiceProfileAndCapacity() {
    UUID service = UUID.randomUUID();
    Instant reported = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String json = serviceWithBridgewayAttributes(service, 4, reported);

    ImportJob first = imports.runJson("service.json", json);

    assertThat(first.status())
        .as(first.report().errors().toString())
        .isEqualTo(ImportStatus.SUCCEEDED);
    ServiceProfile profile = profiles.find(service).orElseThrow();
    assertThat(profile.needDomains())
        .containsExactlyInAnyOrder(NeedDomain.HOUSING, NeedDomain.FOOD);
    assertThat(profile.supervisionTypes()).containsExactly(SupervisionType.PROBATION);
    assertThat(profile.unitCost()).isEqualByComparingTo("12.5");
    Capacity capacity = capacities.find(service).orElseThrow();
    assertThat(capacity.openSlots()).isEqualTo(4);
    assertThat(capacity.updatedAt()).isEqualTo(reported);
    assertThat(records.findAll(List.of(service))).hasSize(1);
    assertThat(
            imports.count(
                "SELECT count(*) FROM directory_record WHERE resource_type = 'attribute'"
                    + " AND document->>'link_id' = ?",
                service.toString()))
        .as("Bridgeway attributes are not stored as HSDS records")
        .isZero();
    assertThat(first.report().counts())
        .extracting(ImportReport.TypeCount::type, ImportReport.TypeCount::created)
        .contains(tuple("bridgeway_profile", 1), tuple("bridgeway_capacity", 1));

    ImportJob again = imports.runJson("service.json", json);

    assertThat(again.createdCount() + again.updatedCount()).isZero();
    assertThat(profiles.find(service).orElseThrow().version()).isEqualTo(profile.version());
    assertThat(capacities.history(service, 10)).hasSize(1);

    ImportJob fewer =
        imports.runJson(
            "service.json", serviceWithBridgewayAttributes(service, 2, reported.plusSeconds(60)));

    assertThat(fewer.report().counts())
        .extracting(ImportReport.TypeCount::type, ImportReport.TypeCount::updated)
        .contains(tuple("bridgeway_capacity", 1));
    assertThat(capacities.history(service, 10)).hasSize(2);
  }

  private static String serviceWithBridgewayAttributes(
      UUID service, int openSlots, Instant reported) {
    ServiceProfile profile =
        new ServiceProfile(
            service,
            Set.of(NeedDomain.HOUSING, NeedDomain.FOOD),
            18,
            null,
            Set.of(),
            Set.of(SupervisionType.PROBATION),
            Set.of(),
            Set.of(),
            Set.of(),
            Set.of(),
            Set.of("en"),
            Set.of(),
            CostKind.FIXED,
            new BigDecimal("12.50"),
            "session",
            0);
    Capacity capacity = new Capacity(service, openSlots, 1, 7, reported, "provider", 0);
    ObjectNode document = ExchangeFixtures.JSON.createObjectNode();
    document.put("id", service.toString());
    document.put("name", "Rapid rehousing");
    document.put("description", "Help finding and keeping a home");
    document.put("status", "active");
    ObjectNode organization = document.putObject("organization");
    organization.put("id", UUID.randomUUID().toString());
    organization.put("name", "Housing First Alliance");
    organization.put("description", "Housing for people leaving custody");
    ArrayNode attributes = document.putArray("attributes");
    for (HsdsRecord attribute : BridgewayTaxonomy.attributesOf(profile, capacity)) {
      ObjectNode nested = attribute.document().deepCopy();
      nested.remove("link_id");
      attributes.add(nested);
    }
    return document.toString();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "wrong-type.json",
        "missing-required.json",
        "unknown-phone-service.csv",
        "unknown-attribute-term.csv",
        "unknown-column.csv",
        "unbalanced-quotes.csv",
        "phone-pointing-to-a-location.csv"
      })
  void aRejectedImportReportsWhereAndChangesNothing(String file) {
    ImportTesting.Counts before = imports.counts();

    ImportJob job = imports.run(badInput(file));

    assertThat(job.status()).isEqualTo(ImportStatus.REJECTED);
    assertThat(job.report().errors()).isNotEmpty();
    assertThat(job.report().errors()).allSatisfy(problem -> assertThat(problem.file()).isNotNull());
    assertThat(imports.counts()).isEqualTo(before);
    assertThat(
            imports.count(
                "SELECT count(*) FROM audit_entry WHERE action = 'directory.import'"
                    + " AND outcome = 'FAILURE' AND record_id = ?",
                job.id()))
        .isEqualTo(1);
  }

  @Test
  void theErrorsOfARejectedImportNameFileRowAndField() {
    ImportJob job = imports.run(badInput("unknown-phone-service.csv"));

    assertThat(job.report().errors())
        .extracting(ImportProblem::line, ImportProblem::field, ImportProblem::code)
        .contains(tuple(3, "service_id", "unknown-reference"));
  }

  /**
   * Bad inputs, built around a valid organization and service so that only the named problem is
   * wrong. CSV inputs are ZIPs of HSDS CSV files.
   */
  private static Upload badInput(String name) {
    UUID organization = UUID.randomUUID();
    UUID service = UUID.randomUUID();
    UUID location = UUID.randomUUID();
    String organizations = "id,name,description\n" + organization + ",Good Org,An organization\n";
    String services =
        "id,organization_id,name,status\n" + service + "," + organization + ",Counselling,active\n";
    String locations =
        "id,organization_id,location_type,name\n"
            + location
            + ","
            + organization
            + ",physical,Office\n";
    Map<String, String> files = new LinkedHashMap<>();
    files.put("organizations.csv", organizations);
    files.put("services.csv", services);
    switch (name) {
      case "wrong-type.json" -> {
        return json(
            """
            {"id": "%s", "name": "Counselling", "status": "active", "minimum_age": "eighteen",
             "organization": {"id": "%s", "name": "Org", "description": "An organization"}}
            """
                .formatted(service, organization));
      }
      case "missing-required.json" -> {
        return json(
            """
            {"id": "%s", "name": "Counselling", "status": "active",
             "organization": {"id": "%s", "description": "An organization without a name"}}
            """
                .formatted(service, organization));
      }
      case "unknown-phone-service.csv" ->
          files.put(
              "phones.csv",
              "id,service_id,number\n"
                  + UUID.randomUUID()
                  + ","
                  + service
                  + ",555 0100\n"
                  + UUID.randomUUID()
                  + ","
                  + UUID.randomUUID()
                  + ",555 0101\n");
      case "unknown-attribute-term.csv" ->
          files.put(
              "attributes.csv",
              "id,link_id,taxonomy_term_id,link_type,link_entity,value\n"
                  + UUID.randomUUID()
                  + ","
                  + service
                  + ","
                  + UUID.randomUUID()
                  + ",tag,service,x\n");
      case "unknown-column.csv" ->
          files.put(
              "services.csv",
              "id,organization_id,name,status,colour\n"
                  + service
                  + ","
                  + organization
                  + ",Counselling,active,red\n");
      case "unbalanced-quotes.csv" ->
          files.put(
              "services.csv",
              "id,organization_id,name,status\n"
                  + service
                  + ","
                  + organization
                  + ",\"Counselling,active\n");
      case "phone-pointing-to-a-location.csv" -> {
        files.put("locations.csv", locations);
        files.put(
            "phones.csv", "id,service_id,number\n" + UUID.randomUUID() + "," + location + ",555\n");
      }
      default -> throw new IllegalArgumentException(name);
    }
    Map<String, byte[]> bytes = new LinkedHashMap<>();
    files.forEach((file, text) -> bytes.put(file, text.getBytes(StandardCharsets.UTF_8)));
    return new Upload(name.replace(".csv", ".zip"), "application/zip", ExchangeFixtures.zip(bytes));
  }

  private static Upload json(String text) {
    return new Upload("bad.json", "application/json", text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anIdThatWouldChangeTypeIsRejected() {
    String json = ExchangeFixtures.exampleWithFreshIds("service_full.json");
    imports.runJson("service.json", json);
    String serviceId = ExchangeFixtures.JSON.readTree(json).get("id").asString();
    String csv = "id,number\n" + serviceId + ",555 0100\n";

    ImportJob job =
        imports.run(new Upload("phones.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));

    assertThat(job.status()).isEqualTo(ImportStatus.REJECTED);
    assertThat(job.report().errors())
        .extracting(ImportProblem::code)
        .containsExactly("id-type-change");
    assertThat(records.find(UUID.fromString(serviceId)).orElseThrow().type())
        .isEqualTo(HsdsType.SERVICE);
  }

  @Test
  void malformedUploadsAreRefusedBeforeAnyJobIsQueued() {
    long jobsBefore = imports.count("SELECT count(*) FROM directory_import_job");

    assertThatThrownBy(
            () ->
                imports.run(
                    new Upload(
                        "broken.json",
                        "application/json",
                        "{\"id\": ".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOfSatisfying(
            UploadRejected.class,
            rejected -> {
              assertThat(rejected.tooLarge()).isFalse();
              assertThat(rejected.problems())
                  .extracting(ImportProblem::code)
                  .containsExactly("json-syntax");
            });
    assertThat(imports.count("SELECT count(*) FROM directory_import_job")).isEqualTo(jobsBefore);
  }
}
