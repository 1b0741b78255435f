package org.bridgeway.supervision.importing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The {@code supervision_import_job} table. */
@Repository
class PeopleImportJobStore {

  private static final JsonMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private static final String COLUMNS =
      "id, organization_id, status, file_name, payload_size, row_count, rows_validated,"
          + " rows_written, error_count, report::text AS report, created_at, started_at,"
          + " finished_at";

  private static final String UNFINISHED = "('QUEUED', 'VALIDATING', 'WRITING')";

  /** A job as the runner needs it: the file, its rows and who uploaded it. */
  record Claimed(UUID id, Importer importer, byte[] payload, int rows, int attempts) {}

  private final JdbcClient jdbc;

  PeopleImportJobStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(UUID id, Importer importer, String fileName, byte[] payload, int rows, Instant at) {
    jdbc.sql(
            "INSERT INTO supervision_import_job (id, organization_id, status, file_name, payload,"
                + " payload_size, requested_by, requested_by_user, requested_by_token, row_count,"
                + " created_at) VALUES (:id, :organization, 'QUEUED', :file, :payload, :size, :by,"
                + " :user, :token, :rows, :at)")
        .param("id", id)
        .param("organization", importer.agency().value())
        .param("file", fileName)
        .param("payload", payload)
        .param("size", (long) payload.length)
        .param("by", importer.reference())
        .param("user", importer.userId())
        .param("token", importer.apiTokenId())
        .param("rows", rows)
        .param("at", Timestamp.from(at))
        .update();
  }

  Optional<ImportJob> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM supervision_import_job WHERE id = ?")
        .param(id)
        .query(PeopleImportJobStore::read)
        .optional();
  }

  /** The agency's latest jobs, newest first. */
  List<ImportJob> recent(OrganizationId agency, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM supervision_import_job WHERE organization_id = ?"
                + " ORDER BY created_at DESC, id LIMIT ?")
        .params(agency.value(), limit)
        .query(PeopleImportJobStore::read)
        .list();
  }

  /**
   * Marks a job as started (again, after a restart) and returns what it needs; empty when the job
   * is finished or unknown. The scheduler runs a job on one node at a time.
   */
  Optional<Claimed> claim(UUID id, Instant at) {
    return jdbc.sql(
            "UPDATE supervision_import_job SET status = 'VALIDATING', attempts = attempts + 1,"
                + " started_at = COALESCE(started_at, :at), rows_validated = 0, rows_written = 0"
                + " WHERE id = :id AND status IN "
                + UNFINISHED
                + " RETURNING id, organization_id, requested_by_user, requested_by_token, payload,"
                + " row_count, attempts")
        .param("id", id)
        .param("at", Timestamp.from(at))
        .query(
            (rs, n) -> {
              UUID user = rs.getObject("requested_by_user", UUID.class);
              return new Claimed(
                  rs.getObject("id", UUID.class),
                  new Importer(
                      new OrganizationId(rs.getObject("organization_id", UUID.class)),
                      user == null ? null : new UserId(user),
                      rs.getObject("requested_by_token", UUID.class)),
                  rs.getBytes("payload"),
                  rs.getInt("row_count"),
                  rs.getInt("attempts"));
            })
        .optional();
  }

  void progress(UUID id, ImportJobStatus status, int validated, int written) {
    jdbc.sql(
            "UPDATE supervision_import_job SET status = :status, rows_validated = :validated,"
                + " rows_written = :written WHERE id = :id AND status IN "
                + UNFINISHED)
        .param("id", id)
        .param("status", status.name())
        .param("validated", validated)
        .param("written", written)
        .update();
  }

  /** Records the outcome and drops the uploaded file, which is no longer needed. */
  void finish(UUID id, ImportJobStatus status, ImportReport report, Instant at) {
    jdbc.sql(
            "UPDATE supervision_import_job SET status = :status, report = CAST(:report AS JSONB),"
                + " error_count = :errors, finished_at = :at, payload = NULL,"
                + " rows_validated = CASE WHEN :checked THEN row_count ELSE rows_validated END,"
                + " rows_written = CASE WHEN :written THEN row_count ELSE 0 END"
                + " WHERE id = :id")
        .param("id", id)
        .param("status", status.name())
        .param("report", JSON.writeValueAsString(report))
        .param("errors", report.errorCount())
        .param("checked", status != ImportJobStatus.FAILED)
        .param("written", status == ImportJobStatus.SUCCEEDED)
        .param("at", Timestamp.from(at))
        .update();
  }

  private static ImportJob read(ResultSet rs, int row) throws SQLException {
    String report = rs.getString("report");
    return new ImportJob(
        rs.getObject("id", UUID.class),
        rs.getObject("organization_id", UUID.class),
        ImportJobStatus.valueOf(rs.getString("status")),
        rs.getString("file_name"),
        rs.getLong("payload_size"),
        rs.getInt("row_count"),
        rs.getInt("rows_validated"),
        rs.getInt("rows_written"),
        rs.getInt("error_count"),
        report == null ? null : JSON.readValue(report, ImportReport.class),
        instant(rs.getTimestamp("created_at")),
        instant(rs.getTimestamp("started_at")),
        instant(rs.getTimestamp("finished_at")));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
