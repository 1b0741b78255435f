package org.bridgeway.care.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.bridgeway.care.AppointmentId;
import org.bridgeway.care.CareSignal;
import org.bridgeway.care.CareSignal.Kind;
import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.care.episode.TreatmentEpisode;
import org.bridgeway.care.episode.TreatmentEpisodes;
import org.bridgeway.care.session.Appointment;
import org.bridgeway.care.session.AppointmentKind;
import org.bridgeway.care.session.AppointmentMode;
import org.bridgeway.care.session.Appointments;
import org.bridgeway.care.session.AttendanceOutcome;
import org.bridgeway.consent.DisclosurePurpose;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.consent.Sensitivity;
import org.bridgeway.consent.directive.ConsentDirectiveRecords;
import org.bridgeway.consent.directive.ConsentDirectiveRecords.NewDirective;
import org.bridgeway.consent.directive.DirectiveKind;
import org.bridgeway.consent.directive.DirectiveTerms;
import org.bridgeway.consent.directive.ExpiryEvent;
import org.bridgeway.consent.directive.FormLanguage;
import org.bridgeway.consent.directive.SignatureMethod;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.UserId;
import org.bridgeway.supervision.CaseId;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.caseload.CaseRecords;
import org.bridgeway.supervision.caseload.ConditionKind;
import org.bridgeway.testing.CareFixtures;
import org.bridgeway.testing.CareFixtures.Episode;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.MutableClock;
import org.bridgeway.testing.Principals;
import org.bridgeway.testing.SupervisionFixtures;
import org.bridgeway.testing.SupervisionFixtures.Supervised;
import org.bridgeway.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Treatment alerts against the real database, consent engine and caseload: each rule raises exactly
 * one alert when it should and none otherwise (redelivered signals included), the agency's rules
 * change that, officers acknowledge alerts with an action, the escalation job hands unacknowledged
 * ones to the supervisor, the alert's details are withheld without consent, and the caseload counts
 * open alerts per person.
 */
@IntegrationTest
@AutoConfigureMockMvc
class CareAlertsIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired SupervisionFixtures supervision;
  @Autowired CareFixtures care;
  @Autowired AlertRaiser raiser;
  @Autowired AlertWatch watch;
  @Autowired ConsentDirectiveRecords directives;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;
  @Autowired TreatmentEpisodes episodes;
  @Autowired Appointments appointments;
  @Autowired CaseRecords cases;

  OrganizationId agency;
  OrganizationId provider;
  UserId officerId;
  UserId supervisorId;
  BridgewayPrincipal officer;
  BridgewayPrincipal supervisor;
  Supervised person;
  Episode episode;
  int sessions;

  @BeforeEach
  void setUp() {
    agency = users.organization(OrganizationKind.PROBATION_AGENCY);
    provider = care.provider();
    officerId = supervision.officer(agency);
    supervisorId = users.withoutSecondFactor(agency, Role.SUPERVISOR).id();
    jdbc.sql(
            "INSERT INTO supervision_team_member (officer_id, organization_id, supervisor_id,"
                + " linked_at, linked_by) VALUES (?, ?, ?, now(), 'test')")
        .params(officerId.value(), agency.value(), supervisorId.value())
        .update();
    officer = staff(officerId, Role.OFFICER);
    supervisor = staff(supervisorId, Role.SUPERVISOR);
    person = supervision.supervised(agency, officerId);
    episode = care.episode(agency, person, provider);
  }

  @Test
  void twoUnexcusedNoShowsInARowRaiseOneAlertAndAttendanceStartsTheCountAgain() {
    assertThat(noShow()).isEmpty();
    // An excused no-show neither counts nor breaks the run.
    assertThat(session(AttendanceOutcome.NO_SHOW_EXCUSED, Kind.ATTENDANCE_RECORDED)).isEmpty();
    UUID second = appointment(AttendanceOutcome.NO_SHOW_UNEXCUSED);
    Optional<CareAlert> raised = apply(Kind.NO_SHOW_UNEXCUSED, second);
    assertThat(raised).isPresent();
    assertThat(raised.get().rule()).isEqualTo(AlertRule.NO_SHOWS_IN_A_ROW);
    assertThat(raised.get().triggerIds()).hasSize(2).endsWith(second);
    assertThat(raised.get().officers()).containsExactly(officerId.value());

    // A third no-show of the same run, and the second one redelivered, raise nothing new.
    assertThat(noShow()).isEmpty();
    assertThat(apply(Kind.NO_SHOW_UNEXCUSED, second)).isEmpty();
    assertThat(alerts(AlertRule.NO_SHOWS_IN_A_ROW)).isEqualTo(1);

    // Attendance ends the run: one no-show is not enough, two are a new run.
    assertThat(session(AttendanceOutcome.LATE, Kind.ATTENDANCE_RECORDED)).isEmpty();
    assertThat(noShow()).isEmpty();
    assertThat(noShow()).isPresent();
    assertThat(alerts(AlertRule.NO_SHOWS_IN_A_ROW)).isEqualTo(2);
  }

  @Test
  void eachRecordRuleRaisesOnceForItsRecordAndAppointmentsRaiseNothing() {
    UUID test = UUID.randomUUID();
    assertThat(apply(Kind.TEST_POSITIVE, test))
        .map(CareAlert::rule)
        .hasValue(AlertRule.TEST_POSITIVE);
    assertThat(apply(Kind.TEST_POSITIVE, test)).isEmpty();
    assertThat(apply(Kind.TEST_MISSED, UUID.randomUUID()))
        .map(CareAlert::rule)
        .hasValue(AlertRule.TEST_MISSED_OR_REFUSED);
    assertThat(apply(Kind.TEST_REFUSED, UUID.randomUUID()))
        .map(CareAlert::rule)
        .hasValue(AlertRule.TEST_MISSED_OR_REFUSED);
    assertThat(apply(Kind.CONCERN_FLAGGED, UUID.randomUUID()))
        .map(CareAlert::rule)
        .hasValue(AlertRule.CONCERN_FLAGGED);
    assertThat(apply(Kind.DISCHARGED_COMPLETED, UUID.randomUUID())).isEmpty();
    assertThat(apply(Kind.DISCHARGED_NOT_COMPLETED, UUID.randomUUID()))
        .map(CareAlert::rule)
        .hasValue(AlertRule.DISCHARGED_NOT_COMPLETED);
    assertThat(apply(Kind.APPOINTMENT_SCHEDULED, UUID.randomUUID())).isEmpty();
    assertThat(apply(Kind.APPOINTMENT_CANCELLED, UUID.randomUUID())).isEmpty();
    assertThat(apply(Kind.ATTENDANCE_RECORDED, UUID.randomUUID())).isEmpty();

    assertThat(total()).isEqualTo(5);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_entry WHERE action = 'care.alert.raise'"
                        + " AND person_id = :p")
                .param("p", person.person())
                .query(Long.class)
                .single())
        .isEqualTo(5);
  }

  @Test
  void aSignalPublishedByACommittedTransactionRaisesTheAlertThroughTheListener() {
    UUID record = UUID.randomUUID();
    transactions.executeWithoutResult(
        status -> events.publishEvent(signal(Kind.TEST_POSITIVE, record)));

    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> alerts(AlertRule.TEST_POSITIVE) == 1);
  }

  @Test
  void theAgencysRulesSwitchARuleOffAndChangeItsThreshold() throws Exception {
    JsonNode rules = json(mvc.perform(as(supervisor, get("/api/v1/care/alert-rules"))));
    assertThat(rules.get("version").asLong()).isZero();
    assertThat(rules.get("rules").get("NO_SHOWS_IN_A_ROW").get("threshold").asInt()).isEqualTo(2);

    mvc.perform(
            as(
                supervisor,
                put("/api/v1/care/alert-rules")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                            {"version": 0, "rules": {
                              "NO_SHOWS_IN_A_ROW": {"enabled": true, "threshold": 3},
                              "TEST_POSITIVE": {"enabled": false}}}
                            """)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.version").value(1))
        .andExpect(jsonPath("$.rules.NO_SHOWS_IN_A_ROW.threshold").value(3))
        .andExpect(jsonPath("$.rules.TEST_POSITIVE.enabled").value(false));

    assertThat(apply(Kind.TEST_POSITIVE, UUID.randomUUID())).isEmpty();
    assertThat(noShow()).isEmpty();
    assertThat(noShow()).isEmpty();
    assertThat(noShow()).isPresent();
  }

  @Test
  void badRulesAnswer400NamingEachFieldAStaleVersion409AndAnOfficerMayNotChangeThem()
      throws Exception {
    mvc.perform(
            as(
                supervisor,
                put("/api/v1/care/alert-rules")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                            {"version": 0, "rules": {
                              "NO_SHOWS_IN_A_ROW": {"enabled": true, "threshold": 0},
                              "NO_ATTENDANCE_DAYS": {"enabled": true},
                              "CONCERN_FLAGGED": {"enabled": true, "threshold": 4}}}
                            """)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors.length()").value(3))
        .andExpect(
            jsonPath("$.errors[?(@.field == 'rules.NO_SHOWS_IN_A_ROW.threshold')].code")
                .value("Range"))
        .andExpect(
            jsonPath("$.errors[?(@.field == 'rules.NO_ATTENDANCE_DAYS.threshold')].code")
                .value("Required"))
        .andExpect(
            jsonPath("$.errors[?(@.field == 'rules.CONCERN_FLAGGED.threshold')].code")
                .value("NotAllowed"));
    assertThat(
            jdbc.sql("SELECT count(*) FROM care_alert_rule WHERE agency_id = :a")
                .param("a", agency.value())
                .query(Long.class)
                .single())
        .isZero();

    mvc.perform(
            as(
                supervisor,
                put("/api/v1/care/alert-rules")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"version\": 4, \"rules\": {}}")))
        .andExpect(status().isConflict());
    mvc.perform(
            as(
                officer,
                put("/api/v1/care/alert-rules")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"version\": 0, \"rules\": {}}")))
        .andExpect(status().isForbidden());
  }

  @Test
  void daysWithoutAttendanceRaiseOneAlertPerQuietSpell() {
    clock.advance(Duration.ofDays(15));
    watch.raiseForDaysWithoutAttendance();
    assertThat(alerts(AlertRule.NO_ATTENDANCE_DAYS)).isEqualTo(1);
    watch.raiseForDaysWithoutAttendance();
    assertThat(alerts(AlertRule.NO_ATTENDANCE_DAYS)).isEqualTo(1);

    // Attendance today: quiet again only after another 14 days.
    session(AttendanceOutcome.ATTENDED, Kind.ATTENDANCE_RECORDED);
    clock.advance(Duration.ofDays(13));
    watch.raiseForDaysWithoutAttendance();
    assertThat(alerts(AlertRule.NO_ATTENDANCE_DAYS)).isEqualTo(1);
    clock.advance(Duration.ofDays(1));
    watch.raiseForDaysWithoutAttendance();
    assertThat(alerts(AlertRule.NO_ATTENDANCE_DAYS)).isEqualTo(2);
  }

  @Test
  void theOfficerAcknowledgesAnAlertWithTheActionTaken() throws Exception {
    CareAlert alert = apply(Kind.CONCERN_FLAGGED, UUID.randomUUID()).orElseThrow();
    String path = "/api/v1/care/alerts/" + alert.id() + "/acknowledge";

    mvc.perform(
            as(
                officer,
                post(path).contentType(MediaType.APPLICATION_JSON).content("{\"version\":0}")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("action"));
    mvc.perform(
            as(
                officer,
                post(path)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"action\":\"CONTACTED_PERSON\",\"version\":7}")))
        .andExpect(status().isConflict());
    mvc.perform(
            as(
                staff(supervision.officer(agency), Role.OFFICER),
                post(path)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"action\":\"CONTACTED_PERSON\",\"version\":0}")))
        .andExpect(status().isNotFound());
    assertThat(state(alert)).isEqualTo("OPEN");

    mvc.perform(
            as(
                officer,
                post(path)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"action\":\"SCHEDULED_OFFICE_VISIT\",\"note\":\"Seen Friday\","
                            + "\"version\":0}")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.state").value("ACKNOWLEDGED"))
        .andExpect(jsonPath("$.action").value("SCHEDULED_OFFICE_VISIT"));
    assertThat(state(alert)).isEqualTo("ACKNOWLEDGED");
    mvc.perform(
            as(
                officer,
                post(path)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"action\":\"CONTACTED_PERSON\",\"version\":1}")))
        .andExpect(status().isUnprocessableContent());
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_entry WHERE action = 'care.alert.acknowledge'"
                        + " AND record_id = :id")
                .param("id", alert.id().value())
                .query(Long.class)
                .single())
        .isEqualTo(1);

    // Acknowledged: off the list of alerts awaiting action.
    JsonNode list = json(mvc.perform(as(officer, get("/api/v1/care/alerts"))));
    assertThat(list.get("alerts").findValuesAsString("id")).doesNotContain(alert.id().toString());
  }

  @Test
  void anAlertNobodyAcknowledgedGoesToTheOfficersSupervisorAfterABusinessDay() throws Exception {
    CareAlert open = apply(Kind.TEST_MISSED, UUID.randomUUID()).orElseThrow();
    CareAlert acknowledged = apply(Kind.TEST_REFUSED, UUID.randomUUID()).orElseThrow();
    mvc.perform(
            as(
                officer,
                post("/api/v1/care/alerts/" + acknowledged.id() + "/acknowledge")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"action\":\"CONTACTED_PROVIDER\",\"version\":0}")))
        .andExpect(status().isOk());
    assertThat(open.escalateAt()).isAfter(open.raisedAt().plus(Duration.ofHours(23)));

    clock.set(open.escalateAt().minusSeconds(60));
    watch.escalate();
    assertThat(state(open)).isEqualTo("OPEN");

    clock.set(open.escalateAt().plusSeconds(1));
    watch.escalate();
    assertThat(state(open)).isEqualTo("ESCALATED");
    assertThat(state(acknowledged)).isEqualTo("ACKNOWLEDGED");
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> notifications(supervisorId, open) == 1);
    assertThat(notifications(officerId, open)).as("raised: the officer was told").isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT escalated_to FROM care_alert WHERE id = :id")
                .param("id", open.id().value())
                .query(UUID.class)
                .single())
        .isEqualTo(supervisorId.value());

    JsonNode escalated =
        json(mvc.perform(as(supervisor, get("/api/v1/care/alerts?listing=ESCALATED"))));
    assertThat(escalated.get("alerts").findValuesAsString("id"))
        .containsExactly(open.id().toString());
    // Escalated alerts still await action: the officer can acknowledge them.
    mvc.perform(
            as(
                officer,
                post("/api/v1/care/alerts/" + open.id() + "/acknowledge")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"action\":\"CASE_CONFERENCE\",\"version\":1}")))
        .andExpect(status().isOk());
  }

  @Test
  void withoutConsentTheOfficerSeesThatAnAlertExistsButNotWhatItSays() throws Exception {
    CareAlert alert = apply(Kind.TEST_POSITIVE, UUID.randomUUID()).orElseThrow();

    JsonNode withheld =
        json(mvc.perform(as(officer, get("/api/v1/care/alerts?person=" + person.person()))));
    JsonNode shown = withheld.get("alerts").get(0);
    assertThat(shown.get("id").asString()).isEqualTo(alert.id().toString());
    assertThat(shown.get("rule").isNull()).isTrue();
    assertThat(shown.get("day").isNull()).isTrue();
    assertThat(shown.get("withheld").asString()).isEqualTo("NO_CONSENT");
    assertThat(shown.get("withheldMessage").asString()).startsWith("Details withheld:");
    assertThat(withheld.toString()).doesNotContain("TEST_POSITIVE");
    assertThat(withheld.get("notice").isNull()).isTrue();
    assertThat(disclosures()).isZero();
    String page = page("/care/people/" + person.person() + "/alerts");
    assertThat(page).contains("Details withheld:").doesNotContain("Positive drug test");

    consent(InformationCategory.DRUG_TEST_RESULTS);
    JsonNode permitted =
        json(mvc.perform(as(officer, get("/api/v1/care/alerts?person=" + person.person()))));
    assertThat(permitted.get("alerts").get(0).get("rule").asString()).isEqualTo("TEST_POSITIVE");
    assertThat(permitted.get("alerts").get(0).get("withheld").isNull()).isTrue();
    assertThat(permitted.get("notice").isNull()).isFalse();
    assertThat(disclosures()).isEqualTo(1);
    assertThat(page("/care/alerts")).contains("Positive drug test");
    assertThat(disclosures()).isEqualTo(2);
  }

  @Test
  void theCaseloadCountsOpenAlertsPerPersonAndFiltersByThem() throws Exception {
    Supervised quiet = supervision.supervised(agency, officerId);
    apply(Kind.CONCERN_FLAGGED, UUID.randomUUID());
    apply(Kind.TEST_MISSED, UUID.randomUUID());

    String page = page("/supervision/caseload");
    assertThat(page).contains("2 from treatment");
    String filtered = page("/supervision/caseload?alerts=true");
    assertThat(filtered)
        .contains(person.person().toString())
        .doesNotContain(quiet.person().toString());
    String sorted = page("/supervision/caseload?sort=ALERTS-desc");
    assertThat(sorted.indexOf(person.person().toString()))
        .isLessThan(sorted.indexOf(quiet.person().toString()));
  }

  @Test
  void anotherAgencysStaffSeeNoneOfTheAlerts() throws Exception {
    CareAlert alert = apply(Kind.CONCERN_FLAGGED, UUID.randomUUID()).orElseThrow();
    OrganizationId other = users.organization(OrganizationKind.PROBATION_AGENCY);
    BridgewayPrincipal stranger =
        Principals.user(other, OrganizationKind.PROBATION_AGENCY, Role.ORGANIZATION_ADMIN);

    JsonNode list = json(mvc.perform(as(stranger, get("/api/v1/care/alerts"))));
    assertThat(list.get("alerts").findValuesAsString("id")).doesNotContain(alert.id().toString());
    mvc.perform(as(stranger, get("/api/v1/care/alerts?person=" + person.person())))
        .andExpect(status().isNotFound());
    mvc.perform(
            as(
                stranger,
                post("/api/v1/care/alerts/" + alert.id() + "/acknowledge")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"action\":\"CONTACTED_PERSON\",\"version\":0}")))
        .andExpect(status().isNotFound());
  }

  @Test
  void complianceCountsOnlyPermittedRecordsAndRatesEachCondition() throws Exception {
    cases.addCondition(
        SupervisionFixtures.administratorOf(agency),
        new CaseId(person.supervisionCase()),
        ConditionKind.TREATMENT,
        false,
        "Attend outpatient treatment");
    appointment(AttendanceOutcome.ATTENDED);
    appointment(AttendanceOutcome.LATE);
    appointment(AttendanceOutcome.NO_SHOW_UNEXCUSED);
    drugTest("NEGATIVE");
    drugTest("POSITIVE");
    String path = "/api/v1/care/people/" + person.person() + "/compliance";

    JsonNode withheld = json(mvc.perform(as(officer, get(path))));
    assertThat(withheld.get("conditions").findValuesAsString("status"))
        .containsExactlyInAnyOrder("NO_RECORDS", "NO_RECORDS");
    assertThat(withheld.get("withheld").findValuesAsString("category"))
        .containsExactlyInAnyOrder("ATTENDANCE", "DRUG_TEST_RESULTS");
    assertThat(withheld.get("notice").isNull()).isTrue();
    assertThat(disclosures()).isZero();

    consent(InformationCategory.ATTENDANCE, InformationCategory.DRUG_TEST_RESULTS);
    JsonNode shown = json(mvc.perform(as(officer, get(path))));
    assertThat(shown.get("withheld")).isEmpty();
    JsonNode treatment = condition(shown, "TREATMENT");
    assertThat(treatment.get("status").asString()).isEqualTo("AT_RISK");
    assertThat(treatment.get("attendance").get("due").asInt()).isEqualTo(3);
    assertThat(treatment.get("attendance").get("unexcusedNoShows").asInt()).isEqualTo(1);
    assertThat(treatment.get("attendance").get("rate").asDouble()).isCloseTo(0.667, within(0.001));
    assertThat(treatment.get("attendance").get("lastAttended").asString())
        .isEqualTo(LocalDate.now(clock).toString());
    JsonNode testing = condition(shown, "DRUG_TESTING");
    assertThat(testing.get("status").asString()).isEqualTo("AT_RISK");
    assertThat(testing.get("tests").get("positive").asInt()).isEqualTo(1);
    assertThat(disclosures()).isEqualTo(2);

    drugTest("MISSED");
    assertThat(
            condition(json(mvc.perform(as(officer, get(path)))), "DRUG_TESTING")
                .get("status")
                .asString())
        .isEqualTo("NOT_COMPLIANT");
    mvc.perform(as(officer, get(path + "?days=3")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("days"));
    assertThat(page("/care/people/" + person.person() + "/compliance"))
        .contains("At risk", "Not compliant", "Attend outpatient treatment");
  }

  private static JsonNode condition(JsonNode compliance, String kind) {
    for (JsonNode c : compliance.get("conditions")) {
      if (c.get("kind").asString().equals(kind)) {
        return c;
      }
    }
    throw new AssertionError("no " + kind + " condition in " + compliance);
  }

  private void drugTest(String result) {
    boolean collected = !result.equals("MISSED") && !result.equals("REFUSED");
    jdbc.sql(
            """
            INSERT INTO care_drug_test (id, episode_id, person_id, provider_id, collected_on, panel,
                method, specimen_id, result, confirmation, sensitivity, reported_by, reported_at,
                version)
            VALUES (:id, :episode, :person, :provider, :day, 'FIVE_PANEL', 'URINE', :specimen,
                :result, 'NOT_SENT', 'HEALTH', 'test', now(), 0)
            """)
        .param("id", UUID.randomUUID())
        .param("episode", episode.id())
        .param("person", person.person())
        .param("provider", provider.value())
        .param("day", LocalDate.now(clock))
        .param("specimen", collected ? "S-" + UUID.randomUUID() : null)
        .param("result", result)
        .update();
  }

  /** An unexcused no-show at a new session, after the earlier ones, signalled. */
  private Optional<CareAlert> noShow() {
    return session(AttendanceOutcome.NO_SHOW_UNEXCUSED, Kind.NO_SHOW_UNEXCUSED);
  }

  private Optional<CareAlert> session(AttendanceOutcome outcome, Kind signalled) {
    return apply(signalled, appointment(outcome));
  }

  /** A session just past (each later than the one before), with its attendance recorded. */
  private UUID appointment(AttendanceOutcome outcome) {
    TreatmentEpisode treated =
        episodes.findById(new TreatmentEpisodeId(episode.id())).orElseThrow();
    Instant now = clock.instant();
    Appointment appointment =
        Appointment.schedule(
            AppointmentId.random(),
            treated,
            new Appointment.Details(
                AppointmentKind.GROUP,
                AppointmentMode.IN_PERSON,
                now.minusSeconds(100 - sessions++),
                60,
                null,
                null,
                null),
            Sensitivity.HEALTH,
            "test",
            now);
    appointment.recordAttendance(
        new Appointment.AttendanceEntry(
            outcome, outcome.needsReason() ? "No call" : null, null, null, Set.of()),
        "test",
        now);
    appointments.save(appointment);
    return appointment.id().value();
  }

  private Optional<CareAlert> apply(Kind kind, UUID record) {
    return raiser.apply(signal(kind, record));
  }

  private CareSignal signal(Kind kind, UUID record) {
    return new CareSignal(
        new TreatmentEpisodeId(episode.id()),
        new PersonId(person.person()),
        agency,
        provider,
        kind,
        record,
        LocalDate.now(clock),
        clock.instant());
  }

  private long alerts(AlertRule rule) {
    return jdbc.sql("SELECT count(*) FROM care_alert WHERE person_id = :p AND rule = :r")
        .param("p", person.person())
        .param("r", rule.name())
        .query(Long.class)
        .single();
  }

  private long total() {
    return jdbc.sql("SELECT count(*) FROM care_alert WHERE person_id = :p")
        .param("p", person.person())
        .query(Long.class)
        .single();
  }

  private String state(CareAlert alert) {
    return jdbc.sql("SELECT state FROM care_alert WHERE id = :id")
        .param("id", alert.id().value())
        .query(String.class)
        .single();
  }

  private long disclosures() {
    return jdbc.sql("SELECT count(*) FROM consent_disclosure WHERE person_id = :p")
        .param("p", person.person())
        .query(Long.class)
        .single();
  }

  private void consent(InformationCategory... categories) {
    DirectiveTerms terms =
        new DirectiveTerms(
            DirectiveKind.GENERAL,
            null,
            Set.of(provider),
            false,
            Set.of(categories),
            null,
            Set.of(agency),
            Set.of(),
            EnumSet.of(DisclosurePurpose.SUPERVISION_MONITORING),
            null,
            ExpiryEvent.END_OF_SUPERVISION,
            null,
            null,
            "Tell your officer or the program, in person or in writing.");
    directives.record(
        officer,
        new PersonId(person.person()),
        new NewDirective(
            terms,
            null,
            LocalDate.now(clock),
            SignatureMethod.ELECTRONIC,
            "Pat Example",
            true,
            null,
            FormLanguage.EN));
  }

  private BridgewayPrincipal staff(UserId id, Role role) {
    return BridgewayPrincipal.user(
        id, agency, OrganizationKind.PROBATION_AGENCY, "Agency", "Staff", Set.of(role));
  }

  private static MockHttpServletRequestBuilder as(
      BridgewayPrincipal principal, MockHttpServletRequestBuilder request) {
    return request
        .locale(Locale.ENGLISH)
        .with(authentication(Principals.authenticationOf(principal)))
        .with(csrf());
  }

  private String page(String path) throws Exception {
    return mvc.perform(as(officer, get(path)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private static JsonNode json(org.springframework.test.web.servlet.ResultActions result)
      throws Exception {
    return JsonMapper.shared()
        .readTree(
            result
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
  }

  /** The in-app notifications the user has of the alert (raised or escalated). */
  private long notifications(UserId user, CareAlert alert) {
    return jdbc.sql("SELECT count(*) FROM notification WHERE user_id = ? AND alert_id = ?")
        .params(user.value(), alert.id().value())
        .query(Long.class)
        .single();
  }
}
