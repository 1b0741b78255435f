package org.bridgeway.care.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.care.CareSignal;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.testing.CareFixtures;
import org.bridgeway.testing.CareFixtures.Episode;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.Principals;
import org.bridgeway.testing.SupervisionFixtures;
import org.bridgeway.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The providers' attendance upload end to end over the API: a file becomes a job that checks every
 * row, writes all or nothing, is idempotent when sent again, keeps what a changed row replaced,
 * reports each bad row by row, column and code, never reaches another provider's episodes,
 * appointments or jobs, is audited once with counts and signals recent attendance.
 */
@IntegrationTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class CareUploadIntegrationTests {

  static final String UPLOADS = "/api/v1/care/provider/uploads";
  static final String HEADER =
      "external_id,episode_id,starts_at,duration_minutes,kind,mode,attendance,reason\n";

  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired SupervisionFixtures supervision;
  @Autowired CareFixtures care;
  @Autowired UploadRunner runner;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  @Autowired ApplicationEvents events;

  OrganizationId provider;
  BridgewayPrincipal staff;
  Episode episode;
  String tag;
  Instant yesterday;

  @BeforeEach
  void setUp() {
    OrganizationId agency = users.organization(OrganizationKind.PROBATION_AGENCY);
    provider = care.provider();
    staff = CareFixtures.staffOf(provider);
    episode = care.episode(agency, supervision.supervised(agency), provider);
    tag = Long.toHexString(UUID.randomUUID().getMostSignificantBits()).substring(0, 8);
    yesterday = clock.instant().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
  }

  private String row(String external, UUID episodeId, Instant at, String outcome, String reason) {
    return "%s-%s,%s,%s,60,INDIVIDUAL,IN_PERSON,%s,%s\n"
        .formatted(tag, external, episodeId, at, outcome, reason == null ? "" : reason);
  }

  private String threeSessions() {
    return HEADER
        + row("1", episode.id(), yesterday.minus(Duration.ofDays(14)), "ATTENDED", null)
        + row(
            "2", episode.id(), yesterday.minus(Duration.ofDays(7)), "NO_SHOW_UNEXCUSED", "No call")
        + row("3", episode.id(), yesterday, "CANCELLED_BY_PROVIDER", "Counselor ill");
  }

  @Test
  void aFileOfNewAppointmentsIsWrittenWithTheirAttendanceAuditedOnceAndSignalled()
      throws Exception {
    JsonNode queued = upload(threeSessions(), staff, 202);
    assertThat(queued.get("status").asString()).isEqualTo("QUEUED");
    assertThat(queued.get("rows").asInt()).isEqualTo(3);
    UUID id = UUID.fromString(queued.get("id").asString());

    JsonNode done = run(id);
    assertThat(done.get("status").asString()).isEqualTo("SUCCEEDED");
    assertThat(done.get("percent").asInt()).isEqualTo(100);
    assertThat(done.get("report").get("created").asInt()).isEqualTo(3);
    assertThat(done.get("report").get("updated").asInt()).isZero();
    assertThat(outcomes())
        .containsExactly(
            Map.entry(tag + "-1", "HELD/ATTENDED"),
            Map.entry(tag + "-2", "HELD/NO_SHOW_UNEXCUSED"),
            Map.entry(tag + "-3", "CANCELLED/CANCELLED_BY_PROVIDER"));
    assertThat(
            jdbc.sql(
                    "SELECT details->>'created' FROM audit_entry WHERE action = 'care.upload'"
                        + " AND record_id = ? AND outcome = 'SUCCESS'")
                .param(id)
                .query(String.class)
                .list())
        .containsExactly("3");
    // Signals for the sessions of the last 14 days only: the one of 15 days ago is history.
    List<CareSignal> signals = events.stream(CareSignal.class).toList();
    assertThat(signals)
        .extracting(CareSignal::kind)
        .containsExactlyInAnyOrder(
            CareSignal.Kind.ATTENDANCE_RECORDED,
            CareSignal.Kind.ATTENDANCE_RECORDED,
            CareSignal.Kind.NO_SHOW_UNEXCUSED);
    assertThat(signals).allMatch(s -> s.episode().value().equals(episode.id()));
    assertThat(signals)
        .extracting(CareSignal::day)
        .doesNotContain(
            yesterday.minus(Duration.ofDays(14)).atOffset(java.time.ZoneOffset.UTC).toLocalDate());
  }

  @Test
  void theSameFileSentAgainChangesNothingAndAChangedRowKeepsWhatItReplaced() throws Exception {
    run(UUID.fromString(upload(threeSessions(), staff, 202).get("id").asString()));
    Map<String, Long> versions = versions();

    JsonNode again = run(UUID.fromString(upload(threeSessions(), staff, 202).get("id").asString()));
    assertThat(again.get("status").asString()).isEqualTo("SUCCEEDED");
    assertThat(again.get("report").get("unchanged").asInt()).isEqualTo(3);
    assertThat(again.get("report").get("created").asInt()).isZero();
    assertThat(again.get("report").get("updated").asInt()).isZero();
    assertThat(versions()).isEqualTo(versions);

    String corrected =
        threeSessions().replace("NO_SHOW_UNEXCUSED,No call", "NO_SHOW_EXCUSED,Hospital visit");
    UUID changed = UUID.fromString(upload(corrected, staff, 202).get("id").asString());
    JsonNode report = run(changed).get("report");
    assertThat(report.get("updated").asInt()).isEqualTo(1);
    assertThat(report.get("unchanged").asInt()).isEqualTo(2);
    assertThat(outcomes()).containsEntry(tag + "-2", "HELD/NO_SHOW_EXCUSED");
    assertThat(
            jdbc.sql(
                    "SELECT r.outcome || '/' || r.reason FROM care_appointment_revision r"
                        + " JOIN care_appointment a ON a.id = r.appointment_id"
                        + " WHERE a.external_id = ? AND r.upload_job_id = ?")
                .params(tag + "-2", changed)
                .query(String.class)
                .list())
        .containsExactly("NO_SHOW_UNEXCUSED/No call");
  }

  @Test
  void everyBadRowIsReportedByRowColumnAndCodeAndNothingIsWritten() throws Exception {
    Instant tomorrow = clock.instant().plus(Duration.ofDays(1));
    String file =
        HEADER
            // 2: a good row, not written because others are bad
            + row("1", episode.id(), yesterday, "ATTENDED", null)
            // 3: an episode Bridgeway does not know
            + row("2", UUID.randomUUID(), yesterday, "ATTENDED", null)
            // 4: attendance of an appointment that has not started
            + row("3", episode.id(), tomorrow, "ATTENDED", null)
            // 5: a no-show without its reason
            + row("4", episode.id(), yesterday, "NO_SHOW_EXCUSED", null)
            // 6: a malformed row (a cell too many)
            + row("5", episode.id(), yesterday, "ATTENDED", "x").replace("\n", ",extra\n")
            // 7: the same appointment as row 2
            + row("1", episode.id(), yesterday, "LATE", null)
            // 8: an attendance code that does not exist, and a time that is not a time
            + row("6", episode.id(), yesterday, "MAYBE", null).replace(yesterday.toString(), "soon")
            // 9: hostile text is only text, and too long a reason
            + row("7", episode.id(), yesterday, "NO_SHOW_EXCUSED", "=cmd|' /C calc'!A0".repeat(30));
    UUID id = UUID.fromString(upload(file, staff, 202).get("id").asString());
    JsonNode job = run(id);
    assertThat(job.get("status").asString()).isEqualTo("REJECTED");
    List<String> errors = new ArrayList<>();
    job.get("report")
        .get("errors")
        .forEach(
            e ->
                errors.add(
                    e.get("row").asInt()
                        + " "
                        + e.get("column").asString()
                        + " "
                        + e.get("code").asString()));
    assertThat(errors)
        .containsExactlyInAnyOrder(
            "3 episode_id UnknownEpisode",
            "4 starts_at NotYet",
            "5 reason Required",
            "6  Malformed",
            "7 external_id Duplicate",
            "8 starts_at Invalid",
            "8 attendance Unknown",
            "9 reason Size");
    assertThat(job.get("errorCount").asInt()).isEqualTo(8);
    assertThat(outcomes()).isEmpty();
    assertThat(
            jdbc.sql(
                    "SELECT details->>'errors' FROM audit_entry WHERE action = 'care.upload'"
                        + " AND record_id = ? AND outcome = 'FAILURE'")
                .param(id)
                .query(String.class)
                .list())
        .containsExactly("8");

    String csv = send(get(UPLOADS + "/" + id + "/errors"), staff, 200, true).get("csv").asString();
    assertThat(csv).startsWith("row,column,code,message").contains("UnknownEpisode");
  }

  @Test
  void anotherProvidersEpisodesAppointmentsAndJobsAreUnknownToIt() throws Exception {
    run(UUID.fromString(upload(threeSessions(), staff, 202).get("id").asString()));
    UUID appointment =
        jdbc.sql("SELECT id FROM care_appointment WHERE external_id = ?")
            .param(tag + "-1")
            .query(UUID.class)
            .single();
    OrganizationId other = care.provider();
    BridgewayPrincipal otherStaff = CareFixtures.staffOf(other);
    String file =
        "appointment_id,external_id,episode_id,starts_at,kind,mode,attendance\n"
            + appointment
            + ",,,"
            + yesterday
            + ",INDIVIDUAL,IN_PERSON,ATTENDED\n"
            + ","
            + tag
            + "-x,"
            + episode.id()
            + ","
            + yesterday
            + ",INDIVIDUAL,IN_PERSON,ATTENDED\n";
    JsonNode queued = upload(file, otherStaff, 202);
    UUID id = UUID.fromString(queued.get("id").asString());
    // The first row has no episode: the row needs one, and its appointment is not the provider's.
    JsonNode job = run(id, otherStaff);
    assertThat(job.get("status").asString()).isEqualTo("REJECTED");
    List<String> codes = new ArrayList<>();
    job.get("report")
        .get("errors")
        .forEach(e -> codes.add(e.get("row").asInt() + " " + e.get("code").asString()));
    assertThat(codes).contains("2 Required", "3 UnknownEpisode");

    // With the episode given, the appointment of the other provider is still unknown.
    String second =
        "appointment_id,episode_id,starts_at,kind,mode,attendance\n"
            + appointment
            + ","
            + episode.id()
            + ","
            + yesterday
            + ",INDIVIDUAL,IN_PERSON,ATTENDED\n";
    JsonNode rejected =
        run(UUID.fromString(upload(second, otherStaff, 202).get("id").asString()), otherStaff);
    List<String> again = new ArrayList<>();
    rejected.get("report").get("errors").forEach(e -> again.add(e.get("code").asString()));
    assertThat(again).containsExactly("UnknownEpisode");

    // Appointment ids of the provider's own, unknown to Bridgeway, are reported as such.
    String unknown =
        "appointment_id,episode_id,starts_at,kind,mode,attendance\n"
            + UUID.randomUUID()
            + ","
            + episode.id()
            + ","
            + yesterday
            + ",INDIVIDUAL,IN_PERSON,ATTENDED\n";
    JsonNode third = run(UUID.fromString(upload(unknown, staff, 202).get("id").asString()));
    assertThat(third.get("report").get("errors").get(0).get("code").asString())
        .isEqualTo("UnknownAppointment");

    send(get(UPLOADS + "/" + id), staff, 404, false);
    assertThat(outcomes()).hasSize(3);
  }

  @Test
  void aPersonReferenceFindsTheirEpisodeAtTheProvider() throws Exception {
    String file =
        "external_id,person_id,starts_at,kind,mode,attendance\n"
            + tag
            + "-p,"
            + episode.person()
            + ","
            + yesterday
            + ",GROUP,VIDEO,LATE\n";
    JsonNode job = run(UUID.fromString(upload(file, staff, 202).get("id").asString()));
    assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
    assertThat(
            jdbc.sql("SELECT episode_id FROM care_appointment WHERE external_id = ?")
                .param(tag + "-p")
                .query(UUID.class)
                .single())
        .isEqualTo(episode.id());
  }

  @Test
  void aFileThatIsNotAnAttendanceFileIsRefusedAtOnceAndAMultipartFileIsAccepted() throws Exception {
    JsonNode problem = upload("name,phone\nRosa,555-0100\n", staff, 400);
    assertThat(problem.get("code").asString()).isEqualTo("care.upload.rejected");
    List<String> codes = new ArrayList<>();
    problem.get("errors").forEach(e -> codes.add(e.get("code").asString()));
    assertThat(codes).contains("UnknownColumn", "MissingColumn");
    assertThat(upload(HEADER, staff, 400).get("errors").get(0).get("code").asString())
        .isEqualTo("Empty");

    MockMultipartFile file =
        new MockMultipartFile(
            "file", "sessions.csv", "text/csv", threeSessions().getBytes(StandardCharsets.UTF_8));
    JsonNode queued = send(multipart(UPLOADS).file(file), staff, 202, false);
    assertThat(queued.get("fileName").asString()).isEqualTo("sessions.csv");
  }

  private Map<String, Long> versions() {
    Map<String, Long> versions = new java.util.TreeMap<>();
    jdbc.sql("SELECT external_id, version FROM care_appointment WHERE external_id LIKE ?")
        .param(tag + "-%")
        .query((rs, n) -> versions.put(rs.getString(1), rs.getLong(2)))
        .list();
    return versions;
  }

  /** The appointments of this test by external id: status and attendance outcome. */
  private Map<String, String> outcomes() {
    Map<String, String> found = new java.util.LinkedHashMap<>();
    jdbc.sql(
            "SELECT a.external_id, a.status || '/' || t.outcome FROM care_appointment a"
                + " JOIN care_attendance t ON t.appointment_id = a.id"
                + " WHERE a.external_id LIKE ? ORDER BY a.external_id")
        .param(tag + "-%")
        .query((rs, n) -> found.put(rs.getString(1), rs.getString(2)))
        .list();
    return found;
  }

  private JsonNode run(UUID id) throws Exception {
    return run(id, staff);
  }

  /** Runs the job as the scheduler would (it does not run in tests), then reads it. */
  private JsonNode run(UUID id, BridgewayPrincipal who) throws Exception {
    runner.run(id);
    return send(get(UPLOADS + "/" + id), who, 200, false);
  }

  private JsonNode upload(String file, BridgewayPrincipal who, int expected) throws Exception {
    return send(
        post(UPLOADS).contentType("text/csv").content(file.getBytes(StandardCharsets.UTF_8)),
        who,
        expected,
        false);
  }

  private JsonNode send(
      AbstractMockHttpServletRequestBuilder<?> request,
      BridgewayPrincipal who,
      int expected,
      boolean csv)
      throws Exception {
    String body =
        mvc.perform(request.with(authentication(Principals.authenticationOf(who))))
            .andExpect(status().is(expected))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    if (csv) {
      return JsonMapper.shared().createObjectNode().put("csv", body);
    }
    return body.isEmpty() || !body.startsWith("{")
        ? JsonMapper.shared().nullNode()
        : JsonMapper.shared().readTree(body);
  }
}
