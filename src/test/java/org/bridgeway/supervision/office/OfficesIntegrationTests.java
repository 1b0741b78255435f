package org.bridgeway.supervision.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
 * Offices over the API on the embedded database (ADR 0013): administrators keep them, officers work
 * from one, a case moves between offices with its history, and every bad transfer names its field
 * and changes nothing.
 */
@IntegrationTest
@AutoConfigureMockMvc
class OfficesIntegrationTests {

  static final String OFFICES = "/api/v1/supervision/offices";
  static final String CASES = "/api/v1/supervision/cases/";

  @Autowired MockMvc mvc;
  @Autowired TestUsers testUsers;
  @Autowired SupervisionFixtures fixtures;
  @Autowired JdbcClient jdbc;

  OrganizationId agency;
  BridgewayPrincipal admin;
  BridgewayPrincipal supervisor;

  @BeforeEach
  void setUp() {
    agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    admin =
        user(
            testUsers.withoutSecondFactor(agency, Role.ORGANIZATION_ADMIN).id(),
            Role.ORGANIZATION_ADMIN);
    supervisor = user(testUsers.withoutSecondFactor(agency, Role.SUPERVISOR).id(), Role.SUPERVISOR);
  }

  @Test
  void anAgencyStartsWithItsMainOfficeAndAdministratorsOpenMore() throws Exception {
    JsonNode list = call(get(OFFICES), admin, 200);
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("main").asBoolean()).isTrue();
    JsonNode opened = call(post(OFFICES).content(officeBody("Indio office")), admin, 201);
    assertThat(opened.get("active").asBoolean()).isTrue();
    assertThat(opened.get("state").asText()).isEqualTo("CA");
    UUID id = UUID.fromString(opened.get("id").asText());
    assertThat(call(get(OFFICES), supervisor, 200)).hasSize(2);
    assertThat(auditActions(id)).containsExactly("supervision.office.open");

    JsonNode renamed =
        call(
            put(OFFICES + "/" + id)
                .content(
                    """
                    {"name":"Indio field office","phone":"760-863-8100","active":true,"version":0}
                    """),
            admin,
            200);
    assertThat(renamed.get("name").asText()).isEqualTo("Indio field office");
    assertThat(renamed.get("line1").isNull()).isTrue();
    JsonNode stale =
        call(put(OFFICES + "/" + id).content("{\"name\":\"Other\",\"version\":0}"), admin, 409);
    assertThat(stale.toString()).doesNotContain("Other");
    assertThat(call(get(OFFICES + "/" + id), admin, 200).get("name").asText())
        .isEqualTo("Indio field office");
  }

  @Test
  void badOfficeInputNamesEveryFieldAndWritesNothing() throws Exception {
    call(get(OFFICES), admin, 200);
    JsonNode rejected =
        call(
            post(OFFICES)
                .content(
                    """
                    {"name":"Main office","city":"Indio","state":"C1","postalCode":"9"}
                    """),
            admin,
            400);
    assertThat(fields(rejected)).containsExactlyInAnyOrder("name", "line1", "state", "postalCode");
    assertThat(call(get(OFFICES), admin, 200)).hasSize(1);
  }

  @Test
  void aCaseMovesToAnotherOfficeAndOfficerWithItsHistory() throws Exception {
    Supervised s = fixtures.supervised(agency);
    UUID main = mainOffice();
    UUID indio = open("Indio office");
    UserId indioOfficer = fixtures.officer(agency);
    call(homeOffice(indioOfficer, indio), admin, 200);

    JsonNode moved =
        call(
            post(CASES + s.supervisionCase() + "/transfer")
                .content(
                    "{\"officerId\":\"%s\",\"officeId\":\"%s\",\"reason\":\"Moved to Indio\",\"version\":%d}"
                        .formatted(indioOfficer, indio, s.caseVersion())),
            supervisorOf(s.officer(), indioOfficer),
            200);
    assertThat(moved.get("officeId").asText()).isEqualTo(indio.toString());
    assertThat(moved.get("officerId").asText()).isEqualTo(indioOfficer.toString());
    JsonNode history = moved.get("assignments");
    assertThat(history).hasSize(2);
    assertThat(history.get(0).get("officeId").asText()).isEqualTo(main.toString());
    assertThat(history.get(1).get("officeId").asText()).isEqualTo(indio.toString());
    assertThat(history.get(1).get("reason").asText()).isEqualTo("Moved to Indio");
    String details =
        jdbc.sql(
                "SELECT details::text FROM audit_entry WHERE record_id = ? AND action ="
                    + " 'supervision.case.transfer'")
            .param(s.supervisionCase())
            .query(String.class)
            .single();
    assertThat(details).contains(main.toString()).contains(indio.toString());
    assertThat(details).doesNotContain("Moved to Indio");
  }

  @Test
  void withoutAnOfficeTheCaseGoesToTheNewOfficersHomeOffice() throws Exception {
    Supervised s = fixtures.supervised(agency);
    UUID indio = open("Indio office");
    UserId indioOfficer = fixtures.officer(agency);
    call(homeOffice(indioOfficer, indio), admin, 200);
    JsonNode moved =
        call(
            post(CASES + s.supervisionCase() + "/transfer")
                .content(
                    "{\"officerId\":\"%s\",\"version\":%d}"
                        .formatted(indioOfficer, s.caseVersion())),
            admin,
            200);
    assertThat(moved.get("officeId").asText()).isEqualTo(indio.toString());
  }

  @Test
  void badTransfersNameTheirFieldAndChangeNothing() throws Exception {
    Supervised s = fixtures.supervised(agency);
    UUID main = mainOffice();
    UUID indio = open("Indio office");
    UUID closed = open("Closed office");
    call(
        put(OFFICES + "/" + closed)
            .content("{\"name\":\"Closed office\",\"active\":false,\"version\":0}"),
        admin,
        200);
    UserId mainOfficer = fixtures.officer(agency);
    OrganizationId other = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    UUID theirs =
        UUID.fromString(
            call(
                    get(OFFICES),
                    user(
                        other,
                        testUsers.withoutSecondFactor(other, Role.ORGANIZATION_ADMIN).id(),
                        Role.ORGANIZATION_ADMIN),
                    200)
                .get(0)
                .get("id")
                .asText());

    List<String> answers = new ArrayList<>();
    for (UUID office : List.of(UUID.randomUUID(), theirs, closed)) {
      JsonNode rejected = call(transfer(s, mainOfficer, office, s.caseVersion()), admin, 400);
      answers.add(fields(rejected).toString() + code(rejected));
    }
    assertThat(answers)
        .containsExactly(
            "[officeId]UnknownOffice", "[officeId]UnknownOffice", "[officeId]InactiveOffice");
    JsonNode notThere = call(transfer(s, mainOfficer, indio, s.caseVersion()), admin, 400);
    assertThat(fields(notThere)).containsExactly("officerId");
    assertThat(code(notThere)).isEqualTo("NotOfOffice");
    call(transfer(s, mainOfficer, main, s.caseVersion() + 7), admin, 409);

    JsonNode unchanged = call(get(CASES + s.supervisionCase()), admin, 200);
    assertThat(unchanged.get("officeId").asText()).isEqualTo(main.toString());
    assertThat(unchanged.get("officerId").asText()).isEqualTo(s.officer().toString());
    assertThat(unchanged.get("assignments")).hasSize(1);
    assertThat(unchanged.get("version").asLong()).isEqualTo(s.caseVersion());
  }

  @Test
  void anOfficeWithStaffOrOpenCasesAndTheMainOfficeStayActive() throws Exception {
    UUID main = mainOffice();
    UUID indio = open("Indio office");
    UserId indioOfficer = fixtures.officer(agency);
    call(homeOffice(indioOfficer, indio), admin, 200);
    JsonNode inUse =
        call(
            put(OFFICES + "/" + indio)
                .content("{\"name\":\"Indio office\",\"active\":false,\"version\":0}"),
            admin,
            422);
    assertThat(inUse.get("code").asText()).isEqualTo("supervision.office.inUse");
    JsonNode mainStays =
        call(
            put(OFFICES + "/" + main)
                .content("{\"name\":\"Main office\",\"active\":false,\"version\":0}"),
            admin,
            422);
    assertThat(mainStays.get("code").asText()).isEqualTo("supervision.office.main");
    assertThat(call(get(OFFICES + "/" + indio), admin, 200).get("active").asBoolean()).isTrue();
    assertThat(call(get(OFFICES + "/" + main), admin, 200).get("name").asText())
        .isEqualTo("Main office");
  }

  @Test
  void anotherAgencysOfficeAndStaffAnswerLikeMissingOnes() throws Exception {
    OrganizationId other = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    BridgewayPrincipal theirAdmin =
        user(
            other,
            testUsers.withoutSecondFactor(other, Role.ORGANIZATION_ADMIN).id(),
            Role.ORGANIZATION_ADMIN);
    UUID theirs =
        UUID.fromString(
            call(post(OFFICES).content(officeBody("Their office")), theirAdmin, 201)
                .get("id")
                .asText());
    call(get(OFFICES + "/" + theirs), admin, 404);
    call(put(OFFICES + "/" + theirs).content("{\"name\":\"Mine\",\"version\":0}"), admin, 404);
    UserId theirOfficer = fixtures.officer(other);
    call(homeOffice(theirOfficer, open("Indio office")), admin, 404);
    assertThat(call(get(OFFICES + "/" + theirs), theirAdmin, 200).get("name").asText())
        .isEqualTo("Their office");
  }

  private MockHttpServletRequestBuilder transfer(
      Supervised s, UserId officer, UUID office, long version) {
    return post(CASES + s.supervisionCase() + "/transfer")
        .content(
            "{\"officerId\":\"%s\",\"officeId\":\"%s\",\"version\":%d}"
                .formatted(officer, office, version));
  }

  private MockHttpServletRequestBuilder homeOffice(UserId officer, UUID office) {
    return put("/api/v1/supervision/officers/" + officer + "/office")
        .content("{\"officeId\":\"%s\"}".formatted(office));
  }

  private UUID mainOffice() throws Exception {
    for (JsonNode office : call(get(OFFICES), admin, 200)) {
      if (office.get("main").asBoolean()) {
        return UUID.fromString(office.get("id").asText());
      }
    }
    throw new AssertionError("no main office");
  }

  private UUID open(String name) throws Exception {
    return UUID.fromString(
        call(post(OFFICES).content(officeBody(name)), admin, 201).get("id").asText());
  }

  /** The supervisor, now leading the officers: they may move cases between them. */
  private BridgewayPrincipal supervisorOf(UserId... officers) {
    for (UserId officer : officers) {
      jdbc.sql(
              "INSERT INTO supervision_team_member (officer_id, organization_id, supervisor_id,"
                  + " linked_at, linked_by) VALUES (?, ?, ?, now(), 'test')")
          .params(officer.value(), agency.value(), supervisor.userId())
          .update();
    }
    return supervisor;
  }

  private static String officeBody(String name) {
    return """
        {"name":"%s","line1":"47-940 Arabia St","city":"Indio","state":"ca","postalCode":"92201",
         "phone":"760-863-8100"}
        """
        .formatted(name);
  }

  private List<String> auditActions(UUID record) {
    return jdbc.sql("SELECT action FROM audit_entry WHERE record_id = ? ORDER BY seq")
        .param(record)
        .query(String.class)
        .list();
  }

  private static List<String> fields(JsonNode problem) {
    List<String> fields = new ArrayList<>();
    problem.get("errors").forEach(error -> fields.add(error.get("field").asText()));
    return fields;
  }

  private static String code(JsonNode problem) {
    return problem.get("errors").get(0).get("code").asText();
  }

  private BridgewayPrincipal user(UserId id, Role role) {
    return user(agency, id, role);
  }

  private static BridgewayPrincipal user(OrganizationId organization, UserId id, Role role) {
    return BridgewayPrincipal.user(
        id,
        organization,
        OrganizationKind.PROBATION_AGENCY,
        "Test agency",
        "Test " + role,
        Set.of(role));
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
