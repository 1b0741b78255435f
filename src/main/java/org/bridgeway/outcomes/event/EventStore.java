package org.bridgeway.outcomes.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bridgeway.outcomes.OutcomeEventKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code outcomes_event} and {@code outcomes_event_retracted} tables. */
@Repository
class EventStore {

  /** An event as stored. */
  record StoredEvent(
      UUID id,
      UUID person,
      UUID agency,
      OutcomeEventKind kind,
      LocalDate occurredOn,
      String offenseCategory,
      String housingStatus,
      String detail,
      String source,
      String sourceRef,
      Instant recordedAt,
      String recordedBy) {}

  private static final String COLUMNS =
      "id, person_id, agency_id, kind, occurred_on, offense_category, housing_status, detail,"
          + " source, source_ref, recorded_at, recorded_by";

  private final JdbcClient jdbc;

  EventStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(StoredEvent event) {
    jdbc.sql(
            "INSERT INTO outcomes_event ("
                + COLUMNS
                + ") VALUES (:id, :person, :agency, :kind, :on, :offense, :housing, :detail,"
                + " :source, :ref, :at, :by)")
        .param("id", event.id())
        .param("person", event.person())
        .param("agency", event.agency())
        .param("kind", event.kind().name())
        .param("on", event.occurredOn())
        .param("offense", event.offenseCategory(), Types.VARCHAR)
        .param("housing", event.housingStatus(), Types.VARCHAR)
        .param("detail", event.detail(), Types.VARCHAR)
        .param("source", event.source())
        .param("ref", event.sourceRef(), Types.VARCHAR)
        .param("at", Timestamp.from(event.recordedAt()))
        .param("by", event.recordedBy())
        .update();
  }

  /** Whether the person has an event of this kind on this day with this offense or housing. */
  boolean sameExists(
      UUID person, OutcomeEventKind kind, LocalDate on, String offense, String housing) {
    return jdbc.sql(
            """
            SELECT EXISTS (SELECT 1 FROM outcomes_event WHERE person_id = :person AND kind = :kind
              AND occurred_on = :on AND COALESCE(offense_category, '') = :offense
              AND COALESCE(housing_status, '') = :housing)
            """)
        .param("person", person)
        .param("kind", kind.name())
        .param("on", on)
        .param("offense", offense == null ? "" : offense)
        .param("housing", housing == null ? "" : housing)
        .query(Boolean.class)
        .single();
  }

  /** The person's standing events, latest first. */
  List<StoredEvent> ofPerson(UUID person) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM outcomes_event WHERE person_id = :person"
                + " ORDER BY occurred_on DESC, recorded_at DESC, id")
        .param("person", person)
        .query(EventStore::read)
        .list();
  }

  Optional<StoredEvent> find(UUID person, UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM outcomes_event WHERE id = :id AND person_id = :p")
        .param("id", id)
        .param("p", person)
        .query(EventStore::read)
        .optional();
  }

  /** A retracted event as its person's page lists it. */
  record Retracted(StoredEvent event, Instant retractedAt, String retractedBy, String reason) {}

  List<Retracted> retractedOf(UUID person) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + ", retracted_at, retracted_by, retraction_reason FROM outcomes_event_retracted"
                + " WHERE person_id = :person ORDER BY retracted_at DESC, id")
        .param("person", person)
        .query(
            (rs, n) ->
                new Retracted(
                    read(rs, n),
                    rs.getTimestamp("retracted_at").toInstant(),
                    rs.getString("retracted_by"),
                    rs.getString("retraction_reason")))
        .list();
  }

  /** Moves the event to the retracted events, with who retracted it, when and why. */
  boolean retract(UUID id, Instant at, String by, String reason) {
    int moved =
        jdbc.sql(
                "INSERT INTO outcomes_event_retracted ("
                    + COLUMNS
                    + ", retracted_at, retracted_by, retraction_reason) SELECT "
                    + COLUMNS
                    + ", :at, :by, :reason FROM outcomes_event WHERE id = :id")
            .param("id", id)
            .param("at", Timestamp.from(at))
            .param("by", by)
            .param("reason", reason)
            .update();
    if (moved == 0) {
      return false;
    }
    jdbc.sql("DELETE FROM outcomes_event WHERE id = :id").param("id", id).update();
    return true;
  }

  static StoredEvent read(ResultSet rs, int row) throws SQLException {
    return new StoredEvent(
        rs.getObject("id", UUID.class),
        rs.getObject("person_id", UUID.class),
        rs.getObject("agency_id", UUID.class),
        OutcomeEventKind.valueOf(rs.getString("kind")),
        rs.getObject("occurred_on", LocalDate.class),
        rs.getString("offense_category"),
        rs.getString("housing_status"),
        rs.getString("detail"),
        rs.getString("source"),
        rs.getString("source_ref"),
        rs.getTimestamp("recorded_at").toInstant(),
        rs.getString("recorded_by"));
  }
}
