package org.bridgeway.care.alert;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.care.CareSignal;
import org.bridgeway.care.TreatmentAlertNotice;
import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.consent.Part2Programs;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.UserId;
import org.bridgeway.shared.security.Actor;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.SupervisedPeople;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raises alerts from the care signals providers' records publish, by the agency's rules. Signals
 * arrive after their transaction commits and possibly twice (the publication registry redelivers
 * after a crash): an alert is unique per person, rule and trigger, so a signal raises at most one.
 * No-shows in a row are counted from the episode's attendance records as they stand when a no-show
 * is signalled (by appointment time, latest first, up to the last attended or late session; excused
 * no-shows and provider cancellations neither count nor break the run), so signals may come in any
 * order.
 */
@Component
class AlertRaiser {

  static final String ALERT = "care-alert";

  private final AlertStore store;
  private final AlertRules rules;
  private final SupervisedPeople people;
  private final Part2Programs part2;
  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  AlertRaiser(
      AlertStore store,
      AlertRules rules,
      SupervisedPeople people,
      Part2Programs part2,
      JdbcClient jdbc,
      AuditTrail audit,
      Clock clock,
      ApplicationEventPublisher events) {
    this.store = store;
    this.rules = rules;
    this.people = people;
    this.part2 = part2;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
    this.events = events;
  }

  @ApplicationModuleListener
  void on(CareSignal signal) {
    apply(signal);
  }

  /**
   * Applies one signal: updates the episode's attendance watch and raises what the rules say.
   *
   * @return the alert raised, if one was
   */
  @Transactional
  public Optional<CareAlert> apply(CareSignal signal) {
    AlertRules.Settings settings = rules.of(signal.agency());
    return switch (signal.kind()) {
      case NO_SHOW_UNEXCUSED -> noShow(signal, settings);
      case TEST_POSITIVE -> once(signal, settings, AlertRule.TEST_POSITIVE);
      case TEST_MISSED, TEST_REFUSED -> once(signal, settings, AlertRule.TEST_MISSED_OR_REFUSED);
      case CONCERN_FLAGGED -> once(signal, settings, AlertRule.CONCERN_FLAGGED);
      case DISCHARGED_NOT_COMPLETED -> once(signal, settings, AlertRule.DISCHARGED_NOT_COMPLETED);
      default -> Optional.empty();
    };
  }

  private Optional<CareAlert> once(
      CareSignal signal, AlertRules.Settings settings, AlertRule rule) {
    if (!settings.enabled(rule)) {
      return Optional.empty();
    }
    return raise(
        signal.person(),
        signal.agency(),
        signal.provider(),
        signal.episode(),
        rule,
        signal.recordId().toString(),
        List.of(signal.recordId()),
        signal.day(),
        settings);
  }

  private Optional<CareAlert> noShow(CareSignal signal, AlertRules.Settings settings) {
    if (!settings.enabled(AlertRule.NO_SHOWS_IN_A_ROW)) {
      return Optional.empty();
    }
    List<UUID> run = noShowRun(signal.episode());
    if (run.size() < settings.threshold(AlertRule.NO_SHOWS_IN_A_ROW)) {
      return Optional.empty();
    }
    // One alert per run, keyed by its first no-show: more no-shows in it raise nothing new.
    return raise(
        signal.person(),
        signal.agency(),
        signal.provider(),
        signal.episode(),
        AlertRule.NO_SHOWS_IN_A_ROW,
        run.getFirst().toString(),
        run,
        signal.day(),
        settings);
  }

  /**
   * The unexcused no-shows since the episode's last attended (or late) session, oldest first: the
   * appointment ids.
   */
  private List<UUID> noShowRun(TreatmentEpisodeId episode) {
    List<UUID> latestFirst =
        jdbc.sql(
                """
                SELECT a.id, t.outcome FROM care_appointment a
                JOIN care_attendance t ON t.appointment_id = a.id
                WHERE a.episode_id = :episode
                  AND t.outcome IN ('ATTENDED', 'LATE', 'NO_SHOW_UNEXCUSED')
                ORDER BY a.starts_at DESC, a.id DESC
                """)
            .param("episode", episode.value())
            .query(
                rs -> {
                  List<UUID> run = new ArrayList<>();
                  while (rs.next() && "NO_SHOW_UNEXCUSED".equals(rs.getString(2))) {
                    run.add(rs.getObject(1, UUID.class));
                  }
                  return run;
                });
    return latestFirst.reversed();
  }

  /**
   * Raises "no attendance for days" for every open episode whose last attendance (or start, if none
   * was recorded) is at least the agency's days before today; one alert per episode and last
   * attended day.
   *
   * @return how many were raised
   */
  @Transactional
  public int raiseForDaysWithoutAttendance() {
    LocalDate today = LocalDate.now(clock);
    record Quiet(
        TreatmentEpisodeId episode,
        PersonId person,
        OrganizationId agency,
        OrganizationId provider,
        LocalDate since) {}
    List<Quiet> quiet =
        jdbc.sql(
                """
                SELECT id, person_id, agency_id, provider_id, since FROM (
                  SELECT e.id, e.person_id, e.agency_id, e.provider_id,
                         COALESCE((SELECT max(a.starts_at AT TIME ZONE 'UTC')::date
                                   FROM care_appointment a
                                   JOIN care_attendance t ON t.appointment_id = a.id
                                   WHERE a.episode_id = e.id AND t.outcome IN ('ATTENDED', 'LATE')),
                                  e.started_on) AS since,
                         COALESCE(r.threshold, :days) AS days
                  FROM care_episode e
                  LEFT JOIN care_alert_rule r ON r.agency_id = e.agency_id AND r.rule = :rule
                  WHERE e.ended_on IS NULL AND COALESCE(r.enabled, TRUE)) quiet
                WHERE since <= CAST(:today AS date) - days
                  AND NOT EXISTS (SELECT 1 FROM care_alert x WHERE x.person_id = quiet.person_id
                      AND x.rule = :rule AND x.trigger_key = quiet.id || ':' || quiet.since)
                """)
            .param("rule", AlertRule.NO_ATTENDANCE_DAYS.name())
            .param("today", today)
            .param("days", AlertRule.NO_ATTENDANCE_DAYS.defaultThreshold())
            .query(
                (rs, n) ->
                    new Quiet(
                        new TreatmentEpisodeId(rs.getObject("id", UUID.class)),
                        new PersonId(rs.getObject("person_id", UUID.class)),
                        new OrganizationId(rs.getObject("agency_id", UUID.class)),
                        new OrganizationId(rs.getObject("provider_id", UUID.class)),
                        rs.getObject("since", LocalDate.class)))
            .list();
    int raised = 0;
    for (Quiet q : quiet) {
      if (raise(
              q.person(),
              q.agency(),
              q.provider(),
              q.episode(),
              AlertRule.NO_ATTENDANCE_DAYS,
              q.episode() + ":" + q.since(),
              List.of(q.episode().value()),
              today,
              rules.of(q.agency()))
          .isPresent()) {
        raised++;
      }
    }
    return raised;
  }

  private Optional<CareAlert> raise(
      PersonId person,
      OrganizationId agency,
      OrganizationId provider,
      TreatmentEpisodeId episode,
      AlertRule rule,
      String triggerKey,
      List<UUID> triggerIds,
      LocalDate day,
      AlertRules.Settings settings) {
    Instant now = clock.instant();
    Instant escalateAt =
        settings.enabled(AlertRule.ESCALATION_BUSINESS_DAYS)
            ? WorkingDays.plus(
                    now.atZone(clock.getZone()),
                    settings.threshold(AlertRule.ESCALATION_BUSINESS_DAYS))
                .toInstant()
            : null;
    CareAlert alert =
        new CareAlert(
            CareAlertId.random(),
            person,
            agency,
            provider,
            episode,
            rule,
            triggerIds,
            part2.sensitivityOf(provider),
            day,
            new ArrayList<>(people.officersOf(person)),
            now,
            escalateAt,
            AlertState.OPEN,
            null,
            null,
            null,
            null,
            null,
            null,
            0);
    if (!store.insertIfNew(alert, triggerKey)) {
      return Optional.empty();
    }
    audit.record(
        AuditEvent.success("care.alert.raise")
            .withActor(Actor.system())
            .withRecord(ALERT, alert.id().value())
            .withPerson(person.value())
            .withDetail("rule", rule.name())
            .withDetail("episode", episode.toString()));
    events.publishEvent(
        new TreatmentAlertNotice(
            alert.id().value(),
            person,
            agency,
            TreatmentAlertNotice.Kind.RAISED,
            alert.officers().stream().map(UserId::new).toList(),
            now));
    return Optional.of(alert);
  }
}
