package org.bridgeway.outcomes.cohort;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The cohort imports in {@code outcomes_import} (kind COHORT). */
@Repository
class CohortJobStore {

  private static final JsonMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private static final String COLUMNS =
      "id, agency_id, status, file_name, payload_size, total_rows, rows_done, report::text AS"
          + " report, created_at, started_at, finished_at";

  private static final String UNFINISHED = "('QUEUED', 'VALIDATING', 'WRITING')";

  /** A job as the runner needs it. */
  record Claimed(UUID id, Importer importer, byte[] payload, int attempts) {}

  private final JdbcClient jdbc;

  CohortJobStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(UUID id, Importer importer, String fileName, byte[] payload, Instant at) {
    jdbc.sql(
            "INSERT INTO outcomes_import (id, agency_id, kind, status, file_name, payload,"
                + " payload_size, requested_by, requested_by_user, requested_by_token, created_at)"
                + " VALUES (:id, :agency, 'COHORT', 'QUEUED', :file, :payload, :size, :by, :user,"
                + " :token, :at)")
        .param("id", id)
        .param("agency", importer.agency())
        .param("file", fileName)
        .param("payload", payload)
        .param("size", (long) payload.length)
        .param("by", importer.reference())
        .param("user", importer.user(), java.sql.Types.OTHER)
        .param("token", importer.token(), java.sql.Types.OTHER)
        .param("at", Timestamp.from(at))
        .update();
  }

  Optional<CohortImportJob> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM outcomes_import WHERE id = ? AND kind = 'COHORT'")
        .param(id)
        .query(CohortJobStore::read)
        .optional();
  }

  List<CohortImportJob> recent(UUID agency, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM outcomes_import WHERE agency_id = ? AND kind = 'COHORT'"
                + " ORDER BY created_at DESC, id LIMIT ?")
        .params(agency, limit)
        .query(CohortJobStore::read)
        .list();
  }

  /** Marks a job as started (again, after a restart); empty when finished or unknown. */
  Optional<Claimed> claim(UUID id, Instant at) {
    return jdbc.sql(
            "UPDATE outcomes_import SET status = 'VALIDATING', attempts = attempts + 1,"
                + " started_at = COALESCE(started_at, :at), rows_done = 0"
                + " WHERE id = :id AND kind = 'COHORT' AND status IN "
                + UNFINISHED
                + " RETURNING id, agency_id, requested_by_user, requested_by_token, payload,"
                + " attempts")
        .param("id", id)
        .param("at", Timestamp.from(at))
        .query(
            (rs, n) ->
                new Claimed(
                    rs.getObject("id", UUID.class),
                    new Importer(
                        rs.getObject("agency_id", UUID.class),
                        rs.getObject("requested_by_user", UUID.class),
                        rs.getObject("requested_by_token", UUID.class)),
                    rs.getBytes("payload"),
                    rs.getInt("attempts")))
        .optional();
  }

  void progress(UUID id, CohortStatus status, int rows, int done) {
    jdbc.sql(
            "UPDATE outcomes_import SET status = :status, total_rows = :rows, rows_done = :done"
                + " WHERE id = :id AND status IN "
                + UNFINISHED)
        .param("id", id)
        .param("status", status.name())
        .param("rows", rows)
        .param("done", done)
        .update();
  }

  /** Records the outcome and drops the uploaded file, which is no longer needed. */
  void finish(UUID id, CohortStatus status, CohortReport report, Instant at) {
    jdbc.sql(
            "UPDATE outcomes_import SET status = :status, report = CAST(:report AS JSONB),"
                + " finished_at = :at, payload = NULL,"
                + " rows_done = CASE WHEN :written THEN total_rows ELSE rows_done END"
                + " WHERE id = :id")
        .param("id", id)
        .param("status", status.name())
        .param("report", JSON.writeValueAsString(report))
        .param("written", status == CohortStatus.SUCCEEDED)
        .param("at", Timestamp.from(at))
        .update();
  }

  private static CohortImportJob read(ResultSet rs, int row) throws SQLException {
    String report = rs.getString("report");
    return new CohortImportJob(
        rs.getObject("id", UUID.class),
        rs.getObject("agency_id", UUID.class),
        CohortStatus.valueOf(rs.getString("status")),
        rs.getString("file_name"),
        rs.getLong("payload_size"),
        rs.getInt("total_rows"),
        rs.getInt("rows_done"),
        report == null ? null : JSON.readValue(report, CohortReport.class),
        instant(rs.getTimestamp("created_at")),
        instant(rs.getTimestamp("started_at")),
        instant(rs.getTimestamp("finished_at")));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
