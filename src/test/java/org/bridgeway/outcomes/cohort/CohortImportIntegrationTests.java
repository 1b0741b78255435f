package org.bridgeway.outcomes.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.outcomes.OutcomeRecordsChanged;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.Principals;
import org.bridgeway.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Historical cohort imports: a ZIP of four files is queued, run (tests run no scheduler, so the
 * test runs the job) and written with its counts; sent again it changes nothing; a corrected row
 * changes in place; every bad row of every file is reported by file, row and column and nothing is
 * written; another agency's import does not exist.
 */
@IntegrationTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class CohortImportIntegrationTests {

  static final String URL = "/api/v1/outcomes/cohort-imports";

  @Autowired MockMvc mvc;
  @Autowired TestUsers testUsers;
  @Autowired CohortRunner runner;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  @Autowired ApplicationEvents published;

  OrganizationId agency;
  BridgewayPrincipal analyst;
  LocalDate today;

  @BeforeEach
  void setUp() {
    agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    analyst = Principals.user(agency, OrganizationKind.PROBATION_AGENCY, Role.SUPERVISOR);
    today = LocalDate.now(clock);
  }

  Map<String, String> goodCohort(String detail) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(
        "people.csv",
        """
        person_ref,birth_date,gender,race,ethnicity,area
        P-1,1980-05-01,MALE,WHITE,NOT_HISPANIC_OR_LATINO,Northside
        P-2,1992-11-30,FEMALE,BLACK_OR_AFRICAN_AMERICAN,,Eastgate
        P-3,,,,,
        """);
    files.put(
        "spells.csv",
        """
        spell_ref,person_ref,kind,start_date,end_date,end_reason,supervision_type,supervision_level,risk_level,instrument_code,risk_score
        S-1,P-1,SUPERVISION_START,2018-01-10,2020-01-10,COMPLETED,PROBATION,MODERATE,MODERATE,ORAS,18.5
        S-2,P-2,RELEASE,2019-06-01,,,PAROLE,HIGH,HIGH,ORAS,27
        """);
    files.put(
        "events.csv",
        """
        source_ref,person_ref,kind,occurred_on,offense_category,housing_status,detail
        E-1,P-1,ARREST,2019-03-04,PROPERTY,,"%s"
        E-2,P-2,EMPLOYMENT_START,2019-09-01,,,"%s"
        E-3,P-2,HOUSING_CHANGE,2019-07-15,,STABLE,
        """
            .formatted(detail, detail));
    files.put(
        "participation.csv",
        """
        person_ref,program_id,program_name,referred_on,accepted_on,first_session_on,sessions_scheduled,sessions_attended,ended_on,completion
        P-1,PRG-7,Thinking for a Change,2018-02-01,2018-02-05,2018-02-12,24,20,2018-06-30,COMPLETED
        P-2,PRG-9,Reentry housing,2019-06-10,,,0,0,,
        """);
    return files;
  }

  @Test
  void aCohortIsWrittenOnceAndSentAgainChangesNothing() throws Exception {
    JsonNode done = importAndRun(zip(goodCohort("Police record")));
    assertThat(done.get("status").asString()).isEqualTo("SUCCEEDED");
    JsonNode files = done.get("report").get("files");
    assertThat(counts(files.get("people.csv"))).isEqualTo("3/3/0/0");
    assertThat(counts(files.get("spells.csv"))).isEqualTo("2/2/0/0");
    assertThat(counts(files.get("events.csv"))).isEqualTo("3/3/0/0");
    assertThat(counts(files.get("participation.csv"))).isEqualTo("2/2/0/0");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM outcomes_person WHERE agency_id = ? AND source ="
                        + " 'IMPORTED'")
                .param(agency.value())
                .query(Integer.class)
                .single())
        .isEqualTo(3);
    assertThat(
            jdbc.sql(
                    "SELECT s.risk_score || '/' || s.risk_level || '/' || s.end_reason FROM"
                        + " outcomes_spell s JOIN outcomes_person p ON p.id = s.person_id WHERE"
                        + " p.agency_id = ? AND p.external_ref = 'P-1'")
                .param(agency.value())
                .query(String.class)
                .single())
        .isEqualTo("18.50/MODERATE/COMPLETED");
    assertThat(
            jdbc.sql(
                    "SELECT e.kind || '/' || e.offense_category FROM outcomes_event e JOIN"
                        + " outcomes_person p ON p.id = e.person_id WHERE p.agency_id = ? AND"
                        + " p.external_ref = 'P-1'")
                .param(agency.value())
                .query(String.class)
                .single())
        .isEqualTo("ARREST/PROPERTY");
    assertThat(published.stream(OutcomeRecordsChanged.class))
        .anyMatch(changed -> changed.agency().equals(agency.value()) && changed.wholeAgency());

    JsonNode again = importAndRun(zip(goodCohort("Police record")));
    assertThat(again.get("status").asString()).isEqualTo("SUCCEEDED");
    assertThat(counts(again.get("report").get("files").get("people.csv"))).isEqualTo("3/0/0/3");
    assertThat(counts(again.get("report").get("files").get("events.csv"))).isEqualTo("3/0/0/3");
    assertThat(counts(again.get("report").get("files").get("participation.csv")))
        .isEqualTo("2/0/0/2");

    JsonNode corrected = importAndRun(zip(goodCohort("Police record, amended")));
    assertThat(counts(corrected.get("report").get("files").get("events.csv"))).isEqualTo("3/0/2/1");
    assertThat(
            jdbc.sql("SELECT count(*) FROM outcomes_event WHERE agency_id = ?")
                .param(agency.value())
                .query(Integer.class)
                .single())
        .isEqualTo(3);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_entry WHERE action = 'outcomes.cohort.import' AND"
                        + " organization_id = ? AND outcome = 'SUCCESS'")
                .param(agency.value())
                .query(Integer.class)
                .single())
        .isEqualTo(3);
  }

  @Test
  void everyBadRowOfEveryFileIsReportedAndNothingIsWritten() throws Exception {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(
        "people.csv",
        """
        person_ref,birth_date,gender,race,ethnicity,area
        P-1,1980-05-01,MALE,WHITE,,North
        P-1,1981-01-01,,,,
        P-2,%s,ROBOT,,,
        """
            .formatted(today.plusDays(1)));
    files.put(
        "spells.csv",
        """
        spell_ref,person_ref,kind,start_date,end_date,end_reason,supervision_type,supervision_level,risk_level,instrument_code,risk_score
        S-1,P-1,SUPERVISION_START,2018-01-10,2017-01-10,,,,,,
        S-2,P-9,RELEASE,2019-06-01,,,,,,,
        S-3,P-1,RELEASE,1970-06-01,,,,,EXTREME,,abc
        """);
    files.put(
        "events.csv",
        """
        source_ref,person_ref,kind,occurred_on,offense_category,housing_status,detail
        E-1,P-1,ARREST,2019-03-04,,,
        E-2,P-1,EMPLOYMENT_START,%s,,,
        E-2,P-1,EMPLOYMENT_END,2019-02-01,,,
        E-4,P-1,LOTTERY_WIN,2019-02-01,,,
        """
            .formatted(today.plusDays(3)));
    files.put(
        "participation.csv",
        """
        person_ref,program_id,program_name,referred_on,accepted_on,first_session_on,sessions_scheduled,sessions_attended,ended_on,completion
        P-1,PRG-7,Thinking,2018-02-01,2018-01-05,,4,6,2018-06-30,
        """);
    JsonNode done = importAndRun(zip(files));
    assertThat(done.get("status").asString()).isEqualTo("REJECTED");
    assertThat(errors(done.get("report")))
        .containsExactlyInAnyOrder(
            "people.csv:3:person_ref:Duplicate",
            "people.csv:4:birth_date:Future",
            "people.csv:4:gender:Unknown",
            "spells.csv:2:end_date:BeforeStart",
            "spells.csv:3:person_ref:Unknown",
            "spells.csv:4:start_date:BeforeBirth",
            "spells.csv:4:risk_level:Unknown",
            "spells.csv:4:risk_score:TypeMismatch",
            "events.csv:2:offense_category:Required",
            "events.csv:3:occurred_on:Future",
            "events.csv:4:source_ref:Duplicate",
            "events.csv:5:kind:Unknown",
            "participation.csv:2:accepted_on:BeforeReferral",
            "participation.csv:2:sessions_attended:TooMany",
            "participation.csv:2:completion:Required");
    assertThat(
            jdbc.sql("SELECT count(*) FROM outcomes_person WHERE agency_id = ?")
                .param(agency.value())
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void anEventAlreadyStoredUnderAnotherReferenceRejectsTheWholeCohort() throws Exception {
    importAndRun(zip(goodCohort("x")));
    Map<String, String> files = goodCohort("x");
    files.put(
        "events.csv",
        """
        source_ref,person_ref,kind,occurred_on,offense_category,housing_status,detail
        E-1,P-1,ARREST,2019-03-04,PROPERTY,,x
        E-99,P-2,EMPLOYMENT_START,2019-09-01,,,other reference
        """);
    files.put(
        "people.csv",
        """
        person_ref,birth_date,gender,race,ethnicity,area
        P-1,1980-05-01,MALE,WHITE,NOT_HISPANIC_OR_LATINO,Southside
        P-2,1992-11-30,FEMALE,BLACK_OR_AFRICAN_AMERICAN,,Eastgate
        """);
    JsonNode done = importAndRun(zip(files));
    assertThat(done.get("status").asString()).isEqualTo("REJECTED");
    assertThat(errors(done.get("report"))).containsExactly("events.csv:3:kind:Duplicate");
    // The people file's change was undone with everything else.
    assertThat(
            jdbc.sql(
                    "SELECT area FROM outcomes_person WHERE agency_id = ? AND external_ref = 'P-1'")
                .param(agency.value())
                .query(String.class)
                .single())
        .isEqualTo("Northside");
  }

  @Test
  void whatIsNotACohortIsRefusedAtOnceAndOtherAgenciesImportsDoNotExist() throws Exception {
    JsonNode notZip = submit("hello".getBytes(StandardCharsets.UTF_8), analyst, 400);
    assertThat(errors(notZip.get("report"))).containsExactly("null:0:null:NotZip");
    Map<String, String> noPeople = new LinkedHashMap<>();
    noPeople.put("events.csv", "source_ref,person_ref,kind,occurred_on\n");
    noPeople.put("notes.txt", "hello");
    JsonNode missing = submit(zip(noPeople), analyst, 400);
    assertThat(errors(missing.get("report")))
        .containsExactlyInAnyOrder("notes.txt:0:null:UnknownFile", "people.csv:0:null:Required");

    JsonNode queued = submit(zip(goodCohort("x")), analyst, 202);
    String id = queued.get("id").asString();
    OrganizationId otherAgency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    call(
        get(URL + "/" + id),
        Principals.user(otherAgency, OrganizationKind.PROBATION_AGENCY, Role.ANALYST),
        404);
    OrganizationId funder = testUsers.organization(OrganizationKind.FUNDER);
    submit(
        zip(goodCohort("x")), Principals.user(funder, OrganizationKind.FUNDER, Role.ANALYST), 403);
  }

  @Test
  void aLargerCohortIsWrittenThroughCopyInSeconds() throws Exception {
    // 2,000 people with 10 events each: enough rows to go through COPY and the set-based upserts
    // the way a county's 50,000 people do, in a test's time.
    StringBuilder people = new StringBuilder("person_ref,birth_date,gender\n");
    StringBuilder events =
        new StringBuilder("source_ref,person_ref,kind,occurred_on,offense_category\n");
    for (int p = 0; p < 2_000; p++) {
      people.append("L-").append(p).append(",1985-01-01,FEMALE\n");
      for (int e = 0; e < 10; e++) {
        events
            .append("LE-")
            .append(p)
            .append('-')
            .append(e)
            .append(",L-")
            .append(p)
            .append(",ARREST,")
            .append(LocalDate.of(2015, 1, 1).plusDays(e * 30L))
            .append(",FRAUD\n");
      }
    }
    Map<String, String> files = new LinkedHashMap<>();
    files.put("people.csv", people.toString());
    files.put("events.csv", events.toString());
    Instant start = Instant.now();
    JsonNode done = importAndRun(zip(files));
    Duration took = Duration.between(start, Instant.now());
    assertThat(done.get("status").asString()).isEqualTo("SUCCEEDED");
    assertThat(counts(done.get("report").get("files").get("events.csv")))
        .isEqualTo("20000/20000/0/0");
    assertThat(took).isLessThan(Duration.ofSeconds(60));
  }

  private JsonNode importAndRun(byte[] zip) throws Exception {
    JsonNode queued = submit(zip, analyst, 202);
    UUID id = UUID.fromString(queued.get("id").asString());
    runner.run(id);
    return call(get(URL + "/" + id), analyst, 200);
  }

  private static String counts(JsonNode file) {
    return file.get("rows").asInt()
        + "/"
        + file.get("added").asInt()
        + "/"
        + file.get("changed").asInt()
        + "/"
        + file.get("unchanged").asInt();
  }

  private static List<String> errors(JsonNode report) {
    List<String> errors = new ArrayList<>();
    report
        .get("errors")
        .forEach(
            e ->
                errors.add(
                    text(e.get("file"))
                        + ":"
                        + e.get("row").asInt()
                        + ":"
                        + text(e.get("column"))
                        + ":"
                        + e.get("code").asString()));
    return errors;
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? "null" : node.asString();
  }

  static byte[] zip(Map<String, String> files) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (var file : files.entrySet()) {
        out.putNextEntry(new ZipEntry("cohort/" + file.getKey()));
        out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private JsonNode submit(byte[] zip, BridgewayPrincipal who, int expected) throws Exception {
    return call(post(URL).contentType("application/zip").content(zip), who, expected);
  }

  private JsonNode call(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
      BridgewayPrincipal who,
      int expected)
      throws Exception {
    String answer =
        mvc.perform(request.with(authentication(Principals.authenticationOf(who))))
            .andExpect(status().is(expected))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return answer.isEmpty() ? null : JsonMapper.shared().readTree(answer);
  }
}
