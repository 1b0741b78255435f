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
 * are Part 2 programs, so the officer sees most alerts withheld until a consent is recorded.
 * Idempotent: an alert is unique per person, rule and trigger, and the step does nothing once the
 * demo agency has alerts.
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
    return 460;
  }

  @Override
  @Transactional
  public void seed(DemoData demo) {
    OrganizationId agency = new OrganizationId(demo.id("organization:0"));
    boolean seeded =
        jdbc.sql("SELECT EXISTS (SELECT 1 FROM care_alert WHERE agency_id = :agency)")
            .param("agency", agency.value())
            .query(Boolean.class)
            .single();
    if (seeded) {
      return;
    }
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
                SELECT id, person_id, provider_id, ended_on FROM care_episode
                WHERE agency_id = :agency AND end_reason IS NOT NULL AND end_reason <> 'COMPLETED'
                ORDER BY id
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
                        rs.getObject("id", UUID.class),
                        rs.getObject("ended_on", LocalDate.class),
                        clock.instant()))
            .list());
    signals.forEach(raiser::apply);
    raiser.raiseForDaysWithoutAttendance();
  }
}
