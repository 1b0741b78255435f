package org.bridgeway.care.upload;

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

/** The {@code care_upload_job} table. */
@Repository
class UploadJobStore {

  private static final JsonMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private static final String COLUMNS =
      "id, organization_id, kind, status, file_name, payload_size, row_count, rows_validated,"
          + " rows_written, error_count, report::text AS report, created_at, started_at,"
          + " finished_at";

  private static final String UNFINISHED = "('QUEUED', 'VALIDATING', 'WRITING')";

  /** A job as the runner needs it: the file, its rows and who uploaded it. */
  record Claimed(
      UUID id, UploadKind kind, Uploader uploader, byte[] payload, int rows, int attempts) {}

  private final JdbcClient jdbc;

  UploadJobStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(
      UUID id,
      UploadKind kind,
      Uploader uploader,
      String fileName,
      byte[] payload,
      int rows,
      Instant at) {
    jdbc.sql(
            "INSERT INTO care_upload_job (id, organization_id, kind, status, file_name, payload,"
                + " payload_size, requested_by, requested_by_user, requested_by_token, row_count,"
                + " created_at) VALUES (:id, :organization, :kind, 'QUEUED', :file, :payload, :size, :by,"
                + " :user, :token, :rows, :at)")
        .param("id", id)
        .param("kind", kind.name())
        .param("organization", uploader.provider().value())
        .param("file", fileName)
        .param("payload", payload)
        .param("size", (long) payload.length)
        .param("by", uploader.reference())
        .param("user", uploader.userId())
        .param("token", uploader.apiTokenId())
        .param("rows", rows)
        .param("at", Timestamp.from(at))
        .update();
  }

  Optional<UploadJob> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM care_upload_job WHERE id = ?")
        .param(id)
        .query(UploadJobStore::read)
        .optional();
  }

  /** The provider's latest jobs, newest first. */
  List<UploadJob> recent(OrganizationId provider, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM care_upload_job WHERE organization_id = ?"
                + " ORDER BY created_at DESC, id LIMIT ?")
        .params(provider.value(), limit)
        .query(UploadJobStore::read)
        .list();
  }

  /**
   * Marks a job as started (again, after a restart) and returns what it needs; empty when the job
   * is finished or unknown. The scheduler runs a job on one node at a time.
   */
  Optional<Claimed> claim(UUID id, Instant at) {
    return jdbc.sql(
            "UPDATE care_upload_job SET status = 'VALIDATING', attempts = attempts + 1,"
                + " started_at = COALESCE(started_at, :at), rows_validated = 0, rows_written = 0"
                + " WHERE id = :id AND status IN "
                + UNFINISHED
                + " RETURNING id, kind, organization_id, requested_by_user, requested_by_token, payload,"
                + " row_count, attempts")
        .param("id", id)
        .param("at", Timestamp.from(at))
        .query(
            (rs, n) -> {
              UUID user = rs.getObject("requested_by_user", UUID.class);
              return new Claimed(
                  rs.getObject("id", UUID.class),
                  UploadKind.valueOf(rs.getString("kind")),
                  new Uploader(
                      new OrganizationId(rs.getObject("organization_id", UUID.class)),
                      user == null ? null : new UserId(user),
                      rs.getObject("requested_by_token", UUID.class)),
                  rs.getBytes("payload"),
                  rs.getInt("row_count"),
                  rs.getInt("attempts"));
            })
        .optional();
  }

  void progress(UUID id, UploadStatus status, int validated, int written) {
    jdbc.sql(
            "UPDATE care_upload_job SET status = :status, rows_validated = :validated,"
                + " rows_written = :written WHERE id = :id AND status IN "
                + UNFINISHED)
        .param("id", id)
        .param("status", status.name())
        .param("validated", validated)
        .param("written", written)
        .update();
  }

  /** Records the outcome and drops the uploaded file, which is no longer needed. */
  void finish(UUID id, UploadStatus status, UploadReport report, Instant at) {
    jdbc.sql(
            "UPDATE care_upload_job SET status = :status, report = CAST(:report AS JSONB),"
                + " error_count = :errors, finished_at = :at, payload = NULL,"
                + " rows_validated = CASE WHEN :checked THEN row_count ELSE rows_validated END,"
                + " rows_written = CASE WHEN :written THEN row_count ELSE 0 END"
                + " WHERE id = :id")
        .param("id", id)
        .param("status", status.name())
        .param("report", JSON.writeValueAsString(report))
        .param("errors", report.errorCount())
        .param("checked", status != UploadStatus.FAILED)
        .param("written", status == UploadStatus.SUCCEEDED)
        .param("at", Timestamp.from(at))
        .update();
  }

  private static UploadJob read(ResultSet rs, int row) throws SQLException {
    String report = rs.getString("report");
    return new UploadJob(
        rs.getObject("id", UUID.class),
        rs.getObject("organization_id", UUID.class),
        UploadKind.valueOf(rs.getString("kind")),
        UploadStatus.valueOf(rs.getString("status")),
        rs.getString("file_name"),
        rs.getLong("payload_size"),
        rs.getInt("row_count"),
        rs.getInt("rows_validated"),
        rs.getInt("rows_written"),
        rs.getInt("error_count"),
        report == null ? null : JSON.readValue(report, UploadReport.class),
        instant(rs.getTimestamp("created_at")),
        instant(rs.getTimestamp("started_at")),
        instant(rs.getTimestamp("finished_at")));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
