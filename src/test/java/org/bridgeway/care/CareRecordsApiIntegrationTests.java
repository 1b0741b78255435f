package org.bridgeway.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.testing.CareFixtures;
import org.bridgeway.testing.CareFixtures.Appt;
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
 * The provider's records over the API: the rules of appointments and attendance (no attendance
 * before the time, reasons for no-shows, the history of moves, cancellation), the plan's revisions,
 * progress against the plan's goals, tests and the discharge, with the fields at fault named, stale
 * versions refused, retries and external ids written once, other providers kept out, the signals
 * the officer's side listens to, and ids-only audit entries.
 */
@IntegrationTest
@AutoConfigureMockMvc
class CareRecordsApiIntegrationTests {

  static final String EPISODES = "/api/v1/care/provider/episodes/";

  @Autowired MockMvc mvc;
  @Autowired TestUsers testUsers;
  @Autowired SupervisionFixtures supervision;
  @Autowired CareFixtures care;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  OrganizationId agency;
  OrganizationId provider;
  BridgewayPrincipal staff;
  Episode episode;
  String base;

  @BeforeEach
  void setUp() {
    agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    provider = care.provider();
    staff = Principals.user(provider, OrganizationKind.TREATMENT_PROVIDER, Role.PROVIDER_STAFF);
    Supervised person = supervision.supervised(agency, supervision.officer(agency));
    episode = care.episode(agency, person, provider);
    base = EPISODES + episode.id();
  }

  @Test
  void anAppointmentIsMovedWithItsHistoryKeptThenCancelledOnce() throws Exception {
    Instant first = clock.instant().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES);
    JsonNode scheduled =
        call(
            post(base + "/appointments")
                .content(
                    "{\"kind\":\"INTAKE\",\"mode\":\"IN_PERSON\",\"startsAt\":\"%s\",\"durationMinutes\":60,\"location\":\"Room 4\"}"
                        .formatted(first)),
            201);
    String id = scheduled.get("id").asString();
    String appointment = base + "/appointments/" + id;
    Instant second = first.plus(Duration.ofDays(2));

    JsonNode moved =
        call(
            post(appointment + "/reschedule")
                .content(
                    "{\"startsAt\":\"%s\",\"requestedBy\":\"PERSON\",\"reason\":\"Work shift\",\"version\":%d}"
                        .formatted(second, scheduled.get("version").asLong())),
            200);
    assertThat(Instant.parse(moved.get("startsAt").asString())).isEqualTo(second);
    JsonNode change = moved.get("changes").get(0);
    assertThat(change.get("kind").asString()).isEqualTo("RESCHEDULED");
    assertThat(change.get("requestedBy").asString()).isEqualTo("PERSON");
    assertThat(Instant.parse(change.get("oldStartsAt").asString())).isEqualTo(first);
    assertThat(Instant.parse(change.get("newStartsAt").asString())).isEqualTo(second);

    JsonNode missingReason =
        call(
            post(appointment + "/cancel")
                .content(
                    "{\"requestedBy\":\"OFFICER\",\"version\":%d}"
                        .formatted(moved.get("version").asLong())),
            400);
    assertThat(fields(missingReason)).containsExactly("reason");

    JsonNode cancelled =
        call(
            post(appointment + "/cancel")
                .content(
                    "{\"requestedBy\":\"OFFICER\",\"reason\":\"Court date\",\"version\":%d}"
                        .formatted(moved.get("version").asLong())),
            200);
    assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
    assertThat(cancelled.get("changes")).hasSize(2);
    call(
        post(appointment + "/cancel")
            .content(
                "{\"requestedBy\":\"OFFICER\",\"reason\":\"Again\",\"version\":%d}"
                    .formatted(cancelled.get("version").asLong())),
        422);
    assertThat(care.signalsAbout(UUID.fromString(id)))
        .containsExactly(
            CareSignal.Kind.APPOINTMENT_SCHEDULED,
            CareSignal.Kind.APPOINTMENT_CHANGED,
            CareSignal.Kind.APPOINTMENT_CANCELLED);
    assertThat(
            jdbc.sql(
                    "SELECT string_agg(action || ' ' || details::text, ';') FROM audit_entry"
                        + " WHERE record_id = :id")
                .param("id", UUID.fromString(id))
                .query(String.class)
                .single())
        .contains("care.appointment.schedule", "care.appointment.cancel")
        .doesNotContain("Room 4", "Work shift", "Court date");
  }

  @Test
  void attendanceWaitsForTheAppointmentAndNoShowsNeedAReason() throws Exception {
    Appt future = care.appointment(episode, clock.instant().plus(Duration.ofHours(2)));
    JsonNode tooEarly =
        call(
            post(base + "/appointments/" + future.id() + "/attendance")
                .content("{\"outcome\":\"ATTENDED\",\"version\":%d}".formatted(future.version())),
            400);
    assertThat(fields(tooEarly)).containsExactly("startsAt");

    Appt past = care.pastAppointment(episode);
    String attendance = base + "/appointments/" + past.id() + "/attendance";
    JsonNode noReason =
        call(
            post(attendance)
                .content(
                    "{\"outcome\":\"NO_SHOW_UNEXCUSED\",\"version\":%d}".formatted(past.version())),
            400);
    assertThat(fields(noReason)).containsExactly("reason");
    call(
        post(attendance)
            .content("{\"outcome\":\"ATTENDED\",\"version\":%d}".formatted(past.version() + 1)),
        409);

    JsonNode recorded =
        call(
            post(attendance)
                .content(
                    "{\"outcome\":\"NO_SHOW_UNEXCUSED\",\"reason\":\"No call\",\"sessionNote\":\"Clinical note\",\"feedback\":\"Third miss\",\"concerns\":[\"RELAPSE\"],\"version\":%d}"
                        .formatted(past.version())),
            200);
    assertThat(recorded.get("status").asString()).isEqualTo("HELD");
    assertThat(recorded.get("attendance").get("outcome").asString()).isEqualTo("NO_SHOW_UNEXCUSED");
    assertThat(care.signalsAbout(past.id()))
        .containsExactly(
            CareSignal.Kind.APPOINTMENT_SCHEDULED,
            CareSignal.Kind.ATTENDANCE_RECORDED,
            CareSignal.Kind.NO_SHOW_UNEXCUSED,
            CareSignal.Kind.CONCERN_FLAGGED);
    call(
        post(attendance)
            .content(
                "{\"outcome\":\"ATTENDED\",\"version\":%d}"
                    .formatted(recorded.get("version").asLong())),
        422);
  }

  @Test
  void anotherProvidersEpisodeAndAnotherEpisodesAppointmentAreNotFound() throws Exception {
    Appt appointment = care.pastAppointment(episode);
    BridgewayPrincipal otherStaff =
        Principals.user(care.provider(), OrganizationKind.TREATMENT_PROVIDER, Role.PROVIDER_STAFF);
    call(get(base + "/appointments"), otherStaff, 404);
    call(get(base + "/plan"), otherStaff, 404);
    call(
        post(base + "/appointments/" + appointment.id() + "/attendance")
            .content("{\"outcome\":\"ATTENDED\",\"version\":%d}".formatted(appointment.version())),
        otherStaff,
        404);

    Episode second =
        care.episode(agency, supervision.supervised(agency, supervision.officer(agency)), provider);
    call(
        post(EPISODES + second.id() + "/appointments/" + appointment.id() + "/attendance")
            .content("{\"outcome\":\"ATTENDED\",\"version\":%d}".formatted(appointment.version())),
        404);
  }

  @Test
  void aRetriedScheduleOrARepeatedExternalIdSchedulesOnce() throws Exception {
    String body =
        "{\"kind\":\"GROUP\",\"mode\":\"VIDEO\",\"startsAt\":\"%s\",\"durationMinutes\":90,\"externalId\":\"EHR-%s\"}"
            .formatted(clock.instant().plus(Duration.ofDays(1)), UUID.randomUUID());
    String key = "retry-" + UUID.randomUUID();
    MvcResult first = idempotent(base + "/appointments", key, body, 201);
    MvcResult replay = idempotent(base + "/appointments", key, body, 201);
    assertThat(replay.getResponse().getHeader("Idempotent-Replayed")).isEqualTo("true");
    JsonNode again = call(post(base + "/appointments").content(body), 200);
    assertThat(again.get("id").asString())
        .isEqualTo(
            JsonMapper.shared()
                .readTree(first.getResponse().getContentAsString())
                .get("id")
                .asString());
    assertThat(call(get(base + "/appointments"), 200)).hasSize(1);
  }

  @Test
  void thePlanIsRevisedFromTheRevisionReadAndProgressRatesItsGoals() throws Exception {
    LocalDate today = LocalDate.now(clock);
    JsonNode plan =
        call(
            post(base + "/plan")
                .content(
                    "{\"levelOfCare\":\"ASAM_2_1\",\"plannedSessions\":24,\"effectiveOn\":\"%s\",\"goals\":[{\"description\":\"No substance use\"},{\"description\":\"\"}]}"
                        .formatted(today)),
            400);
    assertThat(fields(plan)).containsExactly("goals[1].description");
    plan =
        call(
            post(base + "/plan")
                .content(
                    "{\"levelOfCare\":\"ASAM_2_1\",\"plannedSessions\":24,\"effectiveOn\":\"%s\",\"goals\":[{\"description\":\"No substance use\"}]}"
                        .formatted(today)),
            201);
    String goal = plan.get("goals").get(0).get("goalId").asString();
    String revision =
        "{\"levelOfCare\":\"ASAM_1\",\"plannedSessions\":12,\"effectiveOn\":\"%s\",\"goals\":[{\"goalId\":\"%s\",\"description\":\"No substance use\"},{\"description\":\"Employment\"}],\"revises\":%d}";
    JsonNode unsaid =
        call(
            post(base + "/plan")
                .content(
                    "{\"levelOfCare\":\"ASAM_1\",\"plannedSessions\":12,\"effectiveOn\":\"%s\",\"goals\":[{\"description\":\"Employment\"}]}"
                        .formatted(today)),
            400);
    assertThat(fields(unsaid)).containsExactly("revises");
    call(post(base + "/plan").content(revision.formatted(today, goal, 0)), 409);
    JsonNode revised = call(post(base + "/plan").content(revision.formatted(today, goal, 1)), 201);
    assertThat(revised.get("revision").asInt()).isEqualTo(2);
    assertThat(revised.get("goals").get(0).get("goalId").asString()).isEqualTo(goal);
    JsonNode history = call(get(base + "/plan"), 200);
    assertThat(history.get("plan").get("revision").asInt()).isEqualTo(2);
    assertThat(history.get("revisions")).hasSize(2);

    String progress =
        "{\"periodFrom\":\"%s\",\"periodTo\":\"%s\",\"engagement\":\"PARTIAL\",\"summary\":\"Coming along\",\"goals\":[{\"goalId\":\"%s\",\"progress\":\"IMPROVING\"}]}";
    JsonNode unknown =
        call(
            post(base + "/progress-reports")
                .content(progress.formatted(today, today, UUID.randomUUID())),
            400);
    assertThat(fields(unknown)).containsExactly("goals[0].goalId");
    JsonNode future =
        call(
            post(base + "/progress-reports")
                .content(progress.formatted(today, today.plusDays(1), goal)),
            400);
    assertThat(fields(future)).containsExactly("periodTo");
    JsonNode posted =
        call(post(base + "/progress-reports").content(progress.formatted(today, today, goal)), 201);
    assertThat(posted.get("planRevision").asInt()).isEqualTo(2);
  }

  @Test
  void aTestNeedsASpecimenUnlessMissedAndAlertingResultsSignal() throws Exception {
    LocalDate today = LocalDate.now(clock);
    JsonNode noSpecimen =
        call(
            post(base + "/drug-tests")
                .content(
                    "{\"collectedOn\":\"%s\",\"panel\":\"TEN_PANEL\",\"method\":\"URINE\",\"result\":\"POSITIVE\",\"found\":[\"COCAINE\"]}"
                        .formatted(today)),
            400);
    assertThat(fields(noSpecimen)).containsExactly("specimenId");
    JsonNode positive =
        call(
            post(base + "/drug-tests")
                .content(
                    "{\"collectedOn\":\"%s\",\"panel\":\"TEN_PANEL\",\"method\":\"URINE\",\"specimenId\":\"LAB-9\",\"result\":\"POSITIVE\",\"found\":[\"COCAINE\"],\"confirmation\":\"PENDING\"}"
                        .formatted(today)),
            201);
    JsonNode missed =
        call(
            post(base + "/drug-tests")
                .content(
                    "{\"collectedOn\":\"%s\",\"panel\":\"ALCOHOL_ETG\",\"method\":\"BREATH\",\"result\":\"MISSED\"}"
                        .formatted(today)),
            201);
    JsonNode negative =
        call(
            post(base + "/drug-tests")
                .content(
                    "{\"collectedOn\":\"%s\",\"panel\":\"FIVE_PANEL\",\"method\":\"ORAL_FLUID\",\"specimenId\":\"LAB-10\",\"result\":\"NEGATIVE\"}"
                        .formatted(today)),
            201);
    assertThat(care.signalsAbout(UUID.fromString(positive.get("id").asString())))
        .containsExactly(CareSignal.Kind.TEST_POSITIVE);
    assertThat(care.signalsAbout(UUID.fromString(missed.get("id").asString())))
        .containsExactly(CareSignal.Kind.TEST_MISSED);
    assertThat(care.signalsAbout(UUID.fromString(negative.get("id").asString()))).isEmpty();
    assertThat(call(get(base + "/drug-tests"), 200)).hasSize(3);
  }

  @Test
  void theDischargeEndsTheEpisodeOnceFromTheVersionRead() throws Exception {
    List<UUID> goals = care.plan(episode);
    LocalDate today = LocalDate.now(clock);
    String body =
        "{\"dischargedOn\":\"%s\",\"reason\":\"NON_ATTENDANCE\",\"summary\":\"Stopped coming\",\"goals\":[{\"goalId\":\"%s\",\"outcome\":\"PARTLY\"}],\"version\":%d}";
    call(post(base + "/discharge").content(body.formatted(today, goals.get(0), 99)), 409);
    JsonNode discharged =
        call(
            post(base + "/discharge")
                .content(body.formatted(today, goals.get(0), episode.version())),
            201);
    JsonNode ended = call(get(base), 200);
    assertThat(ended.get("endReason").asString()).isEqualTo("NON_ATTENDANCE");
    assertThat(care.signalsAbout(UUID.fromString(discharged.get("id").asString())))
        .containsExactly(CareSignal.Kind.DISCHARGED_NOT_COMPLETED);
    call(
        post(base + "/discharge")
            .content(body.formatted(today, goals.get(0), ended.get("version").asLong())),
        422);
    call(
        post(base + "/appointments")
            .content(
                "{\"kind\":\"INDIVIDUAL\",\"mode\":\"PHONE\",\"startsAt\":\"%s\",\"durationMinutes\":30}"
                    .formatted(clock.instant().plus(Duration.ofDays(1)))),
        422);
  }

  private MvcResult idempotent(String path, String key, String body, int expected)
      throws Exception {
    return mvc.perform(
            post(path)
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .with(authentication(Principals.authenticationOf(staff))))
        .andExpect(status().is(expected))
        .andReturn();
  }

  private static List<String> fields(JsonNode problem) {
    List<String> fields = new ArrayList<>();
    problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
    return fields;
  }

  private JsonNode call(MockHttpServletRequestBuilder request, int expected) throws Exception {
    return call(request, staff, expected);
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
