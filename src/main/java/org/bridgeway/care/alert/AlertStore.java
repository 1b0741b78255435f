package org.bridgeway.care.alert;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.consent.Sensitivity;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.supervision.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The alerts as stored: explicit SQL, one statement per question. */
@Repository
class AlertStore {

  private static final String COLUMNS =
      """
      SELECT id, person_id, agency_id, provider_id, episode_id, rule, trigger_ids, sensitivity, day,
             officer_ids, raised_at, escalate_at, state, escalated_at, escalated_to,
             acknowledged_by, acknowledged_at, action, note, version
      FROM care_alert
      """;

  private final JdbcClient jdbc;

  AlertStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Stores a new alert unless one of the same person, rule and trigger exists (in any state).
   *
   * @return whether it was stored
   */
  boolean insertIfNew(CareAlert alert, String triggerKey) {
    return jdbc.sql(
                """
                INSERT INTO care_alert (id, person_id, agency_id, provider_id, episode_id, rule,
                    trigger_key, trigger_ids, category, sensitivity, day, officer_ids, raised_at,
                    escalate_at, state, version)
                VALUES (:id, :person, :agency, :provider, :episode, :rule, :triggerKey, :triggerIds,
                    :category, :sensitivity, :day, :officers, :raisedAt, :escalateAt, 'OPEN', 0)
                ON CONFLICT (person_id, rule, trigger_key) DO NOTHING
                """)
            .param("id", alert.id().value())
            .param("person", alert.person().value())
            .param("agency", alert.agency().value())
            .param("provider", alert.provider().value())
            .param("episode", alert.episode().value())
            .param("rule", alert.rule().name())
            .param("triggerKey", triggerKey)
            .param("triggerIds", alert.triggerIds().toArray(UUID[]::new))
            .param("category", alert.category().name())
            .param("sensitivity", alert.sensitivity().name())
            .param("day", alert.day())
            .param("officers", alert.officers().toArray(UUID[]::new))
            .param("raisedAt", Timestamp.from(alert.raisedAt()))
            .param(
                "escalateAt",
                alert.escalateAt() == null ? null : Timestamp.from(alert.escalateAt()))
            .update()
        == 1;
  }

  Optional<CareAlert> find(CareAlertId id) {
    return jdbc.sql(COLUMNS + " WHERE id = :id")
        .param("id", id.value())
        .query(AlertStore::alert)
        .optional();
  }

  /** The alerts of the agency in the given states, oldest first (at most {@code limit}). */
  List<CareAlert> ofAgency(OrganizationId agency, Collection<AlertState> states, int limit) {
    return jdbc.sql(
            COLUMNS
                + " WHERE agency_id = :agency AND state = ANY(:states)"
                + " ORDER BY raised_at, id LIMIT :limit")
        .param("agency", agency.value())
        .param("states", states.stream().map(Enum::name).toArray(String[]::new))
        .param("limit", limit)
        .query(AlertStore::alert)
        .list();
  }

  /** A person's alerts kept by the agency, latest first. */
  List<CareAlert> ofPerson(OrganizationId agency, PersonId person) {
    return jdbc.sql(
            COLUMNS
                + " WHERE agency_id = :agency AND person_id = :person ORDER BY raised_at DESC, id")
        .param("agency", agency.value())
        .param("person", person.value())
        .query(AlertStore::alert)
        .list();
  }

  /** Open (and escalated) alerts per person of the agency, in one query. */
  Map<PersonId, Integer> openCounts(OrganizationId agency, Collection<PersonId> people) {
    Map<PersonId, Integer> counts = new HashMap<>();
    if (people.isEmpty()) {
      return counts;
    }
    jdbc.sql(
            """
            SELECT person_id, count(*) FROM care_alert
            WHERE agency_id = :agency AND person_id = ANY(:people) AND state <> 'ACKNOWLEDGED'
            GROUP BY person_id
            """)
        .param("agency", agency.value())
        .param("people", people.stream().map(PersonId::value).toArray(UUID[]::new))
        .query(
            (rs, n) -> counts.put(new PersonId(rs.getObject(1, UUID.class)), (int) rs.getLong(2)))
        .list();
    return counts;
  }

  /** The ids of open alerts whose escalation time has come. */
  List<CareAlertId> dueForEscalation(Instant now) {
    return jdbc.sql(
            "SELECT id FROM care_alert WHERE state = 'OPEN' AND escalate_at <= :now"
                + " ORDER BY escalate_at LIMIT 1000")
        .param("now", Timestamp.from(now))
        .query((rs, n) -> new CareAlertId(rs.getObject(1, UUID.class)))
        .list();
  }

  /** Acknowledges an alert at the version read; false if it changed meanwhile. */
  boolean acknowledge(
      CareAlertId id, long version, String by, Instant at, AlertAction action, String note) {
    return jdbc.sql(
                """
                UPDATE care_alert SET state = 'ACKNOWLEDGED', acknowledged_by = :by,
                    acknowledged_at = :at, action = :action, note = :note, version = version + 1
                WHERE id = :id AND version = :version AND state <> 'ACKNOWLEDGED'
                """)
            .param("id", id.value())
            .param("version", version)
            .param("by", by)
            .param("at", Timestamp.from(at))
            .param("action", action.name())
            .param("note", note)
            .update()
        == 1;
  }

  /** Escalates an open alert at the version read; false if it changed meanwhile. */
  boolean escalate(CareAlertId id, long version, Instant at, UUID supervisor) {
    return jdbc.sql(
                """
                UPDATE care_alert SET state = 'ESCALATED', escalated_at = :at,
                    escalated_to = :supervisor, version = version + 1
                WHERE id = :id AND version = :version AND state = 'OPEN'
                """)
            .param("id", id.value())
            .param("version", version)
            .param("at", Timestamp.from(at))
            .param("supervisor", supervisor)
            .update()
        == 1;
  }

  private static CareAlert alert(ResultSet rs, int n) throws SQLException {
    String action = rs.getString("action");
    return new CareAlert(
        new CareAlertId(rs.getObject("id", UUID.class)),
        new PersonId(rs.getObject("person_id", UUID.class)),
        new OrganizationId(rs.getObject("agency_id", UUID.class)),
        new OrganizationId(rs.getObject("provider_id", UUID.class)),
        new TreatmentEpisodeId(rs.getObject("episode_id", UUID.class)),
        AlertRule.valueOf(rs.getString("rule")),
        uuids(rs.getArray("trigger_ids")),
        Sensitivity.valueOf(rs.getString("sensitivity")),
        rs.getObject("day", LocalDate.class),
        uuids(rs.getArray("officer_ids")),
        instant(rs.getTimestamp("raised_at")),
        instant(rs.getTimestamp("escalate_at")),
        AlertState.valueOf(rs.getString("state")),
        instant(rs.getTimestamp("escalated_at")),
        rs.getObject("escalated_to", UUID.class),
        rs.getString("acknowledged_by"),
        instant(rs.getTimestamp("acknowledged_at")),
        action == null ? null : AlertAction.valueOf(action),
        rs.getString("note"),
        rs.getLong("version"));
  }

  private static List<UUID> uuids(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
  }

  private static Instant instant(Timestamp at) {
    return at == null ? null : at.toInstant();
  }
}
