package org.bridgeway.supervision.assessment;

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
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.UserId;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.supervision.AssessmentCompleted;
import org.bridgeway.supervision.CasePlanChanged;
import org.bridgeway.supervision.CaseloadNeeds;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.PersonNeeds;
import org.bridgeway.supervision.RiskLevel;
import org.bridgeway.supervision.SupervisionNeeds;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.Principals;
import org.bridgeway.testing.SupervisionFixtures;
import org.bridgeway.testing.SupervisionFixtures.Planned;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assessments, needs and case plans over the API on the embedded database, called as signed-in
 * staff: scoring on the server, instrument versions, change between assessments, who sees what, the
 * caseload summary, and bad input that writes nothing.
 */
@IntegrationTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class AssessmentApiIntegrationTests {

  static final String API = "/api/v1/supervision";

  @Autowired MockMvc mvc;
  @Autowired TestUsers testUsers;
  @Autowired SupervisionFixtures fixtures;
  @Autowired SupervisionNeeds needs;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  @Autowired ApplicationEvents events;

  OrganizationId agency;
  BridgewayPrincipal admin;
  BridgewayPrincipal officer;
  BridgewayPrincipal colleague;
  UUID instrument;

  @BeforeEach
  void setUp() {
    agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    admin =
        user(
            testUsers.withoutSecondFactor(agency, Role.ORGANIZATION_ADMIN).id(),
            Role.ORGANIZATION_ADMIN);
    officer = user(fixtures.officer(agency), Role.OFFICER);
    colleague = user(fixtures.officer(agency), Role.OFFICER);
    instrument = fixtures.instrument(agency);
  }

  @Test
  void anOfficerAssessesTheirPersonAndTheServerScores() throws Exception {
    Supervised mine = fixtures.supervised(agency, new UserId(officer.userId()));
    LocalDate today = LocalDate.now(clock);
    JsonNode created =
        call(
            post(API + "/people/" + mine.person() + "/assessments")
                .content(
                    """
                    {"instrumentId":"%s","assessedOn":"%s","answers":{"h1":1,"h2":1,"e1":1},
                     "responsivity":[{"factor":"LANGUAGE","level":"SIGNIFICANT","notes":"Spanish"}]}
                    """
                        .formatted(instrument, today)),
            officer,
            201);
    assertThat(created.get("riskLevel").asString()).isEqualTo("HIGH");
    assertThat(created.get("totalScore").asInt()).isEqualTo(5);
    assertThat(created.get("instrumentNumber").asInt()).isEqualTo(1);
    assertThat(created.get("nextDueOn").asString()).isEqualTo(today.plusMonths(6).toString());
    assertThat(severities(created.get("domains")))
        .containsEntry("HOUSING", "HIGH")
        .containsEntry("EDUCATION_EMPLOYMENT", "MODERATE");
    assertThat(events.stream(AssessmentCompleted.class))
        .anySatisfy(
            event -> {
              assertThat(event.person().value()).isEqualTo(mine.person());
              assertThat(event.riskLevel()).isEqualTo(RiskLevel.HIGH);
              assertThat(event.external()).isFalse();
            });
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_entry WHERE person_id = ? AND action ="
                        + " 'supervision.assessment.record'")
                .param(mine.person())
                .query(Long.class)
                .single())
        .isEqualTo(1);

    JsonNode latest = call(get(API + "/people/" + mine.person() + "/needs"), officer, 200);
    assertThat(latest.get("riskLevel").asString()).isEqualTo("HIGH");
    assertThat(latest.get("needs").get(0).get("domain").asString()).isEqualTo("HOUSING");
    assertThat(latest.get("responsivity").get(0).get("factor").asString()).isEqualTo("LANGUAGE");

    call(get(API + "/people/" + mine.person() + "/needs"), colleague, 404);
    call(get(API + "/people/" + mine.person() + "/assessments"), colleague, 404);
    call(
        post(API + "/people/" + mine.person() + "/assessments")
            .content(
                "{\"instrumentId\":\"%s\",\"assessedOn\":\"%s\",\"answers\":{\"h1\":0,\"h2\":0,\"e1\":0}}"
                    .formatted(instrument, today)),
        colleague,
        404);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> needs.latest(colleague, new PersonId(mine.person())))
        .isInstanceOf(NotFoundException.class);
    assertThat(needs.latestForSystem(new PersonId(mine.person())).riskLevel())
        .isEqualTo(RiskLevel.HIGH);
  }

  @Test
  void badAnswersAndAFutureDateAreNamedAndWriteNothing() throws Exception {
    Supervised mine = fixtures.supervised(agency, new UserId(officer.userId()));
    LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
    JsonNode problem =
        call(
            post(API + "/people/" + mine.person() + "/assessments")
                .content(
                    "{\"instrumentId\":\"%s\",\"assessedOn\":\"%s\",\"answers\":{\"h1\":5,\"e1\":0}}"
                        .formatted(instrument, tomorrow)),
            officer,
            400);
    assertThat(fields(problem)).containsExactlyInAnyOrder("assessedOn", "answers.h1", "answers.h2");
    JsonNode unknown =
        call(
            post(API + "/people/" + mine.person() + "/assessments")
                .content(
                    "{\"instrumentId\":\"%s\",\"assessedOn\":\"%s\",\"answers\":{}}"
                        .formatted(UUID.randomUUID(), tomorrow.minusDays(1))),
            officer,
            400);
    assertThat(fields(unknown)).contains("instrumentId");
    JsonNode external =
        call(
            post(API + "/people/" + mine.person() + "/assessments/external")
                .content(
                    "{\"instrumentName\":\"X\",\"assessedOn\":\"%s\",\"riskLevel\":\"LOW\",\"domains\":[{\"domain\":\"FOOD\",\"severity\":\"HIGH\"},{\"domain\":\"FOOD\",\"severity\":\"NONE\"}]}"
                        .formatted(tomorrow.minusDays(1))),
            officer,
            400);
    assertThat(fields(external)).containsExactly("domains[1].domain");
    assertThat(
            jdbc.sql("SELECT count(*) FROM supervision_assessment WHERE person_id = ?")
                .param(mine.person())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void editingAnInstrumentInUseMakesANewVersionAndOldAssessmentsKeepTheirs() throws Exception {
    Supervised mine = fixtures.supervised(agency, new UserId(officer.userId()));
    String definition =
        JsonMapper.shared().writeValueAsString(SupervisionFixtures.smallInstrument());
    call(
        post(API + "/instruments").content("{\"name\":\"Mine\",\"definition\":" + definition + "}"),
        officer,
        403);
    JsonNode renamed =
        call(
            put(API + "/instruments/" + instrument)
                .content("{\"name\":\"Renamed\",\"definition\":" + definition + ",\"version\":0}"),
            admin,
            200);
    assertThat(renamed.get("id").asString()).isEqualTo(instrument.toString());
    assertThat(renamed.get("number").asInt()).isEqualTo(1);
    call(
        post(API + "/people/" + mine.person() + "/assessments")
            .content(
                "{\"instrumentId\":\"%s\",\"assessedOn\":\"%s\",\"answers\":{\"h1\":0,\"h2\":0,\"e1\":0}}"
                    .formatted(instrument, mine.startedOn())),
        officer,
        201);
    call(
        put(API + "/instruments/" + instrument)
            .content("{\"name\":\"Stale\",\"definition\":" + definition + ",\"version\":0}"),
        admin,
        409);
    JsonNode next =
        call(
            put(API + "/instruments/" + instrument)
                .content("{\"name\":\"Second\",\"definition\":" + definition + ",\"version\":1}"),
            admin,
            200);
    assertThat(next.get("id").asString()).isNotEqualTo(instrument.toString());
    assertThat(next.get("number").asInt()).isEqualTo(2);
    JsonNode old = call(get(API + "/instruments/" + instrument), officer, 200);
    assertThat(old.get("current").asBoolean()).isFalse();
    assertThat(old.get("name").asString()).isEqualTo("Renamed");
    JsonNode problem =
        call(
            post(API + "/people/" + mine.person() + "/assessments")
                .content(
                    "{\"instrumentId\":\"%s\",\"assessedOn\":\"%s\",\"answers\":{\"h1\":0,\"h2\":0,\"e1\":0}}"
                        .formatted(instrument, mine.startedOn())),
            officer,
            422);
    assertThat(problem.get("code").asString()).isEqualTo("supervision.instrument.superseded");
    JsonNode history = call(get(API + "/people/" + mine.person() + "/assessments"), officer, 200);
    assertThat(history.get("assessments").get(0).get("instrumentName").asString())
        .isEqualTo("Renamed");
    assertThat(history.get("assessments").get(0).get("instrumentNumber").asInt()).isEqualTo(1);
    OrganizationId other = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    BridgewayPrincipal otherAdmin =
        BridgewayPrincipal.user(
            testUsers.withoutSecondFactor(other, Role.NETWORK_ADMIN).id(),
            other,
            OrganizationKind.PROBATION_AGENCY,
            "Other",
            "Other admin",
            Set.of(Role.NETWORK_ADMIN));
    call(get(API + "/instruments/" + next.get("id").asString()), otherAdmin, 404);
  }

  @Test
  void theHistoryShowsTheChangePerDomainBetweenTheLatestAndThePreviousAssessment()
      throws Exception {
    Supervised mine = fixtures.supervised(agency, new UserId(officer.userId()));
    call(
        post(API + "/people/" + mine.person() + "/assessments")
            .content(
                "{\"instrumentId\":\"%s\",\"assessedOn\":\"%s\",\"answers\":{\"h1\":1,\"h2\":1,\"e1\":0}}"
                    .formatted(instrument, mine.startedOn())),
        officer,
        201);
    call(
        post(API + "/people/" + mine.person() + "/assessments/external")
            .content(
                """
                {"instrumentName":"County screening","assessedOn":"%s","riskLevel":"MODERATE",
                 "domains":[{"domain":"HOUSING","severity":"MODERATE","score":3},
                            {"domain":"EDUCATION_EMPLOYMENT","severity":"HIGH"},
                            {"domain":"FOOD","severity":"NONE"}]}
                """
                    .formatted(mine.startedOn().plusDays(30))),
        officer,
        201);
    JsonNode history = call(get(API + "/people/" + mine.person() + "/assessments"), officer, 200);
    assertThat(history.get("assessments")).hasSize(2);
    assertThat(history.get("assessments").get(0).get("source").asString()).isEqualTo("EXTERNAL");
    Map<String, String> trends = new java.util.HashMap<>();
    history
        .get("changes")
        .forEach(c -> trends.put(c.get("domain").asString(), c.get("trend").asString()));
    assertThat(trends)
        .containsEntry("HOUSING", "IMPROVED")
        .containsEntry("EDUCATION_EMPLOYMENT", "WORSENED")
        .containsEntry("FOOD", "NOT_COMPARABLE");
  }

  @Test
  void theCaseloadSummaryAndDueListCoverOnlyPeopleTheCallerSees() throws Exception {
    Supervised overdue = fixtures.supervised(agency, new UserId(officer.userId()));
    Supervised current = fixtures.supervised(agency, new UserId(officer.userId()));
    Supervised never = fixtures.supervised(agency, new UserId(officer.userId()));
    Supervised theirs = fixtures.supervised(agency, new UserId(colleague.userId()));
    LocalDate today = LocalDate.now(clock);
    // High risk seven months ago: due after six months, so overdue.
    call(
        post(API + "/people/" + overdue.person() + "/assessments/external")
            .content(
                """
                {"instrumentName":"County screening","assessedOn":"%s","riskLevel":"HIGH",
                 "domains":[{"domain":"FOOD","severity":"MODERATE"},
                            {"domain":"SUBSTANCE_USE","severity":"MODERATE"},
                            {"domain":"HOUSING","severity":"HIGH"},
                            {"domain":"ASSOCIATES","severity":"MODERATE"},
                            {"domain":"LEGAL_AID","severity":"NONE"}]}
                """
                    .formatted(today.minusMonths(7))),
        officer,
        201);
    call(
        post(API + "/people/" + current.person() + "/assessments")
            .content(
                "{\"instrumentId\":\"%s\",\"assessedOn\":\"%s\",\"answers\":{\"h1\":0,\"h2\":0,\"e1\":0}}"
                    .formatted(instrument, today)),
        officer,
        201);
    call(
        post(API + "/people/" + theirs.person() + "/assessments")
            .content(
                "{\"instrumentId\":\"%s\",\"assessedOn\":\"%s\",\"answers\":{\"h1\":0,\"h2\":0,\"e1\":0}}"
                    .formatted(instrument, today.minusYears(2))),
        colleague,
        201);

    List<PersonId> ids = new ArrayList<>();
    for (Supervised s : List.of(overdue, current, never, theirs)) {
      ids.add(new PersonId(s.person()));
    }
    Map<PersonId, CaseloadNeeds> summary = needs.caseload(officer, ids, today);
    assertThat(summary).containsOnlyKeys(ids.subList(0, 3));
    CaseloadNeeds first = summary.get(new PersonId(overdue.person()));
    assertThat(first.riskLevel()).isEqualTo(RiskLevel.HIGH);
    assertThat(first.topNeeds())
        .containsExactly(NeedDomain.HOUSING, NeedDomain.ASSOCIATES, NeedDomain.SUBSTANCE_USE);
    assertThat(first.overdue()).isTrue();
    CaseloadNeeds second = summary.get(new PersonId(current.person()));
    assertThat(second.riskLevel()).isEqualTo(RiskLevel.LOW);
    assertThat(second.topNeeds()).isEmpty();
    assertThat(second.overdue()).isFalse();
    assertThat(second.nextDueOn()).isEqualTo(today.plusMonths(12));
    CaseloadNeeds unassessed = summary.get(new PersonId(never.person()));
    assertThat(unassessed.riskLevel()).isNull();
    assertThat(unassessed.overdue()).isTrue();

    JsonNode due = call(get(API + "/assessments/due?withinDays=30"), officer, 200);
    List<String> dueIds = new ArrayList<>();
    due.forEach(d -> dueIds.add(d.get("personId").asString()));
    assertThat(dueIds).contains(overdue.person().toString());
    assertThat(dueIds).doesNotContain(current.person().toString(), theirs.person().toString());
    JsonNode bad = call(get(API + "/assessments/due?withinDays=-1"), officer, 400);
    assertThat(fields(bad)).containsExactly("withinDays");
    JsonNode responsivity =
        call(
            post(API + "/people/" + current.person() + "/responsivity")
                .content(
                    "{\"recordedOn\":\"%s\",\"factors\":[{\"factor\":\"CHILDCARE\",\"level\":\"SOME\"},{\"factor\":\"CHILDCARE\",\"level\":\"NONE\"}]}"
                        .formatted(today)),
            officer,
            400);
    assertThat(fields(responsivity)).containsExactly("responsivity[1].factor");
  }

  @Test
  void aPlanProposesGoalsFromTheLatestAssessmentAndGuardsItsChanges() throws Exception {
    Planned planned = fixtures.planned(agency);
    String plan = API + "/cases/" + planned.supervised().supervisionCase() + "/plan";
    JsonNode read = call(get(plan), admin, 200);
    assertThat(read.get("goals").get(0).get("domain").asString()).isEqualTo("HOUSING");
    assertThat(read.get("goals").get(1).get("domain").asString()).isEqualTo("EDUCATION_EMPLOYMENT");
    long version = read.get("version").asLong();
    call(post(plan), admin, 422);
    JsonNode early =
        call(
            post(plan + "/signature")
                .content(
                    "{\"signedOn\":\"%s\",\"version\":%d}"
                        .formatted(planned.createdOn().minusDays(1), version)),
            admin,
            400);
    assertThat(fields(early)).containsExactly("signedOn");
    JsonNode signed =
        call(
            post(plan + "/signature")
                .content(
                    "{\"signedOn\":\"%s\",\"version\":%d}".formatted(planned.createdOn(), version)),
            admin,
            200);
    assertThat(signed.get("signedOn").asString()).isEqualTo(planned.createdOn().toString());
    call(
        put(plan + "/goals/" + planned.goal())
            .content(
                "{\"description\":\"Stale\",\"status\":\"ACTIVE\",\"version\":%d}"
                    .formatted(version)),
        admin,
        409);
    long now = signed.get("version").asLong();
    JsonNode moved =
        call(
            put(plan + "/goals/" + planned.goal())
                .content(
                    "{\"description\":\"Move into stable housing\",\"status\":\"ACHIEVED\",\"position\":1,\"version\":%d}"
                        .formatted(now)),
            admin,
            200);
    assertThat(moved.get("goals").get(1).get("id").asString()).isEqualTo(planned.goal().toString());
    assertThat(moved.get("goals").get(1).get("status").asString()).isEqualTo("ACHIEVED");
    JsonNode ended =
        call(
            post(plan + "/goals/" + planned.goal() + "/tasks")
                .content(
                    "{\"description\":\"More\",\"owner\":\"PERSON\",\"version\":%d}"
                        .formatted(moved.get("version").asLong())),
            admin,
            422);
    assertThat(ended.get("code").asString()).isEqualTo("supervision.plan.goalEnded");
    JsonNode tooLong =
        call(
            post(plan + "/goals/" + planned.goal() + "/notes")
                .content(
                    "{\"notedOn\":\"%s\",\"text\":\"%s\",\"version\":%d}"
                        .formatted(
                            planned.createdOn(), "x".repeat(4001), moved.get("version").asLong())),
            admin,
            400);
    assertThat(fields(tooLong)).containsExactly("text");
    assertThat(events.stream(CasePlanChanged.class))
        .extracting(CasePlanChanged::change)
        .contains(
            CasePlanChanged.Change.CREATED,
            CasePlanChanged.Change.TASK_ADDED,
            CasePlanChanged.Change.SIGNED,
            CasePlanChanged.Change.GOAL_CHANGED);
    call(get(plan), officer, 404);
    PersonNeeds latest = needs.latestForSystem(new PersonId(planned.supervised().person()));
    assertThat(latest.needs().keySet())
        .containsExactly(NeedDomain.HOUSING, NeedDomain.EDUCATION_EMPLOYMENT);
  }

  private static Map<String, String> severities(JsonNode domains) {
    Map<String, String> found = new java.util.HashMap<>();
    domains.forEach(d -> found.put(d.get("domain").asString(), d.get("severity").asString()));
    return found;
  }

  private static List<String> fields(JsonNode problem) {
    List<String> found = new ArrayList<>();
    problem.get("errors").forEach(e -> found.add(e.get("field").asString()));
    return found;
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
