package org.bridgeway.directory.exchange;

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

/** The {@code directory_import_job} table. */
@Repository
class ImportJobStore {

  private static final JsonMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private static final String COLUMNS =
      "id, status, file_name, kind, payload_size, requested_by_name, organization_id, phase_done,"
          + " phase_total, error_count, created_count, updated_count, unchanged_count,"
          + " report::text AS report, created_at, started_at, finished_at";

  /** A job as the runner needs it: what was uploaded, and by whom. */
  record Claimed(
      UUID id,
      Upload upload,
      String requestedBy,
      UUID requestedByUser,
      UUID requestedByToken,
      String requestedByName,
      UUID organizationId,
      int attempts) {}

  private final JdbcClient jdbc;

  ImportJobStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(
      UUID id,
      Upload upload,
      String requestedBy,
      UUID requestedByUser,
      UUID requestedByToken,
      String requestedByName,
      UUID organizationId,
      Instant at) {
    jdbc.sql(
            "INSERT INTO directory_import_job (id, status, file_name, content_type, payload,"
                + " payload_size, requested_by, requested_by_user, requested_by_token,"
                + " requested_by_name, organization_id, created_at)"
                + " VALUES (:id, 'QUEUED', :file, :type, :payload, :size, :by, :user, :token,"
                + " :name, :organization, :at)")
        .param("id", id)
        .param("file", upload.fileName())
        .param("type", upload.contentType())
        .param("payload", upload.bytes())
        .param("size", (long) upload.bytes().length)
        .param("by", requestedBy)
        .param("user", requestedByUser)
        .param("token", requestedByToken)
        .param("name", requestedByName)
        .param("organization", organizationId)
        .param("at", Timestamp.from(at))
        .update();
  }

  Optional<ImportJob> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM directory_import_job WHERE id = ?")
        .param(id)
        .query(ImportJobStore::read)
        .optional();
  }

  List<ImportJob> recent(int limit) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM directory_import_job ORDER BY created_at DESC, id LIMIT ?")
        .param(limit)
        .query(ImportJobStore::read)
        .list();
  }

  /**
   * Marks a job as started (again, after a restart) and returns what it needs; empty when the job
   * is finished or unknown. The scheduler runs a job on one node at a time.
   */
  Optional<Claimed> claim(UUID id, Instant at) {
    return jdbc.sql(
            "UPDATE directory_import_job SET status = 'VALIDATING', attempts = attempts + 1,"
                + " started_at = COALESCE(started_at, :at), phase_done = 0, phase_total = 0"
                + " WHERE id = :id AND status IN ('QUEUED', 'VALIDATING', 'WRITING')"
                + " RETURNING id, file_name, content_type, payload, requested_by,"
                + " requested_by_user, requested_by_token, requested_by_name, organization_id,"
                + " attempts")
        .param("id", id)
        .param("at", Timestamp.from(at))
        .query(
            (rs, n) ->
                new Claimed(
                    rs.getObject("id", UUID.class),
                    new Upload(
                        rs.getString("file_name"),
                        rs.getString("content_type"),
                        rs.getBytes("payload")),
                    rs.getString("requested_by"),
                    rs.getObject("requested_by_user", UUID.class),
                    rs.getObject("requested_by_token", UUID.class),
                    rs.getString("requested_by_name"),
                    rs.getObject("organization_id", UUID.class),
                    rs.getInt("attempts")))
        .optional();
  }

  void progress(UUID id, ImportStatus status, String kind, int done, int total) {
    jdbc.sql(
            "UPDATE directory_import_job SET status = :status, kind = COALESCE(:kind, kind),"
                + " phase_done = :done, phase_total = :total"
                + " WHERE id = :id AND status IN ('QUEUED', 'VALIDATING', 'WRITING')")
        .param("id", id)
        .param("status", status.name())
        .param("kind", kind)
        .param("done", done)
        .param("total", total)
        .update();
  }

  /** Records the outcome and drops the uploaded bytes, which are no longer needed. */
  void finish(UUID id, ImportStatus status, ImportReport report, Instant at) {
    jdbc.sql(
            "UPDATE directory_import_job SET status = :status, kind = COALESCE(:kind, kind),"
                + " report = CAST(:report AS JSONB), error_count = :errors,"
                + " created_count = :created, updated_count = :updated,"
                + " unchanged_count = :unchanged, finished_at = :at, payload = NULL,"
                + " phase_done = phase_total"
                + " WHERE id = :id")
        .param("id", id)
        .param("status", status.name())
        .param("kind", report.kind())
        .param("report", JSON.writeValueAsString(report))
        .param("errors", report.errorCount())
        .param("created", report.created())
        .param("updated", report.updated())
        .param("unchanged", report.unchanged())
        .param("at", Timestamp.from(at))
        .update();
  }

  private static ImportJob read(ResultSet rs, int row) throws SQLException {
    String report = rs.getString("report");
    return new ImportJob(
        rs.getObject("id", UUID.class),
        ImportStatus.valueOf(rs.getString("status")),
        rs.getString("file_name"),
        rs.getString("kind"),
        rs.getLong("payload_size"),
        rs.getString("requested_by_name"),
        rs.getObject("organization_id", UUID.class),
        rs.getInt("phase_done"),
        rs.getInt("phase_total"),
        rs.getInt("error_count"),
        rs.getInt("created_count"),
        rs.getInt("updated_count"),
        rs.getInt("unchanged_count"),
        report == null ? null : JSON.readValue(report, ImportReport.class),
        instant(rs.getTimestamp("created_at")),
        instant(rs.getTimestamp("started_at")),
        instant(rs.getTimestamp("finished_at")));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
