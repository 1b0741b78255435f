package org.bridgeway.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.bridgeway.identity.UserId;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The supervision API on the embedded database, called as signed-in staff of an agency: who sees
 * which person, duplicate detection, optimistic locking, and bad input that writes nothing.
 */
@IntegrationTest
@AutoConfigureMockMvc
class SupervisionApiIntegrationTests {

  static final String PEOPLE = "/api/v1/supervision/people";
  static final String CASES = "/api/v1/supervision/cases/";

  @Autowired MockMvc mvc;
  @Autowired TestUsers testUsers;
  @Autowired SupervisionFixtures fixtures;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  OrganizationId agency;
  BridgewayPrincipal admin;
  BridgewayPrincipal officer;
  BridgewayPrincipal colleague;
  BridgewayPrincipal supervisor;

  @BeforeEach
  void setUp() {
    agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    admin =
        user(
            testUsers.withoutSecondFactor(agency, Role.ORGANIZATION_ADMIN).id(),
            Role.ORGANIZATION_ADMIN);
    officer = user(fixtures.officer(agency), Role.OFFICER);
    colleague = user(fixtures.officer(agency), Role.OFFICER);
    supervisor = user(testUsers.withoutSecondFactor(agency, Role.SUPERVISOR).id(), Role.SUPERVISOR);
  }

  @Test
  void anotherOrganizationsPersonAnswersLikeAMissingOne() throws Exception {
    OrganizationId otherAgency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    Supervised theirs = fixtures.supervised(otherAgency);
    BridgewayPrincipal networkAdmin =
        user(testUsers.withoutSecondFactor(agency, Role.NETWORK_ADMIN).id(), Role.NETWORK_ADMIN);
    for (BridgewayPrincipal caller : List.of(admin, networkAdmin, officer)) {
      JsonNode hidden = call(get(PEOPLE + "/" + theirs.person()), caller, 404);
      JsonNode missing = call(get(PEOPLE + "/" + UUID.randomUUID()), caller, 404);
      assertThat(hidden.get("detail")).isEqualTo(missing.get("detail"));
      call(get(CASES + theirs.supervisionCase()), caller, 404);
      call(
          put(PEOPLE + "/" + theirs.person())
              .content(person("Changed", "Name", "1980-01-01", ",\"version\":0")),
          caller,
          404);
      call(
          post(CASES + theirs.supervisionCase() + "/conditions")
              .content("{\"kind\":\"OTHER\",\"description\":\"x\"}"),
          caller,
          404);
    }
    assertThat(
            jdbc.sql("SELECT count(*) FROM audit_entry WHERE person_id = ? AND outcome = 'DENIED'")
                .param(theirs.person())
                .query(Long.class)
                .single())
        .as("another agency's audit trail never names the person")
        .isZero();
    JsonNode search = call(get(PEOPLE + "?q=Fixture"), networkAdmin, 200);
    for (JsonNode item : search.get("items")) {
      assertThat(item.get("id").asString()).isNotEqualTo(theirs.person().toString());
    }
  }

  @Test
  void officerSeesTheirCaseloadButNotAColleaguesAndSupervisorSeesTheTeams() throws Exception {
    Supervised mine = fixtures.supervised(agency, new UserId(officer.userId()));
    Supervised theirs = fixtures.supervised(agency, new UserId(colleague.userId()));

    call(get(PEOPLE + "/" + mine.person()), officer, 200);
    call(get(CASES + mine.supervisionCase()), officer, 200);
    call(get(PEOPLE + "/" + theirs.person()), officer, 404);
    call(get(CASES + theirs.supervisionCase()), officer, 404);
    assertThat(idsOf(call(get(PEOPLE), officer, 200))).containsExactly(mine.person());
    assertThat(idsOf(call(get(PEOPLE + "?q=%27%25_"), officer, 200))).isEmpty();
    assertThat(
            jdbc.sql(
                    "SELECT outcome FROM audit_entry WHERE person_id = ? AND action ="
                        + " 'supervision.person.read'")
                .param(theirs.person())
                .query(String.class)
                .list())
        .containsExactly("DENIED");

    // Before the officer is on the supervisor's team, the supervisor sees neither.
    call(get(PEOPLE + "/" + mine.person()), supervisor, 404);
    call(
        put("/api/v1/supervision/officers/" + officer.userId() + "/supervisor")
            .content("{\"supervisorId\":\"" + supervisor.userId() + "\"}"),
        admin,
        200);
    call(get(PEOPLE + "/" + mine.person()), supervisor, 200);
    call(get(PEOPLE + "/" + theirs.person()), supervisor, 404);
    assertThat(idsOf(call(get(PEOPLE), supervisor, 200))).containsExactly(mine.person());
    assertThat(idsOf(call(get(PEOPLE + "?size=200"), admin, 200)))
        .contains(mine.person(), theirs.person());

    // The supervisor moves the case to the colleague: the officer no longer sees the person.
    JsonNode moved =
        call(
            post(CASES + mine.supervisionCase() + "/transfer")
                .content(
                    "{\"officerId\":\"%s\",\"reason\":\"Balancing\",\"version\":%d}"
                        .formatted(admin.userId(), mine.caseVersion())),
            supervisor,
            400);
    assertThat(fieldsOf(moved)).containsExactly("officerId");
    call(
        put("/api/v1/supervision/officers/" + colleague.userId() + "/supervisor")
            .content("{\"supervisorId\":\"" + supervisor.userId() + "\"}"),
        admin,
        200);
    JsonNode transferred =
        call(
            post(CASES + mine.supervisionCase() + "/transfer")
                .content(
                    "{\"officerId\":\"%s\",\"reason\":\"Balancing\",\"version\":%d}"
                        .formatted(colleague.userId(), mine.caseVersion())),
            supervisor,
            200);
    assertThat(transferred.get("officerId").asString()).isEqualTo(colleague.userId().toString());
    assertThat(transferred.get("assignments")).hasSize(2);
    call(get(PEOPLE + "/" + mine.person()), officer, 404);
    call(get(PEOPLE + "/" + mine.person()), colleague, 200);
  }

  @Test
  void readsAndChangesAreAuditedWithoutTheName() throws Exception {
    JsonNode created =
        call(
            post(PEOPLE)
                .content(person("Audra", "Quillfeather", "1979-05-05", ",\"createAnyway\":true")),
            officer,
            201);
    UUID id = UUID.fromString(created.get("id").asString());
    call(get(PEOPLE + "/" + id), officer, 200);
    List<String> actions =
        jdbc.sql("SELECT action FROM audit_entry WHERE person_id = ? ORDER BY seq")
            .param(id)
            .query(String.class)
            .list();
    assertThat(actions).containsExactly("supervision.person.create", "supervision.person.read");
    List<String> details =
        jdbc.sql("SELECT details::text FROM audit_entry WHERE person_id = ?")
            .param(id)
            .query(String.class)
            .list();
    assertThat(String.join(" ", details)).doesNotContain("Quillfeather", "Audra");
  }

  @Test
  void duplicateDetectionFindsANicknameAndATransposedName() throws Exception {
    JsonNode william =
        call(post(PEOPLE).content(person("William", "Okonkwo", "1984-02-29", "")), admin, 201);
    String williamId = william.get("id").asString();
    long before = peopleOfAgency();

    JsonNode bill =
        call(post(PEOPLE).content(person("Bill", "Okonkwo", "1984-02-29", "")), admin, 409);
    assertThat(bill.get("candidates").get(0).get("personId").asString()).isEqualTo(williamId);
    assertThat(reasonsOf(bill)).contains("NICKNAME", "DATE_OF_BIRTH");
    assertThat(bill.get("candidates").get(0).get("name").get("given").asString())
        .isEqualTo("William");

    JsonNode transposed =
        call(post(PEOPLE).content(person("Okonkwo", "William", "1984-02-29", "")), admin, 409);
    assertThat(transposed.get("candidates").get(0).get("personId").asString()).isEqualTo(williamId);
    assertThat(reasonsOf(transposed)).contains("TRANSPOSED_NAME");

    // An officer who does not see the candidate learns only that there is one.
    JsonNode hidden =
        call(post(PEOPLE).content(person("Bill", "Okonkwo", "1984-02-29", "")), officer, 409);
    assertThat(hidden.get("candidates").get(0).has("name")).isFalse();
    assertThat(peopleOfAgency()).isEqualTo(before);

    call(
        post(PEOPLE).content(person("Bill", "Okonkwo", "1984-02-29", ",\"createAnyway\":true")),
        admin,
        201);
    assertThat(peopleOfAgency()).isEqualTo(before + 1);
  }

  @Test
  void aStaleVersionAnswersConflict() throws Exception {
    Supervised supervised = fixtures.supervised(agency, new UserId(officer.userId()));
    String body =
        person("Renamed", "Person", "1990-01-01", ",\"version\":" + supervised.personVersion());
    JsonNode updated = call(put(PEOPLE + "/" + supervised.person()).content(body), officer, 200);
    assertThat(updated.get("version").asLong()).isGreaterThan(supervised.personVersion());
    JsonNode stale = call(put(PEOPLE + "/" + supervised.person()).content(body), officer, 409);
    assertThat(stale.get("detail").asString()).contains("Someone else changed this record");

    String close =
        "{\"reason\":\"SUCCESSFUL_COMPLETION\",\"closedOn\":\"%s\",\"version\":%d}"
            .formatted(LocalDate.now(clock), supervised.caseVersion());
    call(post(CASES + supervised.supervisionCase() + "/close").content(close), officer, 200);
    call(post(CASES + supervised.supervisionCase() + "/close").content(close), officer, 409);

    String condition =
        "{\"kind\":\"DRUG_TESTING\",\"description\":\"Tests\",\"status\":\"IN_COMPLIANCE\","
            + "\"version\":%d}";
    String path = CASES + supervised.supervisionCase() + "/conditions/" + supervised.condition();
    call(put(path).content(condition.formatted(supervised.conditionVersion())), officer, 200);
    call(put(path).content(condition.formatted(supervised.conditionVersion())), officer, 409);
  }

  @Test
  void aClosedCaseCannotBeTransferred() throws Exception {
    Supervised supervised = fixtures.supervised(agency);
    JsonNode closed =
        call(
            post(CASES + supervised.supervisionCase() + "/close")
                .content(
                    "{\"reason\":\"ABSCONDING\",\"closedOn\":\"%s\",\"version\":%d}"
                        .formatted(LocalDate.now(clock), supervised.caseVersion())),
            admin,
            200);
    JsonNode refused =
        call(
            post(CASES + supervised.supervisionCase() + "/transfer")
                .content(
                    "{\"officerId\":\"%s\",\"version\":%d}"
                        .formatted(officer.userId(), closed.get("version").asLong())),
            admin,
            422);
    assertThat(refused.get("code").asString()).isEqualTo("supervision.case.closed");
    JsonNode read = call(get(CASES + supervised.supervisionCase()), admin, 200);
    assertThat(read.get("officerId").asString()).isEqualTo(supervised.officer().toString());
  }

  @Test
  void badInputAnswers400NamingTheFieldAndWritesNothing() throws Exception {
    Supervised supervised = fixtures.supervised(agency, new UserId(officer.userId()));
    long people = peopleOfAgency();
    long cases = count("supervision_case");
    long notes = count("supervision_condition_note");
    long conditions = count("supervision_condition");
    LocalDate today = LocalDate.now(clock);

    assertField(
        post(PEOPLE)
            .content(
                person("Future", "Born", today.plusDays(1).toString(), ",\"createAnyway\":true")),
        "dateOfBirth");
    assertField(
        post(PEOPLE).content(person("Wrong", "Code", "1990-01-01", ",\"gender\":\"UNKNOWN_CODE\"")),
        "gender");
    assertField(
        post(PEOPLE)
            .content(
                person(
                    "Twice",
                    "Identified",
                    "1990-01-01",
                    ",\"createAnyway\":true,\"identifiers\":[{\"kind\":\"STATE_ID\",\"value\":\"S-1\"},"
                        + "{\"kind\":\"STATE_ID\",\"value\":\"s1\"}]")),
        "identifiers[1].value");
    String taken =
        jdbc.sql("SELECT value FROM supervision_person_identifier WHERE person_id = ? LIMIT 1")
            .param(supervised.person())
            .query(String.class)
            .single();
    assertField(
        post(PEOPLE)
            .content(
                person(
                    "Other",
                    "Holder",
                    "1970-07-07",
                    ",\"createAnyway\":true,\"identifiers\":[{\"kind\":\"AGENCY_ID\",\"value\":\""
                        + taken
                        + "\"}]")),
        "identifiers[0].value");
    assertField(
        post(PEOPLE)
            .content(
                person(
                        "No",
                        "Phone",
                        "1990-01-01",
                        ",\"createAnyway\":true,\"contact\":{\"method\":\"TEXT\"}")
                    .replace("\"contact\":{\"method\":\"NONE\"},", "")),
        "contact.phone");
    assertField(
        post(PEOPLE + "/" + supervised.person() + "/cases")
            .content(
                openCase(today.minusDays(1), today.minusDays(2), officer.userId(), "PROBATION")),
        "expectedEndDate");
    assertField(
        post(PEOPLE + "/" + supervised.person() + "/cases")
            .content(openCase(today, today.plusYears(1), officer.userId(), "HOUSE_ARREST")),
        "supervisionType");
    assertField(
        post(PEOPLE + "/" + supervised.person() + "/cases")
            .content(openCase(today, today.plusYears(1), colleague.userId(), "PROBATION")),
        "officerId");
    assertField(
        post(CASES
                + supervised.supervisionCase()
                + "/conditions/"
                + supervised.condition()
                + "/notes")
            .content("{\"notedOn\":\"%s\",\"text\":\"%s\"}".formatted(today, "n".repeat(4001))),
        "text");
    assertField(
        post(CASES
                + supervised.supervisionCase()
                + "/conditions/"
                + supervised.condition()
                + "/notes")
            .content("{\"notedOn\":\"%s\",\"text\":\"Later\"}".formatted(today.plusDays(2))),
        "notedOn");
    assertField(
        post(CASES + supervised.supervisionCase() + "/conditions")
            .content("{\"kind\":\"JUGGLING\",\"description\":\"x\"}"),
        "kind");
    assertField(
        post(CASES + supervised.supervisionCase() + "/close")
            .content(
                "{\"reason\":\"SUCCESSFUL_COMPLETION\",\"closedOn\":\"%s\",\"version\":%d}"
                    .formatted(today.plusDays(1), supervised.caseVersion())),
        "closedOn");

    assertThat(peopleOfAgency()).isEqualTo(people);
    assertThat(count("supervision_case")).isEqualTo(cases);
    assertThat(count("supervision_condition_note")).isEqualTo(notes);
    assertThat(count("supervision_condition")).isEqualTo(conditions);
    JsonNode read = call(get(CASES + supervised.supervisionCase()), officer, 200);
    assertThat(read.get("status").asString()).isEqualTo("OPEN");
  }

  @Test
  void anOfficerEntersAPersonAndOpensTheirOwnCase() throws Exception {
    JsonNode created =
        call(
            post(PEOPLE)
                .content(
                    person(
                        "Rosalind",
                        "Featherstonehaugh",
                        "1992-10-10",
                        ",\"createAnyway\":true,\"aliases\":[{\"family\":\"Fanshaw\"}],"
                            + "\"identifiers\":[{\"kind\":\"COURT_CASE_NUMBER\",\"value\":\"CR-"
                            + UUID.randomUUID().toString().substring(0, 8)
                            + "\"}],\"races\":[\"BLACK_OR_AFRICAN_AMERICAN\"],"
                            + "\"preferredLanguage\":\"es\",\"interpreterNeeded\":true,"
                            + "\"addresses\":[{\"line1\":\"1 Elm St\",\"city\":\"Riverside\","
                            + "\"state\":\"CA\",\"postalCode\":\"92501\","
                            + "\"validFrom\":\"2024-01-01\",\"validTo\":\"2025-01-01\"},"
                            + "{\"line1\":\"9 Oak Ave\",\"city\":\"Riverside\",\"state\":\"CA\","
                            + "\"postalCode\":\"92503\",\"validFrom\":\"2025-01-02\"}],"
                            + "\"emergencyContact\":{\"name\":\"Jo\",\"phone\":\"555-0101\"}")),
            officer,
            201);
    String id = created.get("id").asString();
    assertThat(created.get("currentAddress").get("line1").asString()).isEqualTo("9 Oak Ave");
    call(get(PEOPLE + "/" + id), officer, 200);
    call(get(PEOPLE + "/" + id), colleague, 404);
    LocalDate today = LocalDate.now(clock);
    JsonNode opened =
        call(
            post(PEOPLE + "/" + id + "/cases")
                .content(openCase(today, today.plusYears(1), officer.userId(), "PAROLE")),
            officer,
            201);
    assertThat(opened.get("offenses").get(0).get("category").asString()).isEqualTo("DUI");
    JsonNode read = call(get(PEOPLE + "/" + id), officer, 200);
    assertThat(read.get("cases")).hasSize(1);
    assertThat(read.get("aliases").get(0).get("family").asString()).isEqualTo("Fanshaw");
    assertThat(idsOf(call(get(PEOPLE + "?q=featherstone"), officer, 200)))
        .containsExactly(UUID.fromString(id));
    assertThat(idsOf(call(get(PEOPLE + "?q=Fanshaw"), officer, 200)))
        .containsExactly(UUID.fromString(id));
  }

  private void assertField(MockHttpServletRequestBuilder request, String field) throws Exception {
    JsonNode problem = call(request, officer, 400);
    assertThat(fieldsOf(problem)).as(problem.toString()).contains(field);
  }

  private static List<String> fieldsOf(JsonNode problem) {
    List<String> fields = new ArrayList<>();
    problem.get("errors").forEach(error -> fields.add(error.get("field").asString()));
    return fields;
  }

  private static Set<String> reasonsOf(JsonNode problem) {
    Set<String> reasons = new java.util.HashSet<>();
    problem.get("candidates").get(0).get("reasons").forEach(r -> reasons.add(r.asString()));
    return reasons;
  }

  private static List<UUID> idsOf(JsonNode page) {
    List<UUID> ids = new ArrayList<>();
    page.get("items").forEach(item -> ids.add(UUID.fromString(item.get("id").asString())));
    return ids;
  }

  private long peopleOfAgency() {
    return jdbc.sql("SELECT count(*) FROM supervision_person WHERE organization_id = ?")
        .param(agency.value())
        .query(Long.class)
        .single();
  }

  private long count(String table) {
    return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
  }

  private static String person(String given, String family, String birth, String extra) {
    return """
        {"name":{"given":"%s","family":"%s"},"dateOfBirth":"%s","contact":{"method":"NONE"}%s}
        """
        .formatted(given, family, birth, extra);
  }

  private static String openCase(LocalDate start, LocalDate end, UUID officer, String type) {
    return """
        {"supervisionType":"%s","court":"Riverside Superior Court","docketNumber":"CR-7",
         "startDate":"%s","expectedEndDate":"%s","level":"HIGH","officerId":"%s",
         "offenses":[{"category":"DUI","description":"Driving under the influence"}]}
        """
        .formatted(type, start, end, officer);
  }

  private BridgewayPrincipal user(UserId id, Role role) {
    return BridgewayPrincipal.user(
        id, agency, OrganizationKind.PROBATION_AGENCY, "Test agency", "Test " + role, Set.of(role));
  }

  private JsonNode call(MockHttpServletRequestBuilder request, BridgewayPrincipal who, int expected)
      throws Exception {
    String body =
        mvc.perform(
                request
                    .contentType(MediaType.APPLICATION_JSON)
                    .with(authentication(Principals.authenticationOf(who))))
            .andExpect(status().is(expected))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return body.isEmpty() ? JsonMapper.shared().nullNode() : JsonMapper.shared().readTree(body);
  }
}
