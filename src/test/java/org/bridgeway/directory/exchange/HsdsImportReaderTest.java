package org.bridgeway.directory.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.directory.hsds.HsdsRecord;
import org.bridgeway.directory.hsds.HsdsSchemas;
import org.bridgeway.directory.hsds.HsdsType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.unit.DataSize;

class HsdsImportReaderTest {

  private final HsdsImportReader reader =
      new HsdsImportReader(new HsdsSchemas(), ExchangeProperties.defaults());

  private ImportBatch read(String name, String type, byte[] bytes, ImportProblems problems) {
    return reader.read(new Upload(name, type, bytes), problems, ImportProgress.NONE);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @CsvSource({
    "service_full.json, JSON_DOCUMENT, service",
    "organization_full.json, JSON_DOCUMENT, organization",
    "service_at_location_full.json, JSON_DOCUMENT, service_at_location",
    "location.json, JSON_DOCUMENT, location",
    "taxonomy.json, JSON_DOCUMENT, taxonomy",
    "taxonomy_term.json, JSON_DOCUMENT, taxonomy_term",
    "service_list.json, JSON_LIST, service",
    "organization_list.json, JSON_LIST, organization",
    "service_at_location_list.json, JSON_LIST, service_at_location",
    "taxonomy_list.json, JSON_LIST, taxonomy",
    "taxonomy_term_list.json, JSON_LIST, taxonomy_term"
  })
  void officialJsonExamplesAreReadWithoutProblems(String file, String kind, String rootType) {
    ImportProblems problems = ExchangeFixtures.problems();
    ImportBatch batch =
        read(file, "application/json", utf8(ExchangeFixtures.exampleWithFreshIds(file)), problems);

    assertThat(problems.errors()).isEmpty();
    assertThat(batch.kind()).isEqualTo(kind);
    assertThat(batch.records().values()).extracting(r -> r.type().schemaName()).contains(rootType);
  }

  @Test
  void aBareArrayOfServicesIsRead() {
    String service = ExchangeFixtures.exampleWithFreshIds("service_full.json");
    String other = ExchangeFixtures.exampleWithFreshIds("service_full.json");
    ImportProblems problems = ExchangeFixtures.problems();
    ImportBatch batch =
        read("services.json", null, utf8("[" + service + "," + other + "]"), problems);

    assertThat(problems.errors()).isEmpty();
    assertThat(batch.kind()).isEqualTo(HsdsImportReader.JSON_ARRAY);
    assertThat(batch.records().values()).filteredOn(r -> r.type() == HsdsType.SERVICE).hasSize(2);
  }

  @Test
  void theOfficialCsvDatapackageIsReadWithTypedValues() {
    ImportProblems problems = ExchangeFixtures.problems();
    ImportBatch batch =
        read(
            "example.zip",
            "application/zip",
            ExchangeFixtures.zip(ExchangeFixtures.csvExampleWithFreshIds()),
            problems);

    assertThat(problems.errors()).isEmpty();
    assertThat(batch.kind()).isEqualTo(HsdsImportReader.CSV_PACKAGE);
    HsdsRecord location =
        batch.records().values().stream()
            .filter(r -> r.type() == HsdsType.LOCATION)
            .findFirst()
            .orElseThrow();
    assertThat(location.document().get("latitude").isNumber()).isTrue();
    assertThat(batch.originOf(location.id())).isEqualTo(new Origin("locations.csv", 2, null));
    assertThat(batch.records()).hasSize(21);
  }

  @Test
  void malformedJsonIsReportedWithItsLineAndColumn() {
    ImportProblems problems = ExchangeFixtures.problems();
    read("broken.json", "application/json", utf8("{\n  \"id\": \"x\",\n  \"name\": \n}"), problems);

    assertThat(problems.errors())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo("json-syntax");
              assertThat(p.arguments().get(0)).isEqualTo("4");
              assertThat(p.message()).contains("line 4");
            });
  }

  @Test
  void duplicateJsonKeysAreMalformed() {
    ImportProblems problems = ExchangeFixtures.problems();
    reader.precheck(new Upload("dup.json", null, utf8("{\"id\":\"a\",\"id\":\"b\"}")), problems);
    assertThat(problems.errors()).extracting(ImportProblem::code).containsExactly("json-syntax");
  }

  @Test
  void schemaViolationsNameTheJsonPointerAndField() {
    String service =
        ExchangeFixtures.exampleWithFreshIds("service_full.json")
            .replace("\"status\": \"active\"", "\"status\": \"open\"")
            .replaceFirst("\"number\": \"[^\n]*\",", "\"number\": 5,");
    ImportProblems problems = ExchangeFixtures.problems();
    read("list.json", null, utf8("{\"contents\": [" + service + "]}"), problems);

    assertThat(problems.errors())
        .extracting(ImportProblem::pointer, ImportProblem::field)
        .contains(
            org.assertj.core.groups.Tuple.tuple("/contents/0/status", "status"),
            org.assertj.core.groups.Tuple.tuple("/contents/0/phones/0/number", "number"));
  }

  @Test
  void aCopyOfAnObjectThatDisagreesIsAnError() {
    UUID org = UUID.randomUUID();
    String json =
        "["
            + service(UUID.randomUUID(), org, "Org A")
            + ","
            + service(UUID.randomUUID(), org, "Org B")
            + "]";
    ImportProblems problems = ExchangeFixtures.problems();
    read("services.json", null, utf8(json), problems);

    assertThat(problems.errors())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo("conflicting-copy");
              assertThat(p.pointer()).isEqualTo("/1/organization/name");
            });
  }

  private static String service(UUID id, UUID organization, String organizationName) {
    return """
        {"id": "%s", "name": "Counselling", "status": "active",
         "organization": {"id": "%s", "name": "%s", "description": "An organization"}}
        """
        .formatted(id, organization, organizationName);
  }

  @Test
  void malformedCsvIsReportedWithTheLineWhereTheQuoteOpens() {
    String csv =
        "id,name,status\n"
            + UUID.randomUUID()
            + ",Counselling,active\n"
            + UUID.randomUUID()
            + ",\"Unclosed,active\n"
            + UUID.randomUUID()
            + ",Food,active\n";
    ImportProblems problems = ExchangeFixtures.problems();
    read("services.csv", "text/csv", utf8(csv), problems);

    assertThat(problems.errors())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo("csv-unclosed-quote");
              assertThat(p.file()).isEqualTo("services.csv");
              assertThat(p.line()).isEqualTo(3);
            });
  }

  @Test
  void csvCellsAreTypedAndCheckedAgainstTheSchema() {
    String csv =
        "id,location_id,number,extension,type\n"
            + UUID.randomUUID()
            + ",,555 0100,ten,voice\n"
            + "not-a-uuid,,555 0101,,voice\n"
            + UUID.randomUUID()
            + ",,,,voice\n";
    ImportProblems problems = ExchangeFixtures.problems();
    read("phones.csv", "text/csv", utf8(csv), problems);

    assertThat(problems.errors())
        .extracting(ImportProblem::line, ImportProblem::field, ImportProblem::code)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(2, "extension", "csv-number"),
            org.assertj.core.groups.Tuple.tuple(3, "id", "schema"),
            org.assertj.core.groups.Tuple.tuple(4, "number", "schema"));
  }

  @Test
  void unknownColumnsAndFilesAreErrors() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(
        "services.csv", utf8("id,name,status,colour\n" + UUID.randomUUID() + ",A,active,red\n"));
    files.put("service.csv", utf8("id\n"));
    files.put("README.md", utf8("hello"));
    ImportProblems problems = ExchangeFixtures.problems();
    read("package.zip", null, ExchangeFixtures.zip(files), problems);

    assertThat(problems.errors())
        .extracting(ImportProblem::file, ImportProblem::field, ImportProblem::code)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("services.csv", "colour", "csv-unknown-column"),
            org.assertj.core.groups.Tuple.tuple("service.csv", null, "unknown-file"));
    assertThat(problems.warnings()).extracting(ImportProblem::code).containsExactly("ignored-file");
  }

  @Test
  void duplicateIdsAcrossCsvFilesAreErrors() {
    UUID id = UUID.randomUUID();
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("services.csv", utf8("id,name,status\n" + id + ",A,active\n"));
    files.put("phones.csv", utf8("id,number\n" + id + ",555\n"));
    ImportProblems problems = ExchangeFixtures.problems();
    read("package.zip", null, ExchangeFixtures.zip(files), problems);

    assertThat(problems.errors())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo("duplicate-id");
              assertThat(p.file()).isEqualTo("phones.csv");
            });
  }

  @Test
  void aZipWithTooManyFilesIsRefused() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (int i = 0; i < 65; i++) {
      files.put("file" + i + ".txt", utf8("x"));
    }
    ImportProblems problems = ExchangeFixtures.problems();
    reader.precheck(new Upload("many.zip", null, ExchangeFixtures.zip(files)), problems);

    assertThat(problems.errors())
        .extracting(ImportProblem::code)
        .containsExactly("zip-too-many-entries");
  }

  @Test
  void aZipThatExpandsBeyondTheLimitIsRefusedWhileInflating() {
    HsdsImportReader small =
        new HsdsImportReader(
            new HsdsSchemas(),
            new ExchangeProperties(DataSize.ofMegabytes(50), DataSize.ofMegabytes(1), 64, 500));
    byte[] zeros = new byte[5 * 1024 * 1024];
    byte[] bomb = ExchangeFixtures.zip(Map.of("services.csv", zeros));
    ImportProblems problems = ExchangeFixtures.problems();
    small.precheck(new Upload("bomb.zip", null, bomb), problems);

    assertThat(bomb.length).isLessThan(64 * 1024);
    assertThat(problems.errors()).extracting(ImportProblem::code).containsExactly("zip-too-large");
  }

  @Test
  void anUploadAboveTheLimitIsRefused() {
    HsdsImportReader small =
        new HsdsImportReader(
            new HsdsSchemas(),
            new ExchangeProperties(DataSize.ofBytes(10), DataSize.ofMegabytes(1), 64, 500));
    ImportProblems problems = ExchangeFixtures.problems();
    small.precheck(new Upload("big.json", null, utf8("[1,2,3,4,5,6,7,8,9,10]")), problems);
    assertThat(problems.errors()).extracting(ImportProblem::code).containsExactly("too-large");
  }

  @Test
  void theFormulaGuardOfAnExportIsRemovedFromTextCells() {
    String csv = "id,name,status\n" + UUID.randomUUID() + ",'=HYPERLINK(1),active\n";
    ImportProblems problems = ExchangeFixtures.problems();
    ImportBatch batch = read("services.csv", null, utf8(csv), problems);

    assertThat(problems.errors()).isEmpty();
    assertThat(batch.records().values().iterator().next().document().get("name").asString())
        .isEqualTo("=HYPERLINK(1)");
  }

  @Test
  void somethingElseIsNotAnImport() {
    ImportProblems problems = ExchangeFixtures.problems();
    reader.precheck(new Upload("notes.txt", "text/plain", utf8("hello")), problems);
    assertThat(problems.errors()).extracting(ImportProblem::code).containsExactly("unknown-format");
    assertThat(List.of(HsdsImportReader.detect(new Upload("x", null, new byte[0]))))
        .containsExactly(HsdsImportReader.Format.EMPTY);
  }
}
