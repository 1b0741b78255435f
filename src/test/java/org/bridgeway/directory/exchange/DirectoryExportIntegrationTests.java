package org.bridgeway.directory.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bridgeway.directory.CostKind;
import org.bridgeway.directory.hsds.HsdsType;
import org.bridgeway.directory.profile.BridgewayTaxonomy;
import org.bridgeway.directory.profile.Capacities;
import org.bridgeway.directory.profile.ServiceProfile;
import org.bridgeway.directory.profile.ServiceProfiles;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class DirectoryExportIntegrationTests {

  private static final Pattern UUIDS =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  @Autowired DirectoryExport exports;
  @Autowired ImportJobs jobs;
  @Autowired ImportJobRunner runner;
  @Autowired JdbcClient jdbc;
  @Autowired ServiceProfiles profiles;
  @Autowired Capacities capacities;
  @Autowired TransactionTemplate transactions;
  @Autowired MutableClock clock;

  ImportTesting imports;

  @BeforeEach
  void setUp() {
    imports = new ImportTesting(jobs, runner, jdbc);
  }

  private UUID importJson(String example) {
    String json = ExchangeFixtures.exampleWithFreshIds(example);
    ImportJob job = imports.runJson(example, json);
    assertThat(job.status()).isEqualTo(ImportStatus.SUCCEEDED);
    JsonNode root = ExchangeFixtures.JSON.readTree(json);
    return UUID.fromString(
        (root.has("organization") ? root.get("organization") : root).get("id").asString());
  }

  private JsonNode json(DirectoryExport.Filter filter) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    exports.writeJson(filter, out);
    return ExchangeFixtures.JSON.readTree(out.toByteArray());
  }

  private Map<String, byte[]> csv(DirectoryExport.Filter filter) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    exports.writeCsvPackage(filter, out);
    return ExchangeFixtures.unzip(out.toByteArray());
  }

  private static DirectoryExport.Filter organizations(UUID... ids) {
    return new DirectoryExport.Filter(Set.of(ids), Set.of(), null);
  }

  /** A service of a new organization, with a profile and capacity; returns the organization. */
  private UUID serviceWithProfile(UUID service, String name, NeedDomain domain) {
    UUID organization = UUID.randomUUID();
    String json =
        """
        {"id": "%s", "name": "%s", "description": "A service for a test", "status": "active",
         "organization": {"id": "%s", "name": "Org %s", "description": "An organization"},
         "phones": [{"id": "%s", "number": "+1 555 0100"}]}
        """
            .formatted(service, name, organization, organization, UUID.randomUUID());
    assertThat(imports.runJson("service.json", json).status()).isEqualTo(ImportStatus.SUCCEEDED);
    transactions.executeWithoutResult(
        tx -> {
          profiles.save(
              new ServiceProfile(
                  service,
                  Set.of(domain),
                  18,
                  64,
                  Set.of(),
                  Set.of(),
                  Set.of(),
                  Set.of(),
                  Set.of(),
                  Set.of("12345"),
                  Set.of("en", "es"),
                  Set.of(),
                  CostKind.FIXED,
                  new BigDecimal("40.00"),
                  "session",
                  0),
              clock.instant());
          capacities.report(
              service, 3, 0, null, "test", clock.instant().truncatedTo(ChronoUnit.MICROS), null);
        });
    return organization;
  }

  @Test
  void theJsonExportIsAnArrayOfOrganizationsThatValidatesAsAnOrganizationPackage() {
    UUID full = importJson("organization_full.json");
    UUID ofService = importJson("service_full.json");
    UUID withProfile = serviceWithProfile(UUID.randomUUID(), "Rapid rehousing", NeedDomain.HOUSING);

    JsonNode exported = json(organizations(full, ofService, withProfile));

    assertThat(exported.isArray()).isTrue();
    assertThat(exported.valueStream().map(o -> UUID.fromString(o.get("id").asString())))
        .containsExactlyInAnyOrder(full, ofService, withProfile);
    assertThat(CompiledSchemas.validate("organization_package.json", exported)).isEmpty();
    JsonNode rehousing =
        exported
            .valueStream()
            .filter(o -> o.get("id").asString().equals(withProfile.toString()))
            .findFirst()
            .orElseThrow()
            .get("services")
            .get(0);
    assertThat(rehousing.has("organization")).isFalse();
    assertThat(rehousing.get("attributes").valueStream())
        .anySatisfy(
            attribute -> {
              assertThat(attribute.get("value").asString()).isEqualTo("HOUSING");
              assertThat(attribute.get("taxonomy_term").get("code").asString())
                  .isEqualTo("need-domain");
              assertThat(attribute.get("taxonomy_term").get("taxonomy_detail").get("id").asString())
                  .isEqualTo(BridgewayTaxonomy.TAXONOMY_ID.toString());
            });
  }

  @Test
  void theCsvExportHasExactlyTheTabularColumnsAndEveryRowValidates() {
    Map<String, byte[]> example = ExchangeFixtures.csvExampleWithFreshIds();
    assertThat(imports.run(new Upload("example.zip", null, ExchangeFixtures.zip(example))).status())
        .isEqualTo(ImportStatus.SUCCEEDED);
    UUID service = UUID.randomUUID();
    serviceWithProfile(service, "Food pantry", NeedDomain.FOOD);
    Set<String> ours = idsIn(example);
    ours.add(service.toString());

    Map<String, byte[]> files = csv(DirectoryExport.Filter.everything());

    assertThat(files.keySet()).contains("datapackage.json");
    JsonNode datapackage = ExchangeFixtures.JSON.readTree(files.get("datapackage.json"));
    assertThat(datapackage.get("profile").asString()).isEqualTo("tabular-data-package");
    for (HsdsType type : HsdsType.values()) {
      byte[] file = files.get(type.csvFile());
      assertThat(file).as(type.csvFile()).isNotNull();
      List<String> columns = CompiledSchemas.tabularColumns(type.schemaName());
      assertThat(ExchangeFixtures.header(file)).as(type.csvFile()).isEqualTo(columns);
      JsonNode resource =
          datapackage
              .get("resources")
              .valueStream()
              .filter(r -> r.get("path").asString().equals(type.csvFile()))
              .findFirst()
              .orElseThrow();
      assertThat(
              resource.get("schema").get("fields").valueStream().map(f -> f.get("name").asString()))
          .containsExactlyElementsOf(columns);
      for (Map<String, String> row : ExchangeFixtures.rows(file)) {
        if (ours.contains(row.get("id")) || ours.contains(row.get("link_id"))) {
          assertThat(CompiledSchemas.validateRow(type.schemaName(), row))
              .as(type.csvFile() + " " + row)
              .isEmpty();
        }
      }
    }
    List<Map<String, String>> attributes = ExchangeFixtures.rows(files.get("attributes.csv"));
    assertThat(attributes)
        .filteredOn(row -> service.toString().equals(row.get("link_id")))
        .extracting(row -> row.get("value"))
        .contains("FOOD", "40.00", "12345", "3");
    assertThat(ExchangeFixtures.rows(files.get("taxonomies.csv")))
        .extracting(row -> row.get("id"))
        .contains(BridgewayTaxonomy.TAXONOMY_ID.toString());
  }

  private static Set<String> idsIn(Map<String, byte[]> files) {
    Set<String> ids = new HashSet<>();
    files
        .values()
        .forEach(
            bytes -> {
              Matcher matcher = UUIDS.matcher(new String(bytes, StandardCharsets.UTF_8));
              while (matcher.find()) {
                ids.add(matcher.group());
              }
            });
    return ids;
  }

  @Test
  void textCellsThatASpreadsheetWouldRunAreGuardedAndComeBackUnchanged() {
    UUID service = UUID.randomUUID();
    UUID organization = UUID.randomUUID();
    String json =
        """
        {"id": "%s", "name": "=HYPERLINK(\\"http://evil.example\\",\\"Click\\")",
         "description": "@SUM(1+1)", "status": "active",
         "organization": {"id": "%s", "name": "-Org", "description": "An organization"},
         "phones": [{"id": "%s", "number": "+1 555 0100"}]}
        """
            .formatted(service, organization, UUID.randomUUID());
    assertThat(imports.runJson("evil.json", json).status()).isEqualTo(ImportStatus.SUCCEEDED);

    Map<String, byte[]> files = csv(organizations(organization));

    Map<String, String> row = ExchangeFixtures.rows(files.get("services.csv")).getFirst();
    assertThat(row.get("name")).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"Click\")");
    assertThat(row.get("description")).isEqualTo("'@SUM(1+1)");
    assertThat(ExchangeFixtures.rows(files.get("organizations.csv")).getFirst().get("name"))
        .isEqualTo("'-Org");
    assertThat(ExchangeFixtures.rows(files.get("phones.csv")).getFirst().get("number"))
        .isEqualTo("'+1 555 0100");

    ImportJob again = imports.run(new Upload("export.zip", null, ExchangeFixtures.zip(files)));

    assertThat(again.status()).isEqualTo(ImportStatus.SUCCEEDED);
    assertThat(again.createdCount() + again.updatedCount()).isZero();
  }

  @Test
  void aNeedDomainFilterExportsOnlyServicesInThoseDomains() {
    UUID housing = UUID.randomUUID();
    UUID food = UUID.randomUUID();
    UUID housingOrganization = serviceWithProfile(housing, "Shelter", NeedDomain.HOUSING);
    UUID foodOrganization = serviceWithProfile(food, "Pantry", NeedDomain.FOOD);
    DirectoryExport.Filter filter =
        new DirectoryExport.Filter(
            Set.of(housingOrganization, foodOrganization), Set.of(NeedDomain.HOUSING), null);

    JsonNode exported = json(filter);
    Map<String, byte[]> files = csv(filter);

    assertThat(exported.valueStream().map(o -> o.get("id").asString()))
        .containsExactly(housingOrganization.toString());
    assertThat(ExchangeFixtures.rows(files.get("services.csv")))
        .extracting(row -> row.get("id"))
        .containsExactly(housing.toString());
    assertThat(ExchangeFixtures.rows(files.get("phones.csv"))).hasSize(1);
    assertThat(ExchangeFixtures.rows(files.get("attributes.csv")))
        .extracting(row -> row.get("link_id"))
        .containsOnly(housing.toString());
  }

  @Test
  void aModifiedAfterFilterExportsOnlyOrganizationsChangedSince() {
    UUID before = serviceWithProfile(UUID.randomUUID(), "Old", NeedDomain.FOOD);
    Instant cut = clock.instant().plusSeconds(1);
    clock.advance(java.time.Duration.ofSeconds(5));
    UUID after = serviceWithProfile(UUID.randomUUID(), "New", NeedDomain.FOOD);

    JsonNode exported = json(new DirectoryExport.Filter(Set.of(before, after), Set.of(), cut));

    assertThat(exported.valueStream().map(o -> o.get("id").asString()))
        .containsExactly(after.toString());
  }

  @Test
  void exportsAreAudited() {
    long before =
        imports.count("SELECT count(*) FROM audit_entry WHERE action = 'directory.export'");
    json(organizations(UUID.randomUUID()));
    csv(organizations(UUID.randomUUID()));
    assertThat(imports.count("SELECT count(*) FROM audit_entry WHERE action = 'directory.export'"))
        .isEqualTo(before + 2);
  }
}
