package org.bridgeway.outcomes.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.bridgeway.care.AppointmentId;
import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.care.session.Appointment;
import org.bridgeway.care.session.AppointmentBook;
import org.bridgeway.care.session.AttendanceOutcome;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.referrals.ReferralState;
import org.bridgeway.supervision.CaseId;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.SupervisionCaseClosed;
import org.bridgeway.supervision.ViolationId;
import org.bridgeway.supervision.ViolationRecorded;
import org.bridgeway.supervision.caseload.CaseRecords;
import org.bridgeway.supervision.caseload.ClosureReason;
import org.bridgeway.supervision.violation.ViolationKind;
import org.bridgeway.supervision.violation.ViolationRecords;
import org.bridgeway.supervision.violation.ViolationSeverity;
import org.bridgeway.testing.CareFixtures;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.ReferralFixtures;
import org.bridgeway.testing.SupervisionFixtures;
import org.bridgeway.testing.SupervisionFixtures.Supervised;
import org.bridgeway.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;

@IntegrationTest
class PlatformCopyIntegrationTests {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @Autowired SupervisionFixtures supervision;
  @Autowired ReferralFixtures referrals;
  @Autowired CareFixtures care;
  @Autowired CaseRecords cases;
  @Autowired ViolationRecords violations;
  @Autowired AppointmentBook book;
  @Autowired OutcomesReadModel readModel;
  @Autowired PlatformRecordsListener listener;
  @Autowired TestUsers users;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  @Test
  void anOpenedCaseIsASupervisionSpellAndItsRevocationEndsItWithDerivedEvents() {
    OrganizationId agency = users.organization(OrganizationKind.PROBATION_AGENCY);
    Supervised supervised = supervision.supervised(agency);
    String caseRef = supervised.supervisionCase().toString();

    awaitRow("SELECT count(*) FROM outcomes_spell WHERE source_ref = :ref", caseRef);
    Map<String, Object> person =
        jdbc.sql("SELECT source, agency_id, gender, birth_date FROM outcomes_person WHERE id = :id")
            .param("id", supervised.person())
            .query()
            .singleRow();
    assertThat(person)
        .containsEntry("source", "PLATFORM")
        .containsEntry("agency_id", agency.value())
        .containsEntry("gender", "FEMALE");
    Map<String, Object> spell = spell(caseRef);
    assertThat(spell)
        .containsEntry("kind", "SUPERVISION_START")
        .containsEntry("source", "PLATFORM")
        .containsEntry("supervision_type", "PROBATION")
        .containsEntry("supervision_level", "MODERATE")
        .containsEntry("officer_id", supervised.officer().value())
        .containsEntry("end_date", null);
    assertThat(spell.get("start_date")).isEqualTo(java.sql.Date.valueOf(supervised.startedOn()));

    LocalDate today = LocalDate.now(clock);
    cases.close(
        SupervisionFixtures.administratorOf(agency),
        new CaseId(supervised.supervisionCase()),
        ClosureReason.REVOCATION,
        today,
        supervised.caseVersion());

    Awaitility.await().atMost(WAIT).until(() -> spell(caseRef).get("end_date") != null);
    assertThat(spell(caseRef))
        .containsEntry("end_date", java.sql.Date.valueOf(today))
        .containsEntry("end_reason", "REVOKED");
    assertThat(eventKinds(supervised.person()))
        .containsExactlyInAnyOrder("SUPERVISION_CLOSURE", "REVOCATION");

    // Delivered again, the closure changes nothing.
    List<Map<String, Object>> before = snapshot(agency);
    AopTestUtils.<PlatformRecordsListener>getTargetObject(listener)
        .on(
            new SupervisionCaseClosed(
                new CaseId(supervised.supervisionCase()),
                new PersonId(supervised.person()),
                agency,
                today,
                "REVOCATION"));
    assertThat(snapshot(agency)).isEqualTo(before);
  }

  @Test
  void aTechnicalViolationAndANewOffenseAreDerivedEventsOnceEach() {
    OrganizationId agency = users.organization(OrganizationKind.PROBATION_AGENCY);
    Supervised supervised = supervision.supervised(agency);
    UUID technical = supervision.violation(agency, supervised).id();
    UUID offense =
        violations
            .record(
                SupervisionFixtures.administratorOf(agency),
                new CaseId(supervised.supervisionCase()),
                new ViolationRecords.NewViolation(
                    supervised.startedOn().plusDays(10),
                    null,
                    ViolationKind.NEW_OFFENSE,
                    ViolationSeverity.HIGH,
                    "Arrested for burglary",
                    false))
            .violation()
            .id()
            .value();

    awaitRow("SELECT count(*) FROM outcomes_event WHERE source_ref = :ref", offense.toString());
    awaitRow("SELECT count(*) FROM outcomes_event WHERE source_ref = :ref", technical.toString());
    assertThat(event(technical.toString()))
        .containsEntry("kind", "TECHNICAL_VIOLATION")
        .containsEntry("source", "DERIVED")
        .containsEntry("occurred_on", java.sql.Date.valueOf(supervised.startedOn()));
    assertThat(event(offense.toString()))
        .containsEntry("kind", "ARREST")
        .containsEntry("occurred_on", java.sql.Date.valueOf(supervised.startedOn().plusDays(10)));

    List<Map<String, Object>> before = snapshot(agency);
    AopTestUtils.<PlatformRecordsListener>getTargetObject(listener)
        .on(
            new ViolationRecorded(
                new ViolationId(offense),
                new CaseId(supervised.supervisionCase()),
                new PersonId(supervised.person()),
                null,
                "NEW_OFFENSE",
                "HIGH",
                supervised.startedOn().plusDays(10)));
    assertThat(snapshot(agency)).isEqualTo(before);
    assertThat(eventKinds(supervised.person()))
        .containsExactlyInAnyOrder("TECHNICAL_VIOLATION", "ARREST");
  }

  @Test
  void anAcceptedReferralAttendanceAndDischargeMakeAParticipationAndAProgramExit() {
    OrganizationId provider = users.organization(OrganizationKind.TREATMENT_PROVIDER);
    ReferralFixtures.Made accepted = referrals.inState(provider, ReferralState.ACCEPTED);
    OrganizationId agency = accepted.agency();
    String ref = accepted.id().toString();

    awaitRow(
        "SELECT count(*) FROM outcomes_participation WHERE source_ref = :ref"
            + " AND accepted_on IS NOT NULL",
        ref);
    Map<String, Object> participation = participation(ref);
    LocalDate today = LocalDate.now(clock);
    assertThat(participation)
        .containsEntry("source", "PLATFORM")
        .containsEntry("person_id", accepted.supervised().person())
        .containsEntry("service_id", accepted.service().toString())
        .containsEntry("provider_id", provider.value())
        .containsEntry("need_domain", "HOUSING")
        .containsEntry("declined_on", null)
        .containsEntry("sessions_scheduled", 0)
        .containsEntry("completion", null);
    assertThat(participation.get("program_id")).isNotNull();
    assertThat(participation.get("referred_on")).isEqualTo(java.sql.Date.valueOf(today));

    // Care opens the episode from the acceptance, after it committed.
    UUID episodeId =
        Awaitility.await()
            .atMost(WAIT)
            .until(
                () ->
                    jdbc.sql("SELECT id FROM care_episode WHERE referral_id = :referral")
                        .param("referral", accepted.id())
                        .query(UUID.class)
                        .optional()
                        .orElse(null),
                found -> found != null);
    CareFixtures.Episode episode = episode(episodeId);
    // An hour ago, but not before today's start: the episode opened today, and an hour ago is
    // yesterday when the suite runs just after midnight (UTC).
    java.time.Instant hourAgo = clock.instant().minus(java.time.Duration.ofHours(1));
    java.time.Instant todayStart = today.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    CareFixtures.Appt appointment =
        care.appointment(episode, hourAgo.isBefore(todayStart) ? todayStart : hourAgo);
    book.recordAttendance(
        CareFixtures.staffOf(provider),
        new TreatmentEpisodeId(episodeId),
        new AppointmentId(appointment.id()),
        new Appointment.AttendanceEntry(AttendanceOutcome.ATTENDED, null, null, null, Set.of()),
        appointment.version());

    Awaitility.await()
        .atMost(WAIT)
        .until(() -> ((Number) participation(ref).get("sessions_attended")).intValue() == 1);
    assertThat(participation(ref))
        .containsEntry("sessions_scheduled", 1)
        .containsEntry("first_session_on", java.sql.Date.valueOf(today.minusDays(0)));

    UUID discharge = care.discharge(episode(episodeId));
    Awaitility.await().atMost(WAIT).until(() -> participation(ref).get("completion") != null);
    assertThat(participation(ref))
        .containsEntry("completion", "COMPLETED")
        .containsEntry("ended_on", java.sql.Date.valueOf(episode.startedOn()));
    assertThat(spell(episodeId.toString()))
        .containsEntry("kind", "PROGRAM_EXIT")
        .containsEntry("start_date", java.sql.Date.valueOf(episode.startedOn()))
        .containsEntry("program_id", participation(ref).get("program_id"))
        .containsEntry("supervision_type", "PROBATION");
    assertThat(event(discharge.toString())).containsEntry("kind", "PROGRAM_COMPLETION");
  }

  @Test
  void aRebuildWritesTheRowsTheListenersWroteAndLeavesOtherAgenciesAlone() {
    OrganizationId provider = users.organization(OrganizationKind.TREATMENT_PROVIDER);
    ReferralFixtures.Made accepted = referrals.inState(provider, ReferralState.ACCEPTED);
    OrganizationId agency = accepted.agency();
    Supervised second = supervision.supervised(agency);
    UUID violation = supervision.violation(agency, second).id();
    OrganizationId other = users.organization(OrganizationKind.PROBATION_AGENCY);
    Supervised elsewhere = supervision.supervised(other);

    awaitRow(
        "SELECT count(*) FROM outcomes_participation WHERE source_ref = :ref"
            + " AND accepted_on IS NOT NULL",
        accepted.id().toString());
    awaitRow("SELECT count(*) FROM outcomes_event WHERE source_ref = :ref", violation.toString());
    awaitRow(
        "SELECT count(*) FROM outcomes_spell WHERE source_ref = :ref",
        elsewhere.supervisionCase().toString());
    List<Map<String, Object>> byListeners = snapshot(agency);
    List<Map<String, Object>> otherBefore = snapshot(other);
    assertThat(byListeners).hasSizeGreaterThanOrEqualTo(6);

    OutcomesReadModel.Rebuilt rebuilt = readModel.rebuild(agency);

    assertThat(snapshot(agency)).isEqualTo(byListeners);
    assertThat(snapshot(other)).isEqualTo(otherBefore);
    // Two people, a spell each, one violation, one participation.
    assertThat(rebuilt).isEqualTo(new OutcomesReadModel.Rebuilt(2, 2, 1, 1));
  }

  private CareFixtures.Episode episode(UUID id) {
    return jdbc.sql(
            "SELECT id, version, person_id, agency_id, provider_id, started_on FROM care_episode"
                + " WHERE id = :id")
        .param("id", id)
        .query(
            (rs, n) ->
                new CareFixtures.Episode(
                    rs.getObject(1, UUID.class),
                    rs.getLong(2),
                    rs.getObject(3, UUID.class),
                    new OrganizationId(rs.getObject(4, UUID.class)),
                    new OrganizationId(rs.getObject(5, UUID.class)),
                    rs.getObject(6, LocalDate.class)))
        .single();
  }

  private void awaitRow(String sql, String ref) {
    Awaitility.await()
        .atMost(WAIT)
        .until(() -> jdbc.sql(sql).param("ref", ref).query(Long.class).single() == 1L);
  }

  private Map<String, Object> spell(String ref) {
    return jdbc.sql("SELECT * FROM outcomes_spell WHERE source_ref = :ref")
        .param("ref", ref)
        .query()
        .singleRow();
  }

  private Map<String, Object> event(String ref) {
    return jdbc.sql("SELECT * FROM outcomes_event WHERE source_ref = :ref")
        .param("ref", ref)
        .query()
        .singleRow();
  }

  private Map<String, Object> participation(String ref) {
    return jdbc.sql("SELECT * FROM outcomes_participation WHERE source_ref = :ref")
        .param("ref", ref)
        .query()
        .singleRow();
  }

  private List<String> eventKinds(UUID person) {
    return jdbc.sql("SELECT kind FROM outcomes_event WHERE person_id = :person")
        .param("person", person)
        .query(String.class)
        .list();
  }

  /** Every row of the agency in the four tables, without the times they were written. */
  private List<Map<String, Object>> snapshot(OrganizationId agency) {
    return jdbc
        .sql(
            """
            SELECT 'person' AS t, id, row_to_json(p)::jsonb - 'updated_at' AS r
              FROM outcomes_person p WHERE agency_id = :agency
            UNION ALL
            SELECT 'spell', id, row_to_json(s)::jsonb - 'updated_at'
              FROM outcomes_spell s WHERE agency_id = :agency
            UNION ALL
            SELECT 'event', id, row_to_json(e)::jsonb - 'recorded_at'
              FROM outcomes_event e WHERE agency_id = :agency
            UNION ALL
            SELECT 'participation', id, row_to_json(q)::jsonb - 'updated_at'
              FROM outcomes_participation q WHERE agency_id = :agency
            ORDER BY 1, 2
            """)
        .param("agency", agency.value())
        .query()
        .listOfRows()
        .stream()
        .map(row -> Map.of("t", row.get("t"), "id", row.get("id"), "r", row.get("r").toString()))
        .toList();
  }
}
