package org.bridgeway.supervision.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bridgeway.identity.OrganizationId;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * All instrument versions. The definition is one JSON document per version: it is read and written
 * whole and never queried inside (ADR 0010).
 */
@Repository
public class Instruments {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private static final String COLUMNS =
      "id, organization_id, series_id, number, name, definition::text AS definition, current,"
          + " created_by, created_at, updated_at, version";

  private final JdbcClient jdbc;

  Instruments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores a new version or the change of one, checking its optimistic-locking version. */
  public void save(Instrument instrument) {
    String definition = JSON.writeValueAsString(instrument.definition());
    int updated =
        jdbc.sql(
                "UPDATE supervision_instrument SET name = :name, definition = CAST(:definition AS"
                    + " jsonb), current = :current, updated_at = :updatedAt, version = version + 1"
                    + " WHERE id = :id AND version = :version")
            .param("name", instrument.name())
            .param("definition", definition)
            .param("current", instrument.current())
            .param("updatedAt", Timestamp.from(instrument.updatedAt()))
            .param("id", instrument.id().value())
            .param("version", instrument.version())
            .update();
    if (updated == 1) {
      instrument.stored(instrument.version() + 1);
      return;
    }
    if (exists(instrument.id())) {
      throw new OptimisticLockingFailureException(
          "The instrument " + instrument.id() + " changed after it was read");
    }
    jdbc.sql(
            "INSERT INTO supervision_instrument (id, organization_id, series_id, number, name,"
                + " definition, current, created_by, created_at, updated_at, version) VALUES (:id,"
                + " :organization, :series, :number, :name, CAST(:definition AS jsonb), :current,"
                + " :createdBy, :createdAt, :updatedAt, 0)")
        .param("id", instrument.id().value())
        .param("organization", instrument.organizationId().value())
        .param("series", instrument.seriesId())
        .param("number", instrument.number())
        .param("name", instrument.name())
        .param("definition", definition)
        .param("current", instrument.current())
        .param("createdBy", instrument.createdBy())
        .param("createdAt", Timestamp.from(instrument.createdAt()))
        .param("updatedAt", Timestamp.from(instrument.updatedAt()))
        .update();
    instrument.stored(0);
  }

  public Optional<Instrument> findById(InstrumentId id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM supervision_instrument WHERE id = ?")
        .param(id.value())
        .query(Instruments::map)
        .optional();
  }

  /** The current versions of the agency's instruments, by name. */
  public List<Instrument> currentOf(OrganizationId agency) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM supervision_instrument WHERE organization_id = ? AND current ORDER BY"
                + " name, id")
        .param(agency.value())
        .query(Instruments::map)
        .list();
  }

  /** Whether any assessment used the version. */
  public boolean inUse(InstrumentId id) {
    return jdbc.sql("SELECT EXISTS (SELECT 1 FROM supervision_assessment WHERE instrument_id = ?)")
        .param(id.value())
        .query(Boolean.class)
        .single();
  }

  private boolean exists(InstrumentId id) {
    return jdbc.sql("SELECT EXISTS (SELECT 1 FROM supervision_instrument WHERE id = ?)")
        .param(id.value())
        .query(Boolean.class)
        .single();
  }

  private static Instrument map(ResultSet rs, int row) throws SQLException {
    return new Instrument(
        new InstrumentId(rs.getObject("id", UUID.class)),
        new OrganizationId(rs.getObject("organization_id", UUID.class)),
        rs.getObject("series_id", UUID.class),
        rs.getInt("number"),
        rs.getString("name"),
        JSON.readValue(rs.getString("definition"), InstrumentDefinition.class),
        rs.getBoolean("current"),
        rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(),
        rs.getLong("version"));
  }
}
