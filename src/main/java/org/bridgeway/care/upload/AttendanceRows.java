package org.bridgeway.care.upload;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.care.AppointmentId;
import org.bridgeway.care.episode.TreatmentEpisode;
import org.bridgeway.care.session.Appointment;
import org.bridgeway.care.session.AppointmentKind;
import org.bridgeway.care.session.AppointmentMode;
import org.bridgeway.care.session.AttendanceOutcome;
import org.bridgeway.consent.Sensitivity;
import org.bridgeway.shared.web.FieldViolation;

/**
 * Checks each row of an attendance file by itself and against the provider's treatment episodes,
 * with the appointment's own rules ({@link Appointment#scheduleViolations} and {@link
 * Appointment#attendanceViolations}, the same as the provider's forms), and hands every row without
 * an error on as a {@link Staged} row. What needs the rows together or the stored appointments (a
 * row repeated, an appointment id of another provider, a change to an appointment) is checked
 * set-based afterwards ({@link AttendanceLoad}).
 */
final class AttendanceRows {

  /** A row that passed its own checks, with the episode it belongs to resolved. */
  record Staged(
      int row,
      UUID appointmentId,
      String externalId,
      TreatmentEpisode episode,
      Instant startsAt,
      int durationMinutes,
      AppointmentKind kind,
      AppointmentMode mode,
      AttendanceOutcome outcome,
      String reason) {}

  /** Receives each staged row, in file order. */
  @FunctionalInterface
  interface Sink {
    void accept(Staged row);
  }

  /** The names the domain's rules give fields, as the file's columns. */
  private static final Map<String, String> COLUMN_OF =
      Map.of(
          "kind", AttendanceFile.KIND,
          "mode", AttendanceFile.MODE,
          "startsAt", AttendanceFile.STARTS_AT,
          "durationMinutes", AttendanceFile.DURATION_MINUTES,
          "externalId", AttendanceFile.EXTERNAL_ID,
          "outcome", AttendanceFile.ATTENDANCE,
          "reason", AttendanceFile.REASON);

  private final FileHeader header;
  private final ProviderEpisodes episodes;
  private final Instant now;
  private final UploadErrors errors;
  private final Sink sink;

  AttendanceRows(
      FileHeader header, ProviderEpisodes episodes, Instant now, UploadErrors errors, Sink sink) {
    this.header = header;
    this.episodes = episodes;
    this.now = now;
    this.errors = errors;
    this.sink = sink;
  }

  /** Checks one data row; {@code row} as a spreadsheet numbers it. */
  void check(int row, List<String> cells) {
    if (!RowCells.fits(row, cells, header, errors)) {
      return;
    }
    Cells c = new Cells(row, cells);
    String externalId = c.text(AttendanceFile.EXTERNAL_ID);
    UUID appointmentId = c.uuid(AttendanceFile.APPOINTMENT_ID);
    if (externalId == null && c.blank(AttendanceFile.APPOINTMENT_ID)) {
      c.error(
          header.at(AttendanceFile.EXTERNAL_ID) >= 0
              ? AttendanceFile.EXTERNAL_ID
              : AttendanceFile.APPOINTMENT_ID,
          "Required",
          "the row needs the appointment's external_id or appointment_id");
    }
    Instant startsAt = c.instant(AttendanceFile.STARTS_AT);
    Integer duration = c.duration();
    AppointmentKind kind = c.code(AttendanceFile.KIND, AppointmentKind.class);
    AppointmentMode mode = c.code(AttendanceFile.MODE, AppointmentMode.class);
    AttendanceOutcome outcome = c.code(AttendanceFile.ATTENDANCE, AttendanceOutcome.class);
    String reason = c.text(AttendanceFile.REASON);
    TreatmentEpisode episode =
        c.episode(
            episodes,
            startsAt == null ? null : startsAt.atOffset(ZoneOffset.UTC).toLocalDate(),
            "the appointment's day");
    if (c.failed) {
      return;
    }
    Appointment.Details details =
        new Appointment.Details(kind, mode, startsAt, duration, null, null, externalId);
    List<FieldViolation> violations =
        new ArrayList<>(Appointment.scheduleViolations(episode, details));
    Appointment.AttendanceEntry entry =
        new Appointment.AttendanceEntry(outcome, reason, null, null, Set.of());
    if (violations.isEmpty() && !episode.hasEnded()) {
      // A stand-in appointment, never stored: the attendance rules are the appointment's.
      Appointment standIn =
          Appointment.schedule(
              AppointmentId.random(), episode, details, Sensitivity.HEALTH, "upload", now);
      violations.addAll(standIn.attendanceViolations(entry, now));
    } else if (!episode.hasEnded()) {
      // The attendance rules that need no appointment: the outcome and its reason.
      if (outcome.needsReason() && reason == null) {
        violations.add(
            new FieldViolation(
                "reason", "Required", "is required for a no-show or a provider cancellation"));
      }
    }
    // An ended episode takes no new appointments and no changes: whether the row changes anything
    // is known only against the stored appointments (AttendanceLoad's EpisodeEnded).
    for (FieldViolation violation : violations) {
      c.error(
          COLUMN_OF.getOrDefault(violation.field(), violation.field()),
          violation.code(),
          violation.message());
    }
    if (c.failed) {
      return;
    }
    sink.accept(
        new Staged(
            row,
            appointmentId,
            externalId,
            episode,
            startsAt,
            duration,
            kind,
            mode,
            outcome,
            reason));
  }

  /** The cells of one row, with the attendance file's readers. */
  private final class Cells extends RowCells {

    Cells(int row, List<String> cells) {
      super(row, cells, AttendanceRows.this.header, AttendanceRows.this.errors);
    }

    Instant instant(String column) {
      String value = text(column);
      if (value == null) {
        error(column, "Required", "is required");
        return null;
      }
      try {
        return OffsetDateTime.parse(value).toInstant();
      } catch (DateTimeParseException notOffset) {
        try {
          // Without an offset, a time is the platform's (UTC), as the provider's pages show it.
          return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notLocal) {
          error(
              column,
              "Invalid",
              "must be a date and time such as 2026-12-01T14:30:00Z or 2026-12-01T14:30");
          return null;
        }
      }
    }

    Integer duration() {
      String value = text(AttendanceFile.DURATION_MINUTES);
      if (value == null) {
        return AttendanceFile.DEFAULT_DURATION;
      }
      try {
        return Integer.valueOf(value);
      } catch (NumberFormatException notNumber) {
        error(AttendanceFile.DURATION_MINUTES, "Invalid", "must be a whole number of minutes");
        return null;
      }
    }
  }
}
