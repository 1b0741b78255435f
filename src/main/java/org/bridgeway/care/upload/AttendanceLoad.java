package org.bridgeway.care.upload;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.bridgeway.consent.Sensitivity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The set-based half of an attendance upload, in the job's one transaction (ADR 0023): the rows
 * that passed their own checks are copied into a temporary staging table with PostgreSQL COPY,
 * matched against the provider's stored appointments in one statement, checked together (repeated
 * rows, unknown or foreign appointment ids, changes an appointment cannot take), and written with
 * one statement per table: new appointments and their attendance, and for changed ones first the
 * state they replace ({@code care_appointment_revision}), then the change.
 */
@Component
class AttendanceLoad {

  private static final String STAGE =
      "CREATE TEMP TABLE care_upload_stage (row_no INTEGER NOT NULL, appointment_id UUID,"
          + " external_id TEXT, episode_id UUID NOT NULL, person_id UUID NOT NULL,"
          + " agency_id UUID NOT NULL, starts_at TIMESTAMPTZ NOT NULL,"
          + " duration_minutes INTEGER NOT NULL, kind TEXT NOT NULL, mode TEXT NOT NULL,"
          + " outcome TEXT NOT NULL, reason TEXT, episode_ended BOOLEAN NOT NULL)"
          + " ON COMMIT DROP";

  private static final String COPY =
      "COPY care_upload_stage (row_no, appointment_id, external_id, episode_id, person_id,"
          + " agency_id, starts_at, duration_minutes, kind, mode, outcome, reason, episode_ended)"
          + " FROM STDIN";

  /**
   * Each staged row with the stored appointment it names (by id or by the provider's external id),
   * whether the row changes it, the first row of the file naming the same appointment, and the id
   * of a new appointment.
   */
  private static final String MATCH =
      """
      CREATE TEMP TABLE care_upload_matched ON COMMIT DROP AS
      WITH named AS (
        SELECT s.*, by_id.id AS by_id, by_id.external_id AS by_id_external, by_external.id AS by_external
        FROM care_upload_stage s
        LEFT JOIN care_appointment by_id
          ON by_id.id = s.appointment_id AND by_id.provider_id = :provider
        LEFT JOIN care_appointment by_external
          ON by_external.provider_id = :provider AND by_external.external_id = s.external_id
      )
      SELECT n.row_no, n.appointment_id, n.external_id, n.episode_id, n.person_id, n.agency_id,
             n.starts_at, n.duration_minutes, n.kind, n.mode, n.outcome, n.reason, n.episode_ended,
             a.id AS existing_id,
             n.appointment_id IS NOT NULL AND n.by_id IS NULL AS unknown_appointment,
             n.by_id IS NOT NULL AND n.external_id IS NOT NULL
               AND n.by_external IS DISTINCT FROM n.by_id
               AND (n.by_id_external IS NOT NULL OR n.by_external IS NOT NULL) AS ids_differ,
             a.episode_id AS stored_episode_id,
             a.status = 'CANCELLED' AND t.appointment_id IS NULL AS cancelled,
             a.id IS NOT NULL AND (
               (a.episode_id, a.kind, a.mode, a.starts_at, a.duration_minutes,
                COALESCE(a.external_id, ''), COALESCE(t.outcome, ''), COALESCE(t.reason, ''))
               IS DISTINCT FROM
               (n.episode_id, n.kind, n.mode, n.starts_at, n.duration_minutes,
                COALESCE(n.external_id, a.external_id, ''), n.outcome, COALESCE(n.reason, ''))
             ) AS changed,
             min(n.row_no) OVER (PARTITION BY COALESCE(a.id::text, 'e:' || n.external_id,
               'i:' || n.appointment_id::text, 'r:' || n.row_no)) AS first_row,
             CASE WHEN a.id IS NULL THEN gen_random_uuid() END AS new_id
      FROM named n
      LEFT JOIN care_appointment a ON a.id = COALESCE(n.by_id, n.by_external)
      LEFT JOIN care_attendance t ON t.appointment_id = a.id
      """;

  /** The set-based checks: one row per error found, each with its column, code and message. */
  private static final String ERRORS =
      """
      SELECT row_no, 'appointment_id' AS col, 'UnknownAppointment' AS code,
             'is not an appointment at your organization' AS message
        FROM care_upload_matched WHERE unknown_appointment
      UNION ALL
      SELECT row_no, 'external_id', 'AppointmentDiffers',
             'names another appointment than the row''s appointment_id'
        FROM care_upload_matched WHERE ids_differ
      UNION ALL
      SELECT row_no, CASE WHEN external_id IS NOT NULL THEN 'external_id' ELSE 'appointment_id' END,
             'Duplicate', 'row ' || first_row || ' gives the same appointment'
        FROM care_upload_matched WHERE row_no > first_row
      UNION ALL
      SELECT row_no, 'episode_id', 'EpisodeDiffers',
             'the appointment belongs to another treatment episode'
        FROM care_upload_matched
        WHERE existing_id IS NOT NULL AND stored_episode_id <> episode_id AND NOT unknown_appointment
      UNION ALL
      SELECT row_no, 'attendance', 'Cancelled',
             'the appointment was cancelled: it takes no attendance'
        FROM care_upload_matched WHERE cancelled
      UNION ALL
      SELECT row_no, 'episode_id', 'EpisodeEnded',
             'the treatment episode ended: it takes no new or changed appointments'
        FROM care_upload_matched WHERE episode_ended AND (existing_id IS NULL OR changed)
      """;

  private static final String HISTORY =
      """
      INSERT INTO care_appointment_revision (appointment_id, upload_job_id, episode_id, kind, mode,
          starts_at, duration_minutes, status, external_id, outcome, reason, recorded_by,
          recorded_at, replaced_by, replaced_at)
      SELECT a.id, :job, a.episode_id, a.kind, a.mode, a.starts_at, a.duration_minutes, a.status,
             a.external_id, t.outcome, t.reason, t.recorded_by, t.recorded_at, :by, :now
      FROM care_upload_matched m
      JOIN care_appointment a ON a.id = m.existing_id
      LEFT JOIN care_attendance t ON t.appointment_id = a.id
      WHERE m.changed
      """;

  private static final String UPDATE =
      """
      UPDATE care_appointment a
      SET kind = m.kind, mode = m.mode, starts_at = m.starts_at,
          duration_minutes = m.duration_minutes, external_id = COALESCE(m.external_id, a.external_id),
          status = CASE WHEN m.outcome = 'CANCELLED_BY_PROVIDER' THEN 'CANCELLED' ELSE 'HELD' END,
          version = a.version + 1
      FROM care_upload_matched m
      WHERE a.id = m.existing_id AND m.changed
      """;

  private static final String UPDATE_ATTENDANCE =
      """
      INSERT INTO care_attendance (appointment_id, outcome, reason, recorded_by, recorded_at)
      SELECT m.existing_id, m.outcome, m.reason, :by, :now
      FROM care_upload_matched m WHERE m.changed
      ON CONFLICT (appointment_id) DO UPDATE SET outcome = EXCLUDED.outcome,
          reason = EXCLUDED.reason, recorded_by = EXCLUDED.recorded_by,
          recorded_at = EXCLUDED.recorded_at
      """;

  private static final String INSERT =
      """
      INSERT INTO care_appointment (id, episode_id, person_id, provider_id, kind, mode, starts_at,
          duration_minutes, status, external_id, sensitivity, scheduled_by, scheduled_at, version)
      SELECT m.new_id, m.episode_id, m.person_id, :provider, m.kind, m.mode, m.starts_at,
             m.duration_minutes,
             CASE WHEN m.outcome = 'CANCELLED_BY_PROVIDER' THEN 'CANCELLED' ELSE 'HELD' END,
             m.external_id, :sensitivity, :by, :now, 0
      FROM care_upload_matched m WHERE m.new_id IS NOT NULL
      ORDER BY m.episode_id, m.starts_at
      """;

  private static final String INSERT_ATTENDANCE =
      """
      INSERT INTO care_attendance (appointment_id, outcome, reason, recorded_by, recorded_at)
      SELECT m.new_id, m.outcome, m.reason, :by, :now
      FROM care_upload_matched m WHERE m.new_id IS NOT NULL
      """;

  /** What the write did, by appointment. */
  record Written(int created, int updated, int unchanged) {}

  /** A new or changed attendance the agency may need to act on. */
  record Recorded(
      UUID appointment, UUID episode, UUID person, UUID agency, String outcome, LocalDate day) {}

  private final JdbcClient jdbc;
  private final DataSource dataSource;

  AttendanceLoad(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
  }

  /** Creates the staging table and opens COPY into it, on the transaction's connection. */
  @Transactional(propagation = Propagation.MANDATORY)
  CopyStage stage() {
    jdbc.sql(STAGE).update();
    return CopyStage.open(dataSource, COPY);
  }

  /**
   * Matches the staged rows with the stored appointments and adds every error the rows have
   * together or against the stored appointments.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  void check(UUID provider, UploadErrors errors) {
    jdbc.sql("ANALYZE care_upload_stage").update();
    jdbc.sql(MATCH).param("provider", provider).update();
    jdbc.sql("ANALYZE care_upload_matched").update();
    long found = jdbc.sql("SELECT count(*) FROM (" + ERRORS + ") e").query(Long.class).single();
    if (found == 0) {
      return;
    }
    List<UploadError> first =
        jdbc.sql("SELECT * FROM (" + ERRORS + ") e ORDER BY row_no, col LIMIT :limit")
            .param("limit", Math.max(errors.room(), 0))
            .query(
                (rs, n) ->
                    new UploadError(
                        rs.getInt("row_no"),
                        rs.getString("col"),
                        rs.getString("code"),
                        rs.getString("message")))
            .list();
    errors.addCounted(found, first);
  }

  /**
   * Writes the matched rows of a file without errors.
   *
   * @param progress told the rows written after each statement
   */
  @Transactional(propagation = Propagation.MANDATORY)
  Written write(
      UUID job,
      UUID provider,
      Sensitivity sensitivity,
      String by,
      Instant now,
      java.util.function.IntConsumer progress) {
    Timestamp at = Timestamp.from(now);
    int history = jdbc.sql(HISTORY).param("job", job).param("by", by).param("now", at).update();
    int updated = jdbc.sql(UPDATE).update();
    if (history != updated) {
      throw new IllegalStateException("the history of changed appointments is incomplete");
    }
    jdbc.sql(UPDATE_ATTENDANCE).param("by", by).param("now", at).update();
    progress.accept(updated);
    int created =
        jdbc.sql(INSERT)
            .param("provider", provider)
            .param("sensitivity", sensitivity.name())
            .param("by", by)
            .param("now", at)
            .update();
    progress.accept(updated + created);
    jdbc.sql(INSERT_ATTENDANCE).param("by", by).param("now", at).update();
    int unchanged =
        jdbc.sql(
                "SELECT count(*) FROM care_upload_matched WHERE existing_id IS NOT NULL AND NOT changed")
            .query(Integer.class)
            .single();
    return new Written(created, updated, unchanged);
  }

  /** The attendance the write recorded or changed on appointments that started since a time. */
  @Transactional(propagation = Propagation.MANDATORY)
  List<Recorded> recordedSince(Instant since) {
    return jdbc.sql(
            "SELECT COALESCE(new_id, existing_id) AS appointment, episode_id, person_id,"
                + " agency_id, outcome, starts_at FROM care_upload_matched"
                + " WHERE (new_id IS NOT NULL OR changed) AND starts_at >= :since"
                + " ORDER BY starts_at, row_no")
        .param("since", Timestamp.from(since))
        .query(
            (rs, n) ->
                new Recorded(
                    rs.getObject("appointment", UUID.class),
                    rs.getObject("episode_id", UUID.class),
                    rs.getObject("person_id", UUID.class),
                    rs.getObject("agency_id", UUID.class),
                    rs.getString("outcome"),
                    rs.getTimestamp("starts_at")
                        .toInstant()
                        .atOffset(ZoneOffset.UTC)
                        .toLocalDate()))
        .list();
  }

  /** Copies a row that passed its own checks into the staging table, in the COPY's columns. */
  static void stage(CopyStage stage, AttendanceRows.Staged row) {
    stage.add(
        row.row(),
        row.appointmentId(),
        row.externalId(),
        row.episode().id().value(),
        row.episode().personId().value(),
        row.episode().agencyId().value(),
        row.startsAt(),
        row.durationMinutes(),
        row.kind().name(),
        row.mode().name(),
        row.outcome().name(),
        row.reason(),
        row.episode().hasEnded());
  }
}
