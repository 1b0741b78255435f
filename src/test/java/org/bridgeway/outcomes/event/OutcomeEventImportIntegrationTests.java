package org.bridgeway.outcomes.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.outcomes.OutcomeRecordsChanged;
import org.bridgeway.supervision.person.PersonRecords;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.Principals;
import org.bridgeway.testing.SupervisionFixtures;
import org.bridgeway.testing.SupervisionFixtures.Supervised;
import org.bridgeway.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports of outcome events: people matched by id, agency number or name and birth date; a good
 * file written and a re-sent one unchanged; every kind of bad row reported by row and column with
 * nothing written; another agency's people unmatched.
 */
@IntegrationTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class OutcomeEventImportIntegrationTests {

  static final String URL = "/api/v1/outcomes/event-imports";
  static final String HEADER =
      "source_ref,person_id,agency_person_number,family_name,given_name,date_of_birth,kind,occurred_on,offense_category,housing_status,detail\n";

  @Autowired MockMvc mvc;
  @Autowired TestUsers testUsers;
  @Autowired SupervisionFixtures supervision;
  @Autowired PersonRecords personRecords;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  @Autowired ApplicationEvents published;

  OrganizationId agency;
  BridgewayPrincipal analyst;
  Supervised byId;
  Supervised byNumber;
  Supervised byName;
  LocalDate today;
  String run;

  @BeforeEach
  void setUp() {
    agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    analyst = Principals.user(agency, OrganizationKind.PROBATION_AGENCY, Role.ANALYST);
    byId = supervision.supervised(agency);
    byNumber = supervision.supervised(agency);
    byName = supervision.supervised(agency);
    today = LocalDate.now(clock);
    run = UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void aGoodFileIsWrittenAndSentAgainChangesNothing() throws Exception {
    String file = goodFile("Court record");
    JsonNode report = csv(file, analyst, 200);
    assertThat(report.get("written").asBoolean()).isTrue();
    assertThat(report.get("rows").asInt()).isEqualTo(3);
    assertThat(report.get("added").asInt()).isEqualTo(3);
    assertThat(report.get("unchanged").asInt()).isZero();
    assertThat(report.get("people").asInt()).isEqualTo(3);
    assertThat(events(byId.person())).containsExactly("CONVICTION:" + today.minusDays(20));
    assertThat(events(byNumber.person())).containsExactly("EMPLOYMENT_START:" + today.minusDays(5));
    assertThat(events(byName.person())).containsExactly("HOUSING_CHANGE:" + today.minusDays(2));
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM outcomes_person WHERE agency_id = ? AND source = 'PLATFORM'")
                .param(agency.value())
                .query(Integer.class)
                .single())
        .isEqualTo(3);
    assertThat(published.stream(OutcomeRecordsChanged.class))
        .anyMatch(
            changed ->
                changed.people().equals(Set.of(byId.person(), byNumber.person(), byName.person())));

    JsonNode again = csv(file, analyst, 200);
    assertThat(again.get("added").asInt()).isZero();
    assertThat(again.get("changed").asInt()).isZero();
    assertThat(again.get("unchanged").asInt()).isEqualTo(3);
    assertThat(events(byId.person())).hasSize(1);

    // A corrected row (same source_ref, new detail) changes the stored event in place.
    JsonNode corrected = csv(goodFile("Court record, amended"), analyst, 200);
    assertThat(corrected.get("changed").asInt()).isEqualTo(3);
    assertThat(
            jdbc.sql("SELECT DISTINCT detail FROM outcomes_event WHERE source_ref LIKE ?")
                .param(run + "-%")
                .query(String.class)
                .list())
        .containsExactly("Court record, amended");

    assertThat(
            jdbc.sql(
                    "SELECT details->>'added' || '/' || (details->>'unchanged') FROM audit_entry"
                        + " WHERE action = 'outcomes.events.import' AND organization_id = ?"
                        + " AND outcome = 'SUCCESS' ORDER BY seq")
                .param(agency.value())
                .query(String.class)
                .list())
        .containsExactly("3/0", "0/3", "0/0");
  }

  @Test
  void theSameRowsAsJsonAreImportedAlike() throws Exception {
    String json =
        """
        {"events":[{"source_ref":"%s-j1","person_id":"%s","kind":"REVOCATION","occurred_on":"%s"}]}
        """
            .formatted(run, byId.person(), today.minusDays(1));
    JsonNode report = call(json, MediaType.APPLICATION_JSON, analyst, 200);
    assertThat(report.get("added").asInt()).isEqualTo(1);
    assertThat(events(byId.person())).containsExactly("REVOCATION:" + today.minusDays(1));
    JsonNode bad =
        call(
            "{\"events\":[{\"source_ref\":\"%s-j2\",\"person_id\":\"%s\",\"kind\":\"ARREST\",\"occurred_on\":\"%s\"}]}"
                .formatted(run, byId.person(), today),
            MediaType.APPLICATION_JSON,
            analyst,
            400);
    assertThat(errors(bad.get("report"))).containsExactly("1:offense_category:Required");
  }

  @Test
  void everyBadRowIsReportedAndNothingIsWritten() throws Exception {
    OrganizationId otherAgency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    Supervised theirs = supervision.supervised(otherAgency);
    // An event the officer entered already: importing it again is a duplicate.
    jdbc.sql(
            "INSERT INTO outcomes_person (id, agency_id, source, updated_at) VALUES (?, ?,"
                + " 'PLATFORM', now()) ON CONFLICT (id) DO NOTHING")
        .params(byNumber.person(), agency.value())
        .update();
    jdbc.sql(
            "INSERT INTO outcomes_event (id, person_id, agency_id, kind, occurred_on, source,"
                + " recorded_at, recorded_by) VALUES (?, ?, ?, 'ABSCONDING', ?, 'ENTERED', now(),"
                + " 'test')")
        .params(UUID.randomUUID(), byNumber.person(), agency.value(), today.minusDays(9))
        .update();
    String file =
        HEADER
            // row 2: good
            + row("r2", byId.person(), "", "ARREST", today.minusDays(3), "DUI", "")
            // row 3: a person of another agency is unknown here
            + row("r3", theirs.person(), "", "ARREST", today.minusDays(3), "DUI", "")
            // row 4: no such person at all
            + row("r4", UUID.randomUUID(), "", "ARREST", today.minusDays(3), "DUI", "")
            // row 5: in the future
            + row("r5", byId.person(), "", "EMPLOYMENT_START", today.plusDays(1), "", "")
            // row 6: not a date
            + "%s-r6,%s,,,,,EMPLOYMENT_END,2026-13-01,,,\n".formatted(run, byId.person())
            // row 7: unknown kind
            + row("r7", byId.person(), "", "JAYWALKING", today.minusDays(1), "", "")
            // row 8: the source_ref of row 2 again
            + row("r2", byId.person(), "", "CHARGE", today.minusDays(3), "DUI", "")
            // row 9: the same event as row 2 under another source_ref
            + row("r9", byId.person(), "", "ARREST", today.minusDays(3), "DUI", "")
            // row 10: the event already stored
            + row("r10", byNumber.person(), "", "ABSCONDING", today.minusDays(9), "", "")
            // row 11: a conviction without offense
            + row("r11", byId.person(), "", "CONVICTION", today.minusDays(3), "", "")
            // row 12: before the person was born (fixture people are born in 1990 or later)
            + row("r12", byId.person(), "", "EDUCATION_MILESTONE", LocalDate.of(1980, 1, 1), "", "")
            // row 13: no person reference
            + "%s-r13,,,,,,ARREST,%s,DUI,,\n".formatted(run, today)
            // row 14: an agency number nobody has
            + "%s-r14,,NOPE-%s,,,,ARREST,%s,DUI,,\n".formatted(run, run, today)
            // row 15: name without birth date
            + "%s-r15,,,Smith,Ann,,ARREST,%s,DUI,,\n".formatted(run, today)
            // row 16: housing status on an arrest
            + row("r16", byId.person(), "", "ARREST", today.minusDays(4), "DUI", "STABLE");
    JsonNode problem = csv(file, analyst, 400);
    assertThat(problem.get("code").asString()).isEqualTo("outcomes.import.rejected");
    assertThat(errors(problem.get("report")))
        .containsExactlyInAnyOrder(
            "3:person_id:Unknown",
            "4:person_id:Unknown",
            "5:occurred_on:Future",
            "6:occurred_on:TypeMismatch",
            "7:kind:Unknown",
            "8:source_ref:Duplicate",
            "9:kind:Duplicate",
            "10:kind:Duplicate",
            "11:offense_category:Required",
            "12:occurred_on:BeforeBirth",
            "13:person_id:Required",
            "14:agency_person_number:Unknown",
            "15:date_of_birth:Required",
            "16:housing_status:NotAllowed");
    assertThat(events(byId.person())).isEmpty();
    assertThat(events(byNumber.person())).hasSize(1);
    // (The people themselves may be in the read model already: the platform copy adds them when
    // their case opens. A rejected import must not leave events, which the two lines above check.)
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_entry WHERE action = 'outcomes.events.import'"
                        + " AND organization_id = ? AND outcome = 'FAILURE'")
                .param(agency.value())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aNameSharedByTwoPeopleIsAmbiguous() throws Exception {
    LocalDate born = LocalDate.of(1985, 3, 14);
    String family = "Twin" + run;
    for (int i = 0; i < 2; i++) {
      personRecords.enter(
          SupervisionFixtures.administratorOf(agency),
          supervision.details("Alex", family, born),
          true);
    }
    JsonNode problem =
        csv(
            HEADER
                + "%s-a1,,,%s,alex,%s,ARREST,%s,DUI,,\n"
                    .formatted(run, family.toUpperCase(), born, today),
            analyst,
            400);
    assertThat(errors(problem.get("report"))).containsExactly("2:family_name:Ambiguous");
  }

  @Test
  void unreadableFilesAreRefusedWholeAndOnlyAgenciesImport() throws Exception {
    JsonNode notText = call(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 65}, "text/csv", analyst, 400);
    assertThat(errors(notText.get("report"))).containsExactly("0:null:NotText");
    JsonNode missing = csv("source_ref,person_id,kind,colour\n", analyst, 400);
    assertThat(errors(missing.get("report")))
        .containsExactlyInAnyOrder("1:colour:Unknown", "1:occurred_on:Required");
    StringBuilder huge = new StringBuilder(HEADER);
    for (int i = 0; i <= OutcomeEventImports.MAX_ROWS; i++) {
      huge.append("x\n");
    }
    JsonNode tooMany = csv(huge.toString(), analyst, 413);
    assertThat(errors(tooMany.get("report"))).containsExactly("0:null:TooManyRows");
    // A funder's analyst has no people to import events for.
    OrganizationId funder = testUsers.organization(OrganizationKind.FUNDER);
    csv(goodFile("x"), Principals.user(funder, OrganizationKind.FUNDER, Role.ANALYST), 403);
    // Officers enter events one by one; imports are for analysts and supervisors.
    csv(
        goodFile("x"),
        Principals.user(agency, OrganizationKind.PROBATION_AGENCY, Role.OFFICER),
        403);
    assertThat(events(byId.person())).isEmpty();
  }

  private String goodFile(String detail) {
    String number =
        jdbc.sql(
                "SELECT value FROM supervision_person_identifier WHERE person_id = ? AND kind ="
                    + " 'AGENCY_ID'")
            .param(byNumber.person())
            .query(String.class)
            .single();
    var name =
        jdbc.sql(
                "SELECT family_name || ',' || given_name || ',' || date_of_birth FROM"
                    + " supervision_person WHERE id = ?")
            .param(byName.person())
            .query(String.class)
            .single();
    return HEADER
        + "%s-1,%s,,,,,CONVICTION,%s,PROPERTY,,%s\n"
            .formatted(run, byId.person(), today.minusDays(20), '"' + detail + '"')
        + "%s-2,,%s,,,,EMPLOYMENT_START,%s,,,%s\n"
            .formatted(run, number.toLowerCase(), today.minusDays(5), '"' + detail + '"')
        + "%s-3,,,%s,HOUSING_CHANGE,%s,,STABLE,%s\n"
            .formatted(run, name, today.minusDays(2), '"' + detail + '"');
  }

  private String row(
      String ref,
      UUID person,
      String number,
      String kind,
      LocalDate on,
      String offense,
      String housing) {
    return "%s-%s,%s,%s,,,,%s,%s,%s,%s,\n"
        .formatted(run, ref, person, number, kind, on, offense, housing);
  }

  private List<String> events(UUID person) {
    return jdbc.sql(
            "SELECT kind || ':' || occurred_on FROM outcomes_event WHERE person_id = ? ORDER BY 1")
        .param(person)
        .query(String.class)
        .list();
  }

  private static List<String> errors(JsonNode report) {
    List<String> errors = new ArrayList<>();
    report
        .get("errors")
        .forEach(
            e ->
                errors.add(
                    e.get("row").asInt()
                        + ":"
                        + (e.get("column") == null || e.get("column").isNull()
                            ? "null"
                            : e.get("column").asString())
                        + ":"
                        + e.get("code").asString()));
    return errors;
  }

  private JsonNode csv(String file, BridgewayPrincipal who, int expected) throws Exception {
    return call(file.getBytes(StandardCharsets.UTF_8), "text/csv", who, expected);
  }

  private JsonNode call(String body, MediaType type, BridgewayPrincipal who, int expected)
      throws Exception {
    return call(body.getBytes(StandardCharsets.UTF_8), type.toString(), who, expected);
  }

  private JsonNode call(byte[] body, String type, BridgewayPrincipal who, int expected)
      throws Exception {
    String answer =
        mvc.perform(
                post(URL)
                    .contentType(type)
                    .content(body)
                    .with(authentication(Principals.authenticationOf(who))))
            .andExpect(status().is(expected))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return answer.isEmpty() ? null : JsonMapper.shared().readTree(answer);
  }
}
