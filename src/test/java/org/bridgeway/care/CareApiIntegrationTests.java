package org.bridgeway.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.consent.TreatmentEndings;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.UserId;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.testing.CareFixtures;
import org.bridgeway.testing.CareFixtures.Episode;
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
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Treatment episodes and provider reports over the API and the provider's pages: who reaches which
 * episode, the rules of a report and an ending with the fields named, optimistic locking,
 * idempotent posts, the end of treatment as the consent engine sees it, and the audit trail.
 */
@IntegrationTest
@AutoConfigureMockMvc
class CareApiIntegrationTests {

  static final String PROVIDER_EPISODES = "/api/v1/care/provider/episodes/";

  @Autowired MockMvc mvc;
  @Autowired TestUsers testUsers;
  @Autowired SupervisionFixtures supervision;
  @Autowired CareFixtures care;
  @Autowired TreatmentEndings endings;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  OrganizationId agency;
  OrganizationId provider;
  BridgewayPrincipal officer;
  BridgewayPrincipal staff;
  Supervised person;
  LocalDate today;

  @BeforeEach
  void setUp() {
    agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    provider = care.provider();
    UserId officerId = supervision.officer(agency);
    officer =
        BridgewayPrincipal.user(
            officerId,
            agency,
            OrganizationKind.PROBATION_AGENCY,
            "Agency",
            "Officer",
            Set.of(Role.OFFICER));
    staff = Principals.user(provider, OrganizationKind.TREATMENT_PROVIDER, Role.PROVIDER_STAFF);
    person = supervision.supervised(agency, officerId);
    today = LocalDate.now(clock);
  }

  @Test
  void theOfficerRecordsAnEpisodeAndTheProviderSeesOnlyTheNameAndBirthDate() throws Exception {
    JsonNode recorded =
        call(
            post("/api/v1/care/people/" + person.person() + "/episodes")
                .content(
                    "{\"providerId\":\"%s\",\"basis\":\"COURT_ORDERED\",\"startedOn\":\"%s\"}"
                        .formatted(provider, person.startedOn())),
            officer,
            201);
    String id = recorded.get("id").asString();

    JsonNode list = call(get("/api/v1/care/provider/episodes"), staff, 200);
    assertThat(list).hasSize(1);
    JsonNode shown = list.get(0);
    assertThat(shown.get("id").asString()).isEqualTo(id);
    assertThat(shown.get("personName").asString()).startsWith("Fixture");
    assertThat(shown.get("personDateOfBirth").isNull()).isFalse();
    List<String> fields = new ArrayList<>();
    shown.propertyNames().forEach(fields::add);
    assertThat(fields)
        .doesNotContain("caseId", "officerId", "address", "identifiers", "conditions", "phone");

    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_entry WHERE action = 'care.episode.record'"
                        + " AND record_id = :id AND person_id = :person")
                .param("id", UUID.fromString(id))
                .param("person", person.person())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void anEpisodeAtAnotherProviderIsNotThereForItsStaff() throws Exception {
    Episode episode = care.episode(agency, person, provider);
    OrganizationId other = care.provider();
    BridgewayPrincipal otherStaff =
        Principals.user(other, OrganizationKind.TREATMENT_PROVIDER, Role.PROVIDER_STAFF);
    BridgewayPrincipal otherAdmin =
        Principals.user(other, OrganizationKind.TREATMENT_PROVIDER, Role.NETWORK_ADMIN);

    call(get(PROVIDER_EPISODES + episode.id()), otherStaff, 404);
    call(get(PROVIDER_EPISODES + episode.id()), otherAdmin, 404);
    call(
        post(PROVIDER_EPISODES + episode.id() + "/reports")
            .content(
                "{\"category\":\"ATTENDANCE\",\"reportedOn\":\"%s\",\"summary\":\"Attended\"}"
                    .formatted(today)),
        otherStaff,
        404);
    assertThat(call(get("/api/v1/care/provider/episodes"), otherStaff, 200)).isEmpty();
    mvc.perform(
            get("/care/provider/episodes/" + episode.id())
                .with(authentication(Principals.authenticationOf(otherStaff))))
        .andExpect(status().isNotFound());
    call(get(PROVIDER_EPISODES + UUID.randomUUID()), staff, 404);
    assertThat(reportsOf(episode)).isZero();
  }

  @Test
  void onlyTheAgencysStaffWhoSeeThePersonReachTheirTreatment() throws Exception {
    BridgewayPrincipal colleague =
        BridgewayPrincipal.user(
            supervision.officer(agency),
            agency,
            OrganizationKind.PROBATION_AGENCY,
            "Agency",
            "Colleague",
            Set.of(Role.OFFICER));
    call(get("/api/v1/care/people/" + person.person() + "/treatment"), colleague, 404);
    call(
        post("/api/v1/care/people/" + person.person() + "/episodes")
            .content(
                "{\"providerId\":\"%s\",\"basis\":\"VOLUNTARY\",\"startedOn\":\"%s\"}"
                    .formatted(provider, today)),
        colleague,
        404);
    mvc.perform(
            get("/care/people/" + person.person() + "/treatment")
                .with(authentication(Principals.authenticationOf(colleague))))
        .andExpect(status().isNotFound());
    call(get("/api/v1/care/people/" + person.person() + "/treatment"), officer, 200);
  }

  @Test
  void anEpisodeIsRecordedOnlyAtAnActiveTreatmentProviderAndNotInTheFuture() throws Exception {
    OrganizationId court = testUsers.organization(OrganizationKind.COURT);
    JsonNode problem =
        call(
            post("/api/v1/care/people/" + person.person() + "/episodes")
                .content(
                    "{\"providerId\":\"%s\",\"basis\":\"VOLUNTARY\",\"startedOn\":\"%s\"}"
                        .formatted(court, today.plusDays(1))),
            officer,
            400);
    assertThat(fieldsOf(problem)).containsExactlyInAnyOrder("providerId", "startedOn");
    JsonNode missing =
        call(
            post("/api/v1/care/people/" + person.person() + "/episodes")
                .content("{\"basis\":\"SOMETIMES\"}"),
            officer,
            400);
    assertThat(fieldsOf(missing)).contains("basis");
    assertThat(
            jdbc.sql("SELECT count(*) FROM care_episode WHERE person_id = :p")
                .param("p", person.person())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aReportNamesEveryFieldAtFaultAndWritesNothing() throws Exception {
    Episode episode = care.episode(agency, person, provider);
    String reports = PROVIDER_EPISODES + episode.id() + "/reports";

    JsonNode future =
        call(
            post(reports)
                .content(
                    "{\"category\":\"DRUG_TEST_RESULTS\",\"reportedOn\":\"%s\",\"summary\":\"Screen\"}"
                        .formatted(today.plusDays(1))),
            staff,
            400);
    assertThat(fieldsOf(future)).containsExactlyInAnyOrder("reportedOn", "result");
    JsonNode before =
        call(
            post(reports)
                .content(
                    "{\"category\":\"ATTENDANCE\",\"reportedOn\":\"%s\",\"summary\":\"Attended\",\"result\":\"NEGATIVE\",\"substances\":[\"ALCOHOL\"]}"
                        .formatted(person.startedOn().minusDays(1))),
            staff,
            400);
    assertThat(fieldsOf(before)).containsExactlyInAnyOrder("reportedOn", "result", "substances");
    JsonNode blank =
        call(
            post(reports)
                .content(
                    "{\"category\":\"PROGRESS\",\"reportedOn\":\"%s\",\"summary\":\"%s\"}"
                        .formatted(today, "x".repeat(2001))),
            staff,
            400);
    assertThat(fieldsOf(blank)).containsExactly("summary");
    JsonNode unknown =
        call(
            post(reports)
                .content(
                    "{\"category\":\"GOSSIP\",\"reportedOn\":\"%s\",\"summary\":\"x\"}"
                        .formatted(today)),
            staff,
            400);
    assertThat(fieldsOf(unknown)).containsExactly("category");
    assertThat(reportsOf(episode)).isZero();

    JsonNode posted =
        call(
            post(reports)
                .content(
                    "{\"category\":\"DRUG_TEST_RESULTS\",\"reportedOn\":\"%s\",\"summary\":\"Observed screen\",\"result\":\"POSITIVE\",\"substances\":[\"FENTANYL\"]}"
                        .formatted(today)),
            staff,
            201);
    assertThat(posted.get("sensitivity").asString()).isIn("HEALTH", "PART_2");
    assertThat(posted.get("substances").get(0).asString()).isEqualTo("FENTANYL");
    String details =
        jdbc.sql(
                "SELECT details::text FROM audit_entry WHERE action = 'care.report.post'"
                    + " AND record_id = :id")
            .param("id", UUID.fromString(posted.get("id").asString()))
            .query(String.class)
            .single();
    assertThat(details).contains("DRUG_TEST_RESULTS", "POSITIVE").doesNotContain("Observed");
    assertThat(details).doesNotContain("FENTANYL");
  }

  @Test
  void aRetriedPostWithTheSameIdempotencyKeyPostsOnce() throws Exception {
    Episode episode = care.episode(agency, person, provider);
    String body =
        "{\"category\":\"ATTENDANCE\",\"reportedOn\":\"%s\",\"summary\":\"Attended\"}"
            .formatted(today);
    String key = "retry-" + UUID.randomUUID();
    MvcResult first =
        mvc.perform(
                post(PROVIDER_EPISODES + episode.id() + "/reports")
                    .header("Idempotency-Key", key)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body)
                    .with(authentication(Principals.authenticationOf(staff))))
            .andExpect(status().isCreated())
            .andReturn();
    MvcResult second =
        mvc.perform(
                post(PROVIDER_EPISODES + episode.id() + "/reports")
                    .header("Idempotency-Key", key)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body)
                    .with(authentication(Principals.authenticationOf(staff))))
            .andExpect(status().isCreated())
            .andReturn();
    assertThat(second.getResponse().getHeader("Idempotent-Replayed")).isEqualTo("true");
    assertThat(second.getResponse().getContentAsString())
        .isEqualTo(first.getResponse().getContentAsString());
    assertThat(reportsOf(episode)).isEqualTo(1);
  }

  @Test
  void theProviderEndsAnEpisodeOnceWithTheVersionItReadAndTreatmentEndsForTheEngine()
      throws Exception {
    Episode episode = care.episode(agency, person, provider);
    String end = PROVIDER_EPISODES + episode.id() + "/end";
    PersonId personId = new PersonId(person.person());
    assertThat(endings.treatmentEndedOn(personId, provider)).isEmpty();

    JsonNode early =
        call(
            post(end)
                .content(
                    "{\"endedOn\":\"%s\",\"reason\":\"COMPLETED\",\"version\":%d}"
                        .formatted(person.startedOn().minusDays(1), episode.version())),
            staff,
            400);
    assertThat(fieldsOf(early)).containsExactly("endedOn");
    call(
        post(end)
            .content(
                "{\"endedOn\":\"%s\",\"reason\":\"COMPLETED\",\"version\":%d}"
                    .formatted(today, episode.version() + 1)),
        staff,
        409);
    JsonNode ended =
        call(
            post(end)
                .content(
                    "{\"endedOn\":\"%s\",\"reason\":\"NON_ATTENDANCE\",\"version\":%d}"
                        .formatted(today, episode.version())),
            staff,
            200);
    assertThat(ended.get("endReason").asString()).isEqualTo("NON_ATTENDANCE");
    JsonNode again =
        call(
            post(end)
                .content(
                    "{\"endedOn\":\"%s\",\"reason\":\"COMPLETED\",\"version\":%d}"
                        .formatted(today, ended.get("version").asLong())),
            staff,
            422);
    assertThat(again.get("code").asString()).isEqualTo("care.episode.ended");
    assertThat(endings.treatmentEndedOn(personId, provider)).contains(today);
  }

  @Test
  void theProvidersReportFormRejectsBadInputBesideTheFields() throws Exception {
    Episode episode = care.episode(agency, person, provider);
    String page =
        mvc.perform(
                post("/care/provider/episodes/" + episode.id() + "/reports")
                    .with(csrf())
                    .param("category", "DRUG_TEST_RESULTS")
                    .param("reportedOn", "tomorrow")
                    .param("summary", "")
                    .param("result", "")
                    .with(authentication(Principals.authenticationOf(staff))))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("Enter a date as YYYY-MM-DD", "Enter a summary", "id=\"error-summary\"");
    mvc.perform(
            post("/care/provider/episodes/" + episode.id() + "/reports")
                .with(csrf())
                .param("category", "DRUG_TEST_RESULTS")
                .param("reportedOn", today.toString())
                .param("summary", "Observed screen")
                .param("result", "")
                .with(authentication(Principals.authenticationOf(staff))))
        .andExpect(status().isBadRequest());
    assertThat(reportsOf(episode)).isZero();
  }

  private long reportsOf(Episode episode) {
    return jdbc.sql("SELECT count(*) FROM care_report WHERE episode_id = :id")
        .param("id", episode.id())
        .query(Long.class)
        .single();
  }

  static List<String> fieldsOf(JsonNode problem) {
    List<String> fields = new ArrayList<>();
    problem.get("errors").forEach(error -> fields.add(error.get("field").asString()));
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
