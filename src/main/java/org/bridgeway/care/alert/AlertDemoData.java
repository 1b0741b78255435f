package org.bridgeway.care.alert;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bridgeway.care.CareSignal;
import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.shared.demo.DemoData;
import org.bridgeway.shared.demo.DemoDataStep;
import org.bridgeway.supervision.PersonId;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alerts for the demo officer: the rules run over the demo treatment (after the care step): each
 * positive drug test the demo providers reported on an open episode, the episode ended for
 * non-attendance, and open episodes without recorded attendance for two weeks. The demo providers
 * are Part 2 programs, so the officer sees most alerts withheld until a consent is recorded. The
 * care records' demo (drug tests, attendance) adds its tests and runs of no-shows. Idempotent: an
 * alert is unique per person, rule and trigger.
 */
@Component
@Profile("demo")
class AlertDemoData implements DemoDataStep {

  private final AlertRaiser raiser;
  private final JdbcClient jdbc;
  private final Clock clock;

  AlertDemoData(AlertRaiser raiser, JdbcClient jdbc, Clock clock) {
    this.raiser = raiser;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public int order() {
    return 470;
  }

  @Override
  @Transactional
  public void seed(DemoData demo) {
    OrganizationId agency = new OrganizationId(demo.id("organization:0"));
    List<CareSignal> signals = new ArrayList<>();
    signals.addAll(
        jdbc.sql(
                """
                SELECT r.id, r.episode_id, r.person_id, r.provider_id, r.reported_on
                FROM care_report r JOIN care_episode e ON e.id = r.episode_id
                WHERE e.agency_id = :agency AND e.ended_on IS NULL
                  AND r.drug_test_result = 'POSITIVE'
                ORDER BY r.reported_on, r.id
                """)
            .param("agency", agency.value())
            .query(
                (rs, n) ->
                    new CareSignal(
                        new TreatmentEpisodeId(rs.getObject("episode_id", UUID.class)),
                        new PersonId(rs.getObject("person_id", UUID.class)),
                        agency,
                        new OrganizationId(rs.getObject("provider_id", UUID.class)),
                        CareSignal.Kind.TEST_POSITIVE,
                        rs.getObject("id", UUID.class),
                        rs.getObject("reported_on", LocalDate.class),
                        clock.instant()))
            .list());
    signals.addAll(
        jdbc.sql(
                """
                SELECT e.id, e.person_id, e.provider_id, e.ended_on,
                       COALESCE(d.id, e.id) AS record
                FROM care_episode e LEFT JOIN care_discharge d ON d.episode_id = e.id
                WHERE e.agency_id = :agency AND e.end_reason IS NOT NULL
                  AND e.end_reason <> 'COMPLETED'
                ORDER BY e.id
                """)
            .param("agency", agency.value())
            .query(
                (rs, n) ->
                    new CareSignal(
                        new TreatmentEpisodeId(rs.getObject("id", UUID.class)),
                        new PersonId(rs.getObject("person_id", UUID.class)),
                        agency,
                        new OrganizationId(rs.getObject("provider_id", UUID.class)),
                        CareSignal.Kind.DISCHARGED_NOT_COMPLETED,
                        // The discharge summary's id, as its signal carries it; the episode's
                        // when it ended without one.
                        rs.getObject("record", UUID.class),
                        rs.getObject("ended_on", LocalDate.class),
                        clock.instant()))
            .list());
    signals.addAll(
        jdbc.sql(
                """
                SELECT t.id, t.episode_id, t.person_id, t.provider_id, t.collected_on, t.result
                FROM care_drug_test t JOIN care_episode e ON e.id = t.episode_id
                WHERE e.agency_id = :agency AND e.ended_on IS NULL
                  AND t.result IN ('POSITIVE', 'MISSED', 'REFUSED')
                ORDER BY t.collected_on, t.id
                """)
            .param("agency", agency.value())
            .query(
                (rs, n) ->
                    new CareSignal(
                        new TreatmentEpisodeId(rs.getObject("episode_id", UUID.class)),
                        new PersonId(rs.getObject("person_id", UUID.class)),
                        agency,
                        new OrganizationId(rs.getObject("provider_id", UUID.class)),
                        switch (rs.getString("result")) {
                          case "POSITIVE" -> CareSignal.Kind.TEST_POSITIVE;
                          case "MISSED" -> CareSignal.Kind.TEST_MISSED;
                          default -> CareSignal.Kind.TEST_REFUSED;
                        },
                        rs.getObject("id", UUID.class),
                        rs.getObject("collected_on", LocalDate.class),
                        clock.instant()))
            .list());
    // Each unexcused no-show, in order: the rule counts the runs from the attendance records.
    signals.addAll(
        jdbc.sql(
                """
                SELECT a.id, a.episode_id, a.person_id, a.provider_id,
                       (a.starts_at AT TIME ZONE 'UTC')::date AS day
                FROM care_appointment a JOIN care_attendance t ON t.appointment_id = a.id
                JOIN care_episode e ON e.id = a.episode_id
                WHERE e.agency_id = :agency AND e.ended_on IS NULL
                  AND t.outcome = 'NO_SHOW_UNEXCUSED'
                ORDER BY a.starts_at, a.id
                """)
            .param("agency", agency.value())
            .query(
                (rs, n) ->
                    new CareSignal(
                        new TreatmentEpisodeId(rs.getObject("episode_id", UUID.class)),
                        new PersonId(rs.getObject("person_id", UUID.class)),
                        agency,
                        new OrganizationId(rs.getObject("provider_id", UUID.class)),
                        CareSignal.Kind.NO_SHOW_UNEXCUSED,
                        rs.getObject("id", UUID.class),
                        rs.getObject("day", LocalDate.class),
                        clock.instant()))
            .list());
    signals.forEach(raiser::apply);
    raiser.raiseForDaysWithoutAttendance();
  }
}
