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
import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.consent.Part2Programs;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.shared.security.Actor;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.SupervisedPeople;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raises alerts from the care signals providers' records publish, by the agency's rules. Signals
 * arrive after their transaction commits and possibly twice (the publication registry redelivers
 * after a crash): an alert is unique per person, rule and trigger, so a signal raises at most one,
 * and a no-show already counted is not counted again. No-shows in a row are counted per episode in
 * the order the signals arrive; any attendance starts the count again.
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

  AlertRaiser(
      AlertStore store,
      AlertRules rules,
      SupervisedPeople people,
      Part2Programs part2,
      JdbcClient jdbc,
      AuditTrail audit,
      Clock clock) {
    this.store = store;
    this.rules = rules;
    this.people = people;
    this.part2 = part2;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
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
      case ATTENDANCE_RECORDED -> {
        attended(signal);
        yield Optional.empty();
      }
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

  private void attended(CareSignal signal) {
    jdbc.sql(
            """
            INSERT INTO care_alert_watch (episode_id, no_show_streak, streak_record_ids, last_attended_on)
            VALUES (:episode, 0, '{}', :day)
            ON CONFLICT (episode_id) DO UPDATE SET no_show_streak = 0, streak_record_ids = '{}',
                last_attended_on = GREATEST(care_alert_watch.last_attended_on, :day)
            """)
        .param("episode", signal.episode().value())
        .param("day", signal.day())
        .update();
  }

  private Optional<CareAlert> noShow(CareSignal signal, AlertRules.Settings settings) {
    // Adds the no-show to the episode's streak unless it is counted already (a redelivery).
    List<UUID> streak =
        jdbc.sql(
                """
                INSERT INTO care_alert_watch (episode_id, no_show_streak, streak_record_ids)
                VALUES (:episode, 1, ARRAY[:record]::uuid[])
                ON CONFLICT (episode_id) DO UPDATE SET
                    no_show_streak = care_alert_watch.no_show_streak
                        + CASE WHEN :record = ANY(care_alert_watch.streak_record_ids) THEN 0 ELSE 1 END,
                    streak_record_ids = CASE WHEN :record = ANY(care_alert_watch.streak_record_ids)
                        THEN care_alert_watch.streak_record_ids
                        ELSE array_append(care_alert_watch.streak_record_ids, :record) END
                RETURNING streak_record_ids
                """)
            .param("episode", signal.episode().value())
            .param("record", signal.recordId())
            .query((rs, n) -> List.of((UUID[]) rs.getArray("streak_record_ids").getArray()))
            .single();
    if (!settings.enabled(AlertRule.NO_SHOWS_IN_A_ROW)
        || streak.size() < settings.threshold(AlertRule.NO_SHOWS_IN_A_ROW)) {
      return Optional.empty();
    }
    // One alert per streak, keyed by its first no-show: more no-shows in it raise nothing new.
    return raise(
        signal.person(),
        signal.agency(),
        signal.provider(),
        signal.episode(),
        AlertRule.NO_SHOWS_IN_A_ROW,
        streak.getFirst().toString(),
        streak,
        signal.day(),
        settings);
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
                SELECT e.id, e.person_id, e.agency_id, e.provider_id,
                       COALESCE(w.last_attended_on, e.started_on) AS since
                FROM care_episode e
                LEFT JOIN care_alert_watch w ON w.episode_id = e.id
                LEFT JOIN care_alert_rule r ON r.agency_id = e.agency_id AND r.rule = :rule
                WHERE e.ended_on IS NULL AND COALESCE(r.enabled, TRUE)
                  AND COALESCE(w.last_attended_on, e.started_on)
                      <= CAST(:today AS date) - COALESCE(r.threshold, :days)
                  AND NOT EXISTS (SELECT 1 FROM care_alert a WHERE a.person_id = e.person_id
                      AND a.rule = :rule
                      AND a.trigger_key = e.id || ':' || COALESCE(w.last_attended_on, e.started_on))
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
    return Optional.of(alert);
  }
}
