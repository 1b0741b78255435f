package org.bridgeway.outcomes.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.bridgeway.outcomes.OutcomeRecordsChanged;
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
 * Outcome events entered by officers over the API: recorded, listed and retracted with the record
 * kept; every rule names its field and writes nothing; a duplicate is 409; people outside the
 * caller's caseload or agency do not exist; reads and changes are audited.
 */
@IntegrationTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class OutcomeEventEntryIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestUsers testUsers;
  @Autowired SupervisionFixtures supervision;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  @Autowired ApplicationEvents published;

  OrganizationId agency;
  Supervised person;
  BridgewayPrincipal officer;
  String base;
  LocalDate today;

  @BeforeEach
  void setUp() {
    agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    person = supervision.supervised(agency);
    officer = officerOf(agency, person);
    base = "/api/v1/outcomes/people/" + person.person() + "/events";
    today = LocalDate.now(clock);
  }

  static BridgewayPrincipal officerOf(OrganizationId agency, Supervised person) {
    return BridgewayPrincipal.user(
        person.officer(),
        agency,
        OrganizationKind.PROBATION_AGENCY,
        "Agency",
        "Officer",
        Set.of(Role.OFFICER));
  }

  @Test
  void anOfficerRecordsListsAndRetractsAnEventKeepingTheRetraction() throws Exception {
    LocalDate arrested = today.minusDays(10);
    JsonNode recorded =
        call(
            post(base)
                .content(
                    "{\"kind\":\"ARREST\",\"occurredOn\":\"%s\",\"offenseCategory\":\"DUI\",\"detail\":\"County sheriff\"}"
                        .formatted(arrested)),
            officer,
            201);
    UUID eventId = UUID.fromString(recorded.get("id").asString());
    assertThat(recorded.get("source").asString()).isEqualTo("ENTERED");
    assertThat(recorded.get("retractable").asBoolean()).isTrue();
    // The person had no row in the read model yet: the entry made one, for the person's agency.
    assertThat(
            jdbc.sql("SELECT agency_id FROM outcomes_person WHERE id = ?")
                .param(person.person())
                .query(UUID.class)
                .single())
        .isEqualTo(agency.value());
    assertThat(published.stream(OutcomeRecordsChanged.class))
        .anyMatch(
            changed ->
                changed.agency().equals(agency.value())
                    && changed.people().equals(Set.of(person.person())));

    JsonNode listed = call(get(base), officer, 200);
    assertThat(listed.get("events")).hasSize(1);
    assertThat(listed.get("events").get(0).get("offenseCategory").asString()).isEqualTo("DUI");
    assertThat(listed.get("events").get(0).get("occurredOn").asString())
        .isEqualTo(arrested.toString());

    call(post(base + "/" + eventId + "/retraction").content("{}"), officer, 400);
    call(
        post(base + "/" + eventId + "/retraction").content("{\"reason\":\"Wrong person\"}"),
        officer,
        204);
    JsonNode after = call(get(base), officer, 200);
    assertThat(after.get("events")).isEmpty();
    assertThat(after.get("retracted")).hasSize(1);
    assertThat(after.get("retracted").get(0).get("reason").asString()).isEqualTo("Wrong person");
    // Once retracted, the corrected event can be recorded again.
    call(
        post(base)
            .content(
                "{\"kind\":\"ARREST\",\"occurredOn\":\"%s\",\"offenseCategory\":\"DUI\"}"
                    .formatted(arrested)),
        officer,
        201);

    assertThat(auditActions(person.person()))
        .contains("outcomes.event.record", "outcomes.events.read", "outcomes.event.retract");
  }

  @Test
  void everyRuleNamesItsFieldAndWritesNothing() throws Exception {
    assertThat(
            fields(
                call(
                    post(base)
                        .content(
                            "{\"kind\":\"EMPLOYMENT_START\",\"occurredOn\":\"%s\"}"
                                .formatted(today.plusDays(1))),
                    officer,
                    400)))
        .containsExactly("occurredOn");
    assertThat(
            fields(
                call(
                    post(base)
                        .content("{\"kind\":\"EMPLOYMENT_START\",\"occurredOn\":\"1899-12-31\"}"),
                    officer,
                    400)))
        .containsExactly("occurredOn");
    // The fixture's people are born in 1990 or later.
    JsonNode beforeBirth =
        call(
            post(base).content("{\"kind\":\"EMPLOYMENT_START\",\"occurredOn\":\"1950-06-01\"}"),
            officer,
            400);
    assertThat(beforeBirth.get("errors").get(0).get("code").asString()).isEqualTo("BeforeBirth");
    assertThat(
            fields(
                call(
                    post(base)
                        .content(
                            "{\"kind\":\"CONVICTION\",\"occurredOn\":\"%s\"}".formatted(today)),
                    officer,
                    400)))
        .containsExactly("offenseCategory");
    assertThat(
            fields(
                call(
                    post(base)
                        .content(
                            "{\"kind\":\"EMPLOYMENT_END\",\"occurredOn\":\"%s\",\"offenseCategory\":\"FRAUD\",\"housingStatus\":\"STABLE\"}"
                                .formatted(today)),
                    officer,
                    400)))
        .containsExactly("offenseCategory", "housingStatus");
    assertThat(
            fields(
                call(
                    post(base)
                        .content(
                            "{\"kind\":\"HOUSING_CHANGE\",\"occurredOn\":\"%s\"}".formatted(today)),
                    officer,
                    400)))
        .containsExactly("housingStatus");
    assertThat(
            fields(
                call(post(base).content("{\"occurredOn\":\"%s\"}".formatted(today)), officer, 400)))
        .containsExactly("kind");
    assertThat(
            fields(
                call(
                    post(base)
                        .content("{\"kind\":\"PARKING\",\"occurredOn\":\"%s\"}".formatted(today)),
                    officer,
                    400)))
        .containsExactly("kind");
    assertThat(
            fields(
                call(
                    post(base).content("{\"kind\":\"ARREST\",\"occurredOn\":\"yesterday\"}"),
                    officer,
                    400)))
        .containsExactly("occurredOn");
    // The person may be in the read model already (the platform copy adds them when their case
    // opens); what a refused entry must not leave is an event.
    assertThat(eventsOf(person.person())).isZero();
  }

  @Test
  void theSameEventTwiceIsAConflict() throws Exception {
    String housing =
        "{\"kind\":\"HOUSING_CHANGE\",\"occurredOn\":\"%s\",\"housingStatus\":\"STABLE\"}"
            .formatted(today.minusDays(3));
    call(post(base).content(housing), officer, 201);
    JsonNode conflict = call(post(base).content(housing), officer, 409);
    assertThat(conflict.get("code").asString()).isEqualTo("outcomes.event.duplicate");
    // Another housing status on the same day is another event.
    call(
        post(base)
            .content(
                "{\"kind\":\"HOUSING_CHANGE\",\"occurredOn\":\"%s\",\"housingStatus\":\"HOMELESS\"}"
                    .formatted(today.minusDays(3))),
        officer,
        201);
    assertThat(eventsOf(person.person())).isEqualTo(2);
  }

  @Test
  void peopleOutsideTheCallersCaseloadOrAgencyDoNotExist() throws Exception {
    String arrest =
        "{\"kind\":\"ARREST\",\"occurredOn\":\"%s\",\"offenseCategory\":\"FRAUD\"}"
            .formatted(today);
    // An officer of the same agency whose caseload the person is not on.
    Supervised someoneElses = supervision.supervised(agency);
    call(post(base).content(arrest), officerOf(agency, someoneElses), 404);
    call(get(base), officerOf(agency, someoneElses), 404);
    // An officer of another agency.
    OrganizationId otherAgency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    Supervised theirs = supervision.supervised(otherAgency);
    call(post(base).content(arrest), officerOf(otherAgency, theirs), 404);
    call(get(base), officerOf(otherAgency, theirs), 404);
    // A person that does not exist answers alike.
    call(get("/api/v1/outcomes/people/" + UUID.randomUUID() + "/events"), officer, 404);
    // Analysts see aggregates only, not a person's events.
    call(get(base), Principals.user(agency, OrganizationKind.PROBATION_AGENCY, Role.ANALYST), 403);
    assertThat(eventsOf(person.person())).isZero();
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyRecordsOnce() throws Exception {
    String key = UUID.randomUUID().toString();
    String body =
        "{\"kind\":\"EMPLOYMENT_START\",\"occurredOn\":\"%s\"}".formatted(today.minusDays(1));
    JsonNode first = call(post(base).header("Idempotency-Key", key).content(body), officer, 201);
    JsonNode second = call(post(base).header("Idempotency-Key", key).content(body), officer, 201);
    assertThat(second.get("id").asString()).isEqualTo(first.get("id").asString());
    assertThat(eventsOf(person.person())).isEqualTo(1);
  }

  private int eventsOf(UUID person) {
    return jdbc.sql("SELECT count(*) FROM outcomes_event WHERE person_id = ?")
        .param(person)
        .query(Integer.class)
        .single();
  }

  private List<String> auditActions(UUID person) {
    return jdbc.sql("SELECT action FROM audit_entry WHERE person_id = ? ORDER BY seq")
        .param(person)
        .query(String.class)
        .list();
  }

  static List<String> fields(JsonNode problem) {
    List<String> fields = new ArrayList<>();
    problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
    return fields;
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
