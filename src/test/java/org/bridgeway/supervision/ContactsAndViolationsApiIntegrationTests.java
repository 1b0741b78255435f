package org.bridgeway.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import org.bridgeway.supervision.contact.ContactStatusQuery;
import org.bridgeway.supervision.contact.ContactStatusQuery.CaseContactStatus;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Contacts, contact standards, violations, responses and incentives over the API on the embedded
 * database, called as signed-in staff: caseload rules, the standard's due date, the response
 * matrix, optimistic locking, events, and bad input that writes nothing.
 */
@IntegrationTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class ContactsAndViolationsApiIntegrationTests {

  static final String CASES = "/api/v1/supervision/cases/";

  @Autowired MockMvc mvc;
  @Autowired TestUsers testUsers;
  @Autowired SupervisionFixtures fixtures;
  @Autowired ContactStatusQuery statuses;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  @Autowired ApplicationEvents events;

  OrganizationId agency;
  BridgewayPrincipal admin;
  BridgewayPrincipal officer;
  BridgewayPrincipal colleague;
  BridgewayPrincipal supervisor;
  LocalDate today;

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
    today = LocalDate.now(clock);
  }

  @Test
  void anOfficerSchedulesAndRecordsAContactAndTheNextOneIsDueAPeriodLater() throws Exception {
    Supervised mine = fixtures.supervised(agency, new UserId(officer.userId()));
    String contacts = CASES + mine.supervisionCase() + "/contacts";
    JsonNode before = call(get(contacts), officer, 200);
    // A moderate case started three months ago with no contact: overdue since a month after start.
    assertThat(before.get("nextContactDue").asString())
        .isEqualTo(mine.startedOn().plusDays(30).toString());
    assertThat(before.get("overdue").asBoolean()).isTrue();

    JsonNode scheduled =
        call(
            post(contacts)
                .content(
                    "{\"kind\":\"OFFICE\",\"scheduledFor\":\"%sT09:00:00Z\",\"location\":\"Office 2\"}"
                        .formatted(today)),
            officer,
            201);
    String outcome = contacts + "/" + scheduled.get("id").asString() + "/outcome";
    JsonNode future =
        call(
            post(outcome)
                .content(
                    "{\"happenedAt\":\"%s\",\"outcome\":\"COMPLETED\",\"version\":0}"
                        .formatted(clock.instant().plusSeconds(3600))),
            officer,
            400);
    assertThat(fieldsOf(future)).containsExactly("happenedAt");
    String happened = clock.instant().minusSeconds(60).toString();
    JsonNode recorded =
        call(
            post(outcome)
                .content(
                    "{\"happenedAt\":\"%s\",\"outcome\":\"COMPLETED\",\"notes\":\"Reported work hours\",\"version\":0}"
                        .formatted(happened)),
            officer,
            200);
    assertThat(recorded.get("officerId").asString()).isEqualTo(officer.userId().toString());
    call(
        post(outcome)
            .content(
                "{\"happenedAt\":\"%s\",\"outcome\":\"NO_SHOW\",\"version\":0}"
                    .formatted(happened)),
        officer,
        409);
    JsonNode again =
        call(
            post(outcome)
                .content(
                    "{\"happenedAt\":\"%s\",\"outcome\":\"NO_SHOW\",\"version\":%d}"
                        .formatted(happened, recorded.get("version").asLong())),
            officer,
            422);
    assertThat(again.get("code").asString()).isEqualTo("supervision.contact.recorded");

    JsonNode after = call(get(contacts), officer, 200);
    LocalDate contactDay = clock.instant().minusSeconds(60).atZone(ZoneOffset.UTC).toLocalDate();
    assertThat(after.get("nextContactDue").asString())
        .isEqualTo(contactDay.plusDays(30).toString());
    assertThat(after.get("overdue").asBoolean()).isFalse();
    assertThat(after.get("contacts")).hasSize(1);
    assertThat(events.stream(ContactRecorded.class))
        .anySatisfy(
            e -> {
              assertThat(e.supervisionCase().value()).isEqualTo(mine.supervisionCase());
              assertThat(e.outcome()).isEqualTo("COMPLETED");
            });
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_entry WHERE person_id = ? AND action ="
                        + " 'supervision.contact.record' AND details::text LIKE '%Reported%'")
                .param(mine.person())
                .query(Long.class)
                .single())
        .as("notes never reach the audit trail")
        .isZero();
  }

  @Test
  void aClosedCaseTakesNoContactAndOthersCasesAnswerLikeMissingOnes() throws Exception {
    Supervised mine = fixtures.supervised(agency, new UserId(officer.userId()));
    Supervised theirs = fixtures.supervised(agency, new UserId(colleague.userId()));
    String body = "{\"kind\":\"HOME\",\"scheduledFor\":\"%sT09:00:00Z\"}".formatted(today);
    call(post(CASES + theirs.supervisionCase() + "/contacts").content(body), officer, 404);
    call(get(CASES + theirs.supervisionCase() + "/violations"), officer, 404);
    OrganizationId other = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    Supervised elsewhere = fixtures.supervised(other);
    call(get(CASES + elsewhere.supervisionCase() + "/contacts"), admin, 404);
    call(get("/api/v1/supervision/agencies/" + other + "/contact-standards"), admin, 404);

    call(
        post(CASES + mine.supervisionCase() + "/close")
            .content(
                "{\"reason\":\"SUCCESSFUL_COMPLETION\",\"closedOn\":\"%s\",\"version\":%d}"
                    .formatted(today, mine.caseVersion())),
        officer,
        200);
    JsonNode closed =
        call(post(CASES + mine.supervisionCase() + "/contacts").content(body), officer, 422);
    assertThat(closed.get("code").asString()).isEqualTo("supervision.case.closed");
    assertThat(
            call(get(CASES + mine.supervisionCase() + "/contacts"), officer, 200)
                .get("nextContactDue")
                .isNull())
        .isTrue();
    JsonNode bad =
        call(
            post(CASES + theirs.supervisionCase() + "/contacts")
                .content("{\"kind\":\"CARRIER_PIGEON\",\"scheduledFor\":\"soon\"}"),
            colleague,
            400);
    assertThat(bad.get("errors")).isNotEmpty();
    assertThat(count("supervision_contact WHERE case_id = '" + theirs.supervisionCase() + "'"))
        .isZero();
  }

  @Test
  void theOverdueListsFollowTheCaseloadAndTheAgencysStandard() throws Exception {
    Supervised mine = fixtures.supervised(agency, new UserId(officer.userId()));
    Supervised theirs = fixtures.supervised(agency, new UserId(colleague.userId()));
    call(
        put("/api/v1/supervision/officers/" + officer.userId() + "/supervisor")
            .content("{\"supervisorId\":\"" + supervisor.userId() + "\"}"),
        admin,
        200);
    assertThat(caseIds(call(get("/api/v1/supervision/contacts/overdue"), officer, 200)))
        .containsExactly(mine.supervisionCase());
    assertThat(caseIds(call(get("/api/v1/supervision/contacts/overdue"), supervisor, 200)))
        .containsExactly(mine.supervisionCase());
    assertThat(caseIds(call(get("/api/v1/supervision/contacts/overdue"), admin, 200)))
        .contains(mine.supervisionCase(), theirs.supervisionCase());

    // The agency relaxes moderate supervision to one contact every 120 days: nobody is overdue yet.
    String standards = "/api/v1/supervision/agencies/" + agency + "/contact-standards";
    JsonNode relaxed =
        call(
            put(standards + "/MODERATE")
                .content("{\"contacts\":1,\"periodDays\":120,\"version\":0}"),
            admin,
            200);
    assertThat(relaxed.get("version").asLong()).isEqualTo(1);
    call(
        put(standards + "/MODERATE").content("{\"contacts\":1,\"periodDays\":90,\"version\":0}"),
        admin,
        409);
    call(
        put(standards + "/MODERATE").content("{\"contacts\":0,\"periodDays\":90,\"version\":1}"),
        admin,
        400);
    call(
        put(standards + "/MODERATE").content("{\"contacts\":1,\"periodDays\":90,\"version\":1}"),
        officer,
        403);
    assertThat(caseIds(call(get("/api/v1/supervision/contacts/overdue"), admin, 200))).isEmpty();
    JsonNode listed = call(get(standards), officer, 200);
    assertThat(listed).hasSize(4);
    assertThat(listed.get(1).get("periodDays").asInt()).isEqualTo(120);
    assertThat(listed.get(1).get("setByAgency").asBoolean()).isTrue();
    assertThat(listed.get(2).get("fieldEveryDays").asInt()).isEqualTo(60);
  }

  @Test
  void theCaseloadStatusIsOneQueryForManyCasesAndLeavesOutWhatTheCallerDoesNotSee()
      throws Exception {
    Supervised overdue = fixtures.supervised(agency, new UserId(officer.userId()));
    Supervised current = fixtures.supervised(agency, new UserId(officer.userId()));
    Supervised theirs = fixtures.supervised(agency, new UserId(colleague.userId()));
    JsonNode contact =
        call(
            post(CASES + current.supervisionCase() + "/contacts")
                .content("{\"kind\":\"PHONE\",\"scheduledFor\":\"%sT08:00:00Z\"}".formatted(today)),
            officer,
            201);
    call(
        post(CASES
                + current.supervisionCase()
                + "/contacts/"
                + contact.get("id").asString()
                + "/outcome")
            .content(
                "{\"happenedAt\":\"%s\",\"outcome\":\"COMPLETED\",\"version\":0}"
                    .formatted(clock.instant().minusSeconds(5))),
        officer,
        200);
    call(
        post(CASES + overdue.supervisionCase() + "/violations")
            .content(
                "{\"occurredOn\":\"%s\",\"kind\":\"TECHNICAL\",\"severity\":\"LOW\",\"description\":\"Late\"}"
                    .formatted(today.minusDays(5))),
        officer,
        201);
    call(
        post(CASES + overdue.supervisionCase() + "/violations")
            .content(
                "{\"occurredOn\":\"%s\",\"kind\":\"TECHNICAL\",\"severity\":\"LOW\",\"description\":\"Old\"}"
                    .formatted(overdue.startedOn())),
        officer,
        201);

    Map<CaseId, CaseContactStatus> status =
        statuses.statusOf(
            officer,
            List.of(
                new CaseId(overdue.supervisionCase()),
                new CaseId(current.supervisionCase()),
                new CaseId(theirs.supervisionCase()),
                CaseId.random()),
            today);
    assertThat(status)
        .containsOnlyKeys(
            new CaseId(overdue.supervisionCase()), new CaseId(current.supervisionCase()));
    CaseContactStatus late = status.get(new CaseId(overdue.supervisionCase()));
    assertThat(late.overdue()).isTrue();
    assertThat(late.nextContactDue()).isEqualTo(overdue.startedOn().plusDays(30));
    assertThat(late.openViolations()).as("the one of the last 90 days").isEqualTo(1);
    CaseContactStatus fine = status.get(new CaseId(current.supervisionCase()));
    assertThat(fine.overdue()).isFalse();
    // The same answer as the case's own page computes.
    JsonNode page = call(get(CASES + current.supervisionCase() + "/contacts"), officer, 200);
    assertThat(fine.nextContactDue().toString()).isEqualTo(page.get("nextContactDue").asString());
    assertThat(fine.openViolations()).isZero();
  }

  @Test
  void aViolationMayPutItsConditionOutOfComplianceAndResponsesFollowTheMatrix() throws Exception {
    Supervised mine = fixtures.supervised(agency, new UserId(officer.userId()));
    Supervised theirs = fixtures.supervised(agency, new UserId(colleague.userId()));
    String violations = CASES + mine.supervisionCase() + "/violations";
    String body =
        "{\"occurredOn\":\"%s\",\"conditionId\":\"%s\",\"kind\":\"TECHNICAL\",\"severity\":\"MODERATE\","
            + "\"description\":\"Positive test\",\"markOutOfCompliance\":true}";
    JsonNode foreign =
        call(post(violations).content(body.formatted(today, theirs.condition())), officer, 400);
    assertThat(fieldsOf(foreign)).containsExactly("conditionId");
    JsonNode future =
        call(
            post(violations).content(body.formatted(today.plusDays(1), mine.condition())),
            officer,
            400);
    assertThat(fieldsOf(future)).containsExactly("occurredOn");
    assertThat(count("supervision_violation WHERE case_id = '" + mine.supervisionCase() + "'"))
        .isZero();

    JsonNode recorded =
        call(post(violations).content(body.formatted(today, mine.condition())), officer, 201);
    assertThat(recorded.get("suggested").get("lowest").asString()).isEqualTo("WRITTEN_WARNING");
    assertThat(recorded.get("suggested").get("highest").asString()).isEqualTo("COMMUNITY_SERVICE");
    JsonNode read = call(get(CASES + mine.supervisionCase()), officer, 200);
    assertThat(read.get("conditions").get(0).get("status").asString())
        .isEqualTo("OUT_OF_COMPLIANCE");
    assertThat(events.stream(ViolationRecorded.class))
        .anySatisfy(e -> assertThat(e.condition().value()).isEqualTo(mine.condition()));

    String responses = violations + "/" + recorded.get("id").asString() + "/responses";
    JsonNode noReason =
        call(
            post(responses)
                .content(
                    "{\"sanction\":\"JAIL_SANCTION\",\"respondedOn\":\"%s\",\"version\":0}"
                        .formatted(today)),
            officer,
            400);
    assertThat(fieldsOf(noReason)).containsExactly("reason");
    JsonNode outside =
        call(
            post(responses)
                .content(
                    "{\"sanction\":\"JAIL_SANCTION\",\"respondedOn\":\"%s\",\"reason\":\"Second positive test this month\",\"version\":0}"
                        .formatted(today)),
            officer,
            201);
    assertThat(outside.get("open").asBoolean()).isFalse();
    assertThat(outside.get("responses").get(0).get("withinRange").asBoolean()).isFalse();
    call(
        post(responses)
            .content(
                "{\"sanction\":\"CURFEW\",\"respondedOn\":\"%s\",\"version\":0}".formatted(today)),
        officer,
        409);
    JsonNode within =
        call(
            post(responses)
                .content(
                    "{\"sanction\":\"CURFEW\",\"respondedOn\":\"%s\",\"version\":%d}"
                        .formatted(today, outside.get("version").asLong())),
            officer,
            201);
    assertThat(within.get("responses").get(1).get("withinRange").asBoolean()).isTrue();
    assertThat(events.stream(ViolationResponseRecorded.class)).hasSizeGreaterThanOrEqualTo(2);

    // The agency widens its range: the suggestion follows.
    String guide = "/api/v1/supervision/agencies/" + agency + "/response-guide";
    call(
        put(guide + "/MODERATE/MODERATE")
            .content("{\"lowest\":\"COMMUNITY_SERVICE\",\"highest\":\"CURFEW\",\"version\":0}"),
        admin,
        400);
    call(
        put(guide + "/MODERATE/MODERATE")
            .content("{\"lowest\":\"VERBAL_WARNING\",\"highest\":\"JAIL_SANCTION\",\"version\":0}"),
        admin,
        200);
    JsonNode listed = call(get(violations), officer, 200);
    assertThat(listed.get("violations").get(0).get("suggested").get("highest").asString())
        .isEqualTo("JAIL_SANCTION");
    assertThat(call(get(guide), officer, 200)).hasSize(12);

    JsonNode incentive =
        call(
            post(CASES + mine.supervisionCase() + "/incentives")
                .content(
                    "{\"kind\":\"CERTIFICATE\",\"givenOn\":\"%s\",\"note\":\"Finished the program\"}"
                        .formatted(today)),
            officer,
            201);
    assertThat(incentive.get("kind").asString()).isEqualTo("CERTIFICATE");
    assertThat(call(get(violations), officer, 200).get("incentives")).hasSize(1);
    assertThat(events.stream(IncentiveRecorded.class)).isNotEmpty();
  }

  @Test
  void aSatisfiedConditionIsNotPutOutOfCompliance() throws Exception {
    Supervised mine = fixtures.supervised(agency, new UserId(officer.userId()));
    call(
        put(CASES + mine.supervisionCase() + "/conditions/" + mine.condition())
            .content(
                "{\"kind\":\"DRUG_TESTING\",\"description\":\"Random drug tests\",\"status\":\"SATISFIED\",\"version\":%d}"
                    .formatted(mine.conditionVersion())),
        officer,
        200);
    JsonNode refused =
        call(
            post(CASES + mine.supervisionCase() + "/violations")
                .content(
                    ("{\"occurredOn\":\"%s\",\"conditionId\":\"%s\",\"kind\":\"OTHER\",\"severity\":\"LOW\","
                            + "\"description\":\"x\",\"markOutOfCompliance\":true}")
                        .formatted(today, mine.condition())),
            officer,
            422);
    assertThat(refused.get("code").asString()).isEqualTo("supervision.condition.satisfied");
    assertThat(count("supervision_violation WHERE case_id = '" + mine.supervisionCase() + "'"))
        .isZero();
  }

  private static List<UUID> caseIds(JsonNode list) {
    List<UUID> ids = new ArrayList<>();
    list.forEach(item -> ids.add(UUID.fromString(item.get("caseId").asString())));
    return ids;
  }

  private static List<String> fieldsOf(JsonNode problem) {
    List<String> fields = new ArrayList<>();
    problem.get("errors").forEach(error -> fields.add(error.get("field").asString()));
    return fields;
  }

  private long count(String tableAndCondition) {
    return jdbc.sql("SELECT count(*) FROM " + tableAndCondition).query(Long.class).single();
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
    return body.isEmpty() ? null : JsonMapper.shared().readTree(body);
  }
}
