package org.bridgeway.supervision.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.Principals;
import org.bridgeway.testing.SupervisionFixtures;
import org.bridgeway.testing.TestUsers;
import org.bridgeway.testing.TestUsers.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CSV import of people and cases over the API, on the embedded database: an upload answers 202
 * with its job, which the test runs (the scheduler does not run in tests); a file is written whole
 * or not at all, every error is reported by row and column, importing a file again changes nothing,
 * and hostile or oversized files are refused at once with a 4xx and nothing stored.
 */
@IntegrationTest
@AutoConfigureMockMvc
class PeopleImportIntegrationTests {

  static final String IMPORTS = "/api/v1/supervision/imports";
  static final String HEADER =
      "agency_id,state_id,given_name,middle_name,family_name,date_of_birth,gender,language,phone,"
          + "email,address_line1,address_line2,city,state,postal_code,supervision_type,court,"
          + "docket_number,offense_category,offense_description,start_date,expected_end_date,"
          + "level,officer_email\n";

  @Autowired MockMvc mvc;
  @Autowired TestUsers testUsers;
  @Autowired SupervisionFixtures fixtures;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  @Autowired PeopleImportRunner runner;

  OrganizationId agency;
  BridgewayPrincipal admin;
  TestUser officer;
  String tag;
  LocalDate today;

  @BeforeEach
  void setUp() {
    agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    admin = SupervisionFixtures.administratorOf(agency);
    officer = testUsers.withoutSecondFactor(agency, Role.OFFICER);
    tag = Long.toHexString(UUID.randomUUID().getMostSignificantBits()).substring(0, 8);
    today = LocalDate.now(clock);
  }

  /** A row of the export; the names carry the test's tag so that they match nobody else. */
  private String row(String agencyId, String given, String family, String birth, String docket) {
    return String.join(
            ",",
            agencyId,
            "",
            given + tag,
            "",
            family + tag,
            birth,
            "female",
            "es",
            "555-010-2000",
            "",
            "12 Elm St",
            "",
            "Riverside",
            "CA",
            "92501",
            "PROBATION",
            "Riverside Superior Court",
            docket,
            "PROPERTY",
            "Theft",
            today.minusMonths(2).toString(),
            today.plusYears(1).toString(),
            "MODERATE",
            officer.email())
        + "\n";
  }

  @Test
  void importsPeopleAndTheirCasesAndAgainChangesNothing() throws Exception {
    String file =
        HEADER
            + row("A-" + tag + "-1", "Rosa", "Quintero", "1985-03-02", "CR-1")
            + row("A-" + tag + "-1", "Rosa", "Quintero", "1985-03-02", "CR-2")
            + row("A-" + tag + "-2", "Tomas", "Ibarra", "1979-11-20", "CR-3");

    JsonNode firstJob = imported(file, admin);
    assertThat(firstJob.get("status").asString()).isEqualTo("SUCCEEDED");
    assertThat(firstJob.get("rowsValidated").asInt()).isEqualTo(3);
    assertThat(firstJob.get("rowsWritten").asInt()).isEqualTo(3);
    assertThat(firstJob.get("errorReport").isNull()).isTrue();
    JsonNode first = firstJob.get("report");
    assertThat(first.get("written").asBoolean()).isTrue();
    assertThat(first.get("rows").asInt()).isEqualTo(3);
    assertThat(first.get("peopleCreated").asInt()).isEqualTo(2);
    assertThat(first.get("casesCreated").asInt()).isEqualTo(3);
    assertThat(peopleOfAgency()).isEqualTo(2);
    assertThat(casesOfAgency()).isEqualTo(3);
    UUID rosa = personWithAgencyId("A-" + tag + "-1");
    assertThat(
            jdbc.sql("SELECT count(*) FROM supervision_case WHERE person_id = ? AND officer_id = ?")
                .params(rosa, officer.id().value())
                .query(Long.class)
                .single())
        .isEqualTo(2);

    JsonNode again = imported(file, admin).get("report");
    assertThat(again.get("peopleCreated").asInt()).isZero();
    assertThat(again.get("peopleUpdated").asInt()).isZero();
    assertThat(again.get("peopleUnchanged").asInt()).isEqualTo(2);
    assertThat(again.get("casesCreated").asInt()).isZero();
    assertThat(again.get("casesUnchanged").asInt()).isEqualTo(3);
    assertThat(peopleOfAgency()).isEqualTo(2);
    assertThat(casesOfAgency()).isEqualTo(3);

    String moved =
        HEADER
            + row("A-" + tag + "-1", "Rosa", "Quintero", "1985-03-02", "CR-1")
                .replace("12 Elm St", "40 Oak Ave")
            + row("A-" + tag + "-2", "Tomas", "Ibarra", "1979-11-20", "CR-4");
    JsonNode third = imported(moved, admin).get("report");
    assertThat(third.get("peopleUpdated").asInt()).isEqualTo(1);
    assertThat(third.get("peopleUnchanged").asInt()).isEqualTo(1);
    assertThat(third.get("casesCreated").asInt()).isEqualTo(1);
    assertThat(third.get("casesUnchanged").asInt()).isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "SELECT line1 || ':' || (valid_to IS NULL) FROM supervision_person_address"
                        + " WHERE person_id = ? ORDER BY position")
                .param(rosa)
                .query(String.class)
                .list())
        .as("the new address is current, the old one kept as history")
        .containsExactly("12 Elm St:false", "40 Oak Ave:true");

    List<String> audited =
        jdbc.sql(
                "SELECT outcome || ' ' || details::text FROM audit_entry WHERE organization_id = ?"
                    + " AND action = 'supervision.import' ORDER BY seq")
            .param(agency.value())
            .query(String.class)
            .list();
    assertThat(audited).hasSize(3);
    assertThat(audited.getFirst()).startsWith("SUCCESS").contains("\"peopleCreated\": \"2\"");
    assertThat(String.join(" ", audited)).doesNotContain(tag);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_entry WHERE organization_id = ? AND action ="
                        + " 'supervision.import' AND record_type = 'supervision_import_job'"
                        + " AND record_id = ? AND actor_ref = ?")
                .params(
                    agency.value(),
                    UUID.fromString(firstJob.get("id").asString()),
                    admin.reference())
                .query(Long.class)
                .single())
        .as("the outcome names the job and the uploader, though no request is around it")
        .isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_entry WHERE organization_id = ?"
                        + " AND action = 'supervision.import.upload' AND outcome = 'SUCCESS'")
                .param(agency.value())
                .query(Long.class)
                .single())
        .isEqualTo(3);
  }

  @Test
  void everyBadCellIsReportedByRowAndColumnAndNothingIsWritten() throws Exception {
    String good = row("A-" + tag + "-1", "Rosa", "Quintero", "1985-03-02", "CR-1");
    String file =
        HEADER
            + good
            // row 3: the same person with another birth date
            + row("A-" + tag + "-1", "Rosa", "Quintero", "1985-03-03", "CR-2")
            // row 4: born in the future, an unknown gender
            + row("A-" + tag + "-2", "Tomas", "Ibarra", today.plusDays(1).toString(), "CR-3")
                .replace(",female,", ",robot,")
            // row 5: a case that ends before it starts, an officer of nowhere
            + row("A-" + tag + "-3", "Lena", "Ostrova", "1990-01-01", "CR-4")
                .replace(today.plusYears(1).toString(), today.minusYears(1).toString())
                .replace(officer.email(), "nobody-" + tag + "@example.org")
            // row 6: no family name, not a date, an unknown level
            + row("A-" + tag + "-4", "Omar", "Blank", "01/02/1990", "CR-5")
                .replace(",MODERATE,", ",MEDIUM,")
                .replace("Blank" + tag, "  ")
            // row 7: the same case of the same person as row 2
            + good
            // row 8: too few cells
            + "A-"
            + tag
            + "-9,,Only,Three\n";

    JsonNode job = imported(file, admin);
    assertThat(job.get("status").asString()).isEqualTo("REJECTED");
    assertThat(job.get("rowsValidated").asInt()).isEqualTo(7);
    assertThat(job.get("rowsWritten").asInt()).isZero();
    JsonNode problem = job.get("report");
    assertThat(problem.get("written").asBoolean()).isFalse();
    assertThat(errors(problem))
        .contains(
            "3 date_of_birth PersonDiffers",
            "4 date_of_birth PastOrPresent",
            "4 gender UnknownCode",
            "5 expected_end_date EndBeforeStart",
            "5 officer_email UnknownOfficer",
            "6 family_name Required",
            "6 date_of_birth InvalidDate",
            "6 level UnknownCode",
            "7 docket_number Duplicate",
            "8 null ColumnCount");
    assertThat(problem.get("errorCount").asInt()).isEqualTo(10);
    assertThat(peopleOfAgency()).isZero();
    assertThat(casesOfAgency()).isZero();
    assertThat(
            jdbc.sql(
                    "SELECT details->>'errors' FROM audit_entry WHERE organization_id = ?"
                        + " AND action = 'supervision.import' AND outcome = 'FAILURE'")
                .param(agency.value())
                .query(String.class)
                .single())
        .isEqualTo("10");
    MvcResult report =
        mvc.perform(
                get(job.get("errorReport").asString())
                    .with(authentication(Principals.authenticationOf(admin))))
            .andExpect(status().isOk())
            .andReturn();
    assertThat(report.getResponse().getContentAsString(StandardCharsets.UTF_8).lines())
        .hasSize(11)
        .contains(
            "5,officer_email,UnknownOfficer,is not an active officer or supervisor of the agency");
  }

  @Test
  void aFileIsCheckedAgainstTheAgencysRecords() throws Exception {
    SupervisionFixtures.Supervised existing = fixtures.supervised(agency);
    var stored =
        jdbc.sql(
                "SELECT given_name, family_name, date_of_birth FROM supervision_person WHERE id = ?")
            .param(existing.person())
            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
            .single();
    jdbc.sql(
            "INSERT INTO supervision_person_identifier"
                + " (person_id, position, organization_id, kind, value, value_key)"
                + " VALUES (?, 5, ?, 'STATE_ID', ?, ?)")
        .params(existing.person(), agency.value(), "SID" + tag, ("SID" + tag).toUpperCase())
        .update();
    OrganizationId elsewhere = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    TestUser foreignOfficer = testUsers.withoutSecondFactor(elsewhere, Role.OFFICER);
    String file =
        HEADER
            // row 2: someone else with the state id of the existing person
            + row("A-" + tag + "-1", "Rosa", "Quintero", "1985-03-02", "CR-1")
                .replaceFirst(",,", ",SID" + tag + ",")
            // row 3: the existing person under a new agency id: a likely duplicate
            + String.join(
                ",",
                "A-" + tag + "-2",
                "",
                stored[0],
                "",
                stored[1],
                stored[2],
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "")
            + "\n"
            // row 4: an officer of another agency
            + row("A-" + tag + "-3", "Lena", "Ostrova", "1990-01-01", "CR-4")
                .replace(officer.email(), foreignOfficer.email());

    JsonNode problem = imported(file, admin).get("report");
    assertThat(errors(problem))
        .containsExactlyInAnyOrder(
            "2 state_id Duplicate",
            "3 agency_id LikelyDuplicate",
            "4 officer_email UnknownOfficer");
    assertThat(peopleOfAgency()).isEqualTo(1);
  }

  @Test
  void hostileFilesAreRefusedWithAClearAnswerAndNothingWritten() throws Exception {
    byte[] latin1 =
        (HEADER + row("A-" + tag + "-1", "José", "Núñez", "1985-03-02", "CR-1"))
            .getBytes(StandardCharsets.ISO_8859_1);
    assertThat(errors(send(post(IMPORTS).contentType("text/csv").content(latin1), admin, 400)))
        .containsExactly("0 null Encoding");

    byte[] binary = {0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0x14, 0};
    assertThat(errors(send(post(IMPORTS).contentType("text/csv").content(binary), admin, 400)))
        .containsExactly("0 null Binary");

    assertThat(errors(csv("", admin, 400))).containsExactly("0 null Empty");
    assertThat(errors(csv(HEADER, admin, 400))).containsExactly("0 null Empty");

    String noHeader = row("A-" + tag + "-1", "Rosa", "Quintero", "1985-03-02", "CR-1");
    assertThat(errors(csv(noHeader, admin, 400))).contains("1 agency_id MissingColumn");

    String extraColumn =
        HEADER.replace("\n", ",=HYPERLINK(\"http://x\")\n")
            + row("A-" + tag + "-1", "Rosa", "Quintero", "1985-03-02", "CR-1")
                .replace("\n", ",x\n");
    assertThat(errors(csv(extraColumn, admin, 400)))
        .containsExactly("1 =HYPERLINK(\"http://x\") UnknownColumn");

    String unclosedQuote = HEADER + "\"A-1,Rosa\n";
    assertThat(errors(csv(unclosedQuote, admin, 400))).containsExactly("0 null Malformed");

    mvc.perform(
            post(IMPORTS)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}")
                .with(authentication(Principals.authenticationOf(admin))))
        .andExpect(status().isUnsupportedMediaType());
    mvc.perform(
            multipart(IMPORTS)
                .file(new MockMultipartFile("other", "people.csv", "text/csv", new byte[] {1}))
                .with(authentication(Principals.authenticationOf(admin))))
        .andExpect(status().isBadRequest());
    assertThat(peopleOfAgency()).isZero();
  }

  @Test
  void theErrorReportAsCsvCannotRunAFormulaInASpreadsheet() throws Exception {
    String file =
        HEADER.replace("\n", ",=cmd|'/c calc'!A1\n")
            + row("A-" + tag + "-1", "Rosa", "Quintero", "1985-03-02", "CR-1")
                .replace("\n", ",x\n");
    MvcResult result =
        mvc.perform(
                post(IMPORTS)
                    .contentType("text/csv")
                    .accept("text/csv")
                    .content(file)
                    .with(authentication(Principals.authenticationOf(admin))))
            .andExpect(status().isBadRequest())
            .andReturn();
    assertThat(result.getResponse().getContentType()).startsWith("text/csv");
    String report = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(report.lines().toList())
        .containsExactly(
            "row,column,code,message",
            "1,'=cmd|'/c calc'!A1,UnknownColumn,is not a column of the export: see the documented"
                + " columns");
  }

  @Test
  void aMultipartUploadWorksLikeACsvBody() throws Exception {
    String file = HEADER + row("A-" + tag + "-1", "Rosa", "Quintero", "1985-03-02", "CR-1");
    JsonNode accepted =
        send(
            multipart(IMPORTS)
                .file(
                    new MockMultipartFile(
                        "file",
                        "C:\\exports\\people.csv",
                        "text/csv",
                        file.getBytes(StandardCharsets.UTF_8))),
            admin,
            202);
    assertThat(accepted.get("fileName").asString()).isEqualTo("people.csv");
    JsonNode report = run(accepted, admin).get("report");
    assertThat(report.get("peopleCreated").asInt()).isEqualTo(1);
    assertThat(peopleOfAgency()).isEqualTo(1);
  }

  @Test
  void tooManyRowsAndTooLargeFilesAreRefusedAs413() throws Exception {
    StringBuilder many = new StringBuilder(HEADER.replace(",state,", ",state,"));
    many.setLength(0);
    many.append("agency_id,given_name,family_name,date_of_birth\n");
    for (int i = 0; i <= 100_000; i++) {
      many.append("A-").append(tag).append('-').append(i).append(",Ann,Lee").append(tag);
      many.append(",1980-01-01\n");
    }
    JsonNode rows = csv(many.toString(), admin, 413);
    assertThat(errors(rows)).containsExactly("100002 null TooManyRows");

    byte[] large = new byte[40 * 1024 * 1024 + 1];
    Arrays.fill(large, (byte) 'a');
    JsonNode size = send(post(IMPORTS).contentType("text/csv").content(large), admin, 413);
    assertThat(errors(size)).containsExactly("0 null TooLarge");
    assertThat(peopleOfAgency()).isZero();
    assertThat(jobsOfAgency()).as("a file refused at once is not stored").isZero();
  }

  @Test
  void onlyTheAgencysAdministratorsImport() throws Exception {
    String file = HEADER + row("A-" + tag + "-1", "Rosa", "Quintero", "1985-03-02", "CR-1");
    for (Role role : List.of(Role.OFFICER, Role.SUPERVISOR, Role.ANALYST)) {
      BridgewayPrincipal caller =
          BridgewayPrincipal.user(
              testUsers.withoutSecondFactor(agency, role).id(),
              agency,
              OrganizationKind.PROBATION_AGENCY,
              "Test agency",
              "Test",
              Set.of(role));
      send(post(IMPORTS).contentType("text/csv").content(file), caller, 403);
    }
    OrganizationId provider = testUsers.organization(OrganizationKind.TREATMENT_PROVIDER);
    send(
        post(IMPORTS).contentType("text/csv").content(file),
        Principals.apiClient(
            provider, OrganizationKind.TREATMENT_PROVIDER, Role.ORGANIZATION_ADMIN),
        403);
    assertThat(peopleOfAgency()).isZero();
  }

  /** Uploads a file (202), runs its job and answers the job as the API shows it then. */
  private JsonNode imported(String file, BridgewayPrincipal who) throws Exception {
    return run(csv(file, who, 202), who);
  }

  private JsonNode run(JsonNode accepted, BridgewayPrincipal who) throws Exception {
    assertThat(accepted.get("status").asString()).isEqualTo("QUEUED");
    UUID id = UUID.fromString(accepted.get("id").asString());
    runner.run(id);
    return send(get(IMPORTS + "/" + id), who, 200);
  }

  private long jobsOfAgency() {
    return jdbc.sql("SELECT count(*) FROM supervision_import_job WHERE organization_id = ?")
        .param(agency.value())
        .query(Long.class)
        .single();
  }

  private long peopleOfAgency() {
    return jdbc.sql("SELECT count(*) FROM supervision_person WHERE organization_id = ?")
        .param(agency.value())
        .query(Long.class)
        .single();
  }

  private long casesOfAgency() {
    return jdbc.sql("SELECT count(*) FROM supervision_case WHERE organization_id = ?")
        .param(agency.value())
        .query(Long.class)
        .single();
  }

  private UUID personWithAgencyId(String agencyId) {
    return jdbc.sql(
            "SELECT person_id FROM supervision_person_identifier WHERE organization_id = ? AND"
                + " kind = 'AGENCY_ID' AND value = ?")
        .params(agency.value(), agencyId)
        .query(UUID.class)
        .single();
  }

  private static List<String> errors(JsonNode problem) {
    List<String> errors = new ArrayList<>();
    for (JsonNode error : problem.get("errors")) {
      errors.add(
          error.get("row").asInt()
              + " "
              + (error.get("column").isNull() ? "null" : error.get("column").asString())
              + " "
              + error.get("code").asString());
    }
    return errors;
  }

  private JsonNode csv(String body, BridgewayPrincipal who, int expected) throws Exception {
    return send(
        post(IMPORTS).contentType("text/csv").content(body.getBytes(StandardCharsets.UTF_8)),
        who,
        expected);
  }

  private JsonNode send(
      AbstractMockHttpServletRequestBuilder<?> request, BridgewayPrincipal who, int expected)
      throws Exception {
    String body =
        mvc.perform(request.with(authentication(Principals.authenticationOf(who))))
            .andExpect(status().is(expected))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    return body.isEmpty() ? JsonMapper.shared().nullNode() : JsonMapper.shared().readTree(body);
  }
}
