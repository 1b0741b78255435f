package org.bridgeway.care.session;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.bridgeway.care.AppointmentId;
import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.care.episode.CareInputRejected;
import org.bridgeway.care.episode.TreatmentEpisode;
import org.bridgeway.consent.Sensitivity;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.shared.web.DomainRuleViolation;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.supervision.PersonId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An appointment of a treatment episode at its provider: {@link #schedule scheduled}, then {@link
 * #reschedule moved} any number of times and finally either {@link #recordAttendance held} (its
 * attendance recorded, once its time came) or {@link #cancel cancelled}. Every move and the
 * cancellation stay in its history with who asked and why. The attendance rules live here, in
 * {@link #attendanceViolations}, for the single form as for a bulk upload's rows.
 */
@Table("care_appointment")
public class Appointment {

  public static final int MIN_DURATION = 5;
  public static final int MAX_DURATION = 720;
  public static final int MAX_LOCATION = 300;
  public static final int MAX_NOTE_FOR_PERSON = 1000;
  public static final int MAX_EXTERNAL_ID = 100;
  public static final int MAX_REASON = 500;
  public static final int MAX_SESSION_NOTE = 4000;
  public static final int MAX_FEEDBACK = 500;

  @Id private final AppointmentId id;
  private final TreatmentEpisodeId episodeId;
  private final PersonId personId;
  private final OrganizationId providerId;
  private final AppointmentKind kind;
  private final AppointmentMode mode;
  private Instant startsAt;
  private final int durationMinutes;
  private final String location;
  private final String noteForPerson;
  private AppointmentStatus status;
  private final String externalId;
  private final Sensitivity sensitivity;
  private final String scheduledBy;
  private final Instant scheduledAt;

  @MappedCollection(idColumn = "appointment_id", keyColumn = "position")
  private final List<AppointmentChange> changes;

  @MappedCollection(idColumn = "appointment_id")
  private Attendance attendance;

  @Version private Long version;

  @PersistenceCreator
  Appointment(
      AppointmentId id,
      TreatmentEpisodeId episodeId,
      PersonId personId,
      OrganizationId providerId,
      AppointmentKind kind,
      AppointmentMode mode,
      Instant startsAt,
      int durationMinutes,
      String location,
      String noteForPerson,
      AppointmentStatus status,
      String externalId,
      Sensitivity sensitivity,
      String scheduledBy,
      Instant scheduledAt,
      List<AppointmentChange> changes,
      Attendance attendance,
      Long version) {
    this.id = id;
    this.episodeId = episodeId;
    this.personId = personId;
    this.providerId = providerId;
    this.kind = kind;
    this.mode = mode;
    this.startsAt = startsAt;
    this.durationMinutes = durationMinutes;
    this.location = location;
    this.noteForPerson = noteForPerson;
    this.status = status;
    this.externalId = externalId;
    this.sensitivity = sensitivity;
    this.scheduledBy = scheduledBy;
    this.scheduledAt = scheduledAt;
    this.changes = changes == null ? new ArrayList<>() : new ArrayList<>(changes);
    this.attendance = attendance;
    this.version = version;
  }

  /**
   * What the provider schedules. An appointment may be scheduled in the past, so that a session
   * that took place before it was entered can be recorded.
   *
   * @param location where the person goes, or the phone or video detail; optional
   * @param noteForPerson what the person should know or bring; optional
   * @param externalId the provider's own id of the appointment; optional
   */
  public record Details(
      AppointmentKind kind,
      AppointmentMode mode,
      Instant startsAt,
      Integer durationMinutes,
      String location,
      String noteForPerson,
      String externalId) {}

  /** What the provider records of a session; {@code reason} for no-shows and cancellations. */
  public record AttendanceEntry(
      AttendanceOutcome outcome,
      String reason,
      String sessionNote,
      String feedback,
      Set<Concern> concerns) {}

  /** Every field of the details at fault for an appointment of the episode; empty if none. */
  public static List<FieldViolation> scheduleViolations(TreatmentEpisode episode, Details details) {
    List<FieldViolation> violations = new ArrayList<>();
    if (details.kind() == null) {
      violations.add(required("kind"));
    }
    if (details.mode() == null) {
      violations.add(required("mode"));
    }
    if (details.startsAt() == null) {
      violations.add(required("startsAt"));
    } else if (dayOf(details.startsAt()).isBefore(episode.startedOn())) {
      violations.add(
          new FieldViolation(
              "startsAt", "OutsideEpisode", "must not be before the episode's startedOn"));
    } else if (episode.hasEnded() && dayOf(details.startsAt()).isAfter(episode.endedOn())) {
      violations.add(
          new FieldViolation("startsAt", "OutsideEpisode", "must not be after the episode's end"));
    }
    if (details.durationMinutes() == null) {
      violations.add(required("durationMinutes"));
    } else if (details.durationMinutes() < MIN_DURATION
        || details.durationMinutes() > MAX_DURATION) {
      violations.add(
          new FieldViolation(
              "durationMinutes",
              "Range",
              "must be between " + MIN_DURATION + " and " + MAX_DURATION + " minutes"));
    }
    tooLong(violations, "location", details.location(), MAX_LOCATION);
    tooLong(violations, "noteForPerson", details.noteForPerson(), MAX_NOTE_FOR_PERSON);
    tooLong(violations, "externalId", details.externalId(), MAX_EXTERNAL_ID);
    return violations;
  }

  /**
   * Schedules an appointment of an episode that goes on.
   *
   * @throws DomainRuleViolation if the episode ended
   * @throws CareInputRejected naming every field at fault
   */
  public static Appointment schedule(
      AppointmentId id,
      TreatmentEpisode episode,
      Details details,
      Sensitivity sensitivity,
      String by,
      Instant at) {
    if (episode.hasEnded()) {
      throw new DomainRuleViolation(
          null, "care.episode.ended", "The treatment episode already ended.");
    }
    rejectIf(scheduleViolations(episode, details));
    return new Appointment(
        Objects.requireNonNull(id),
        episode.id(),
        episode.personId(),
        episode.providerId(),
        details.kind(),
        details.mode(),
        details.startsAt(),
        details.durationMinutes(),
        blankToNull(details.location()),
        blankToNull(details.noteForPerson()),
        AppointmentStatus.SCHEDULED,
        blankToNull(details.externalId()),
        Objects.requireNonNull(sensitivity, "sensitivity"),
        Objects.requireNonNull(by),
        Objects.requireNonNull(at),
        List.of(),
        null,
        null);
  }

  /**
   * Moves a scheduled appointment to a new time in the future, keeping the old time in its history.
   *
   * @throws DomainRuleViolation if it is no longer scheduled
   * @throws CareInputRejected if the new time is missing, past or the same, or who asked or why is
   *     missing
   */
  public void reschedule(
      Instant newStartsAt, ChangeParty requestedBy, String reason, String by, Instant now) {
    requireScheduled("care.appointment.notScheduled", "Only a scheduled appointment can be moved.");
    List<FieldViolation> violations = new ArrayList<>();
    if (newStartsAt == null) {
      violations.add(required("startsAt"));
    } else if (!newStartsAt.isAfter(now)) {
      violations.add(new FieldViolation("startsAt", "Future", "must be in the future"));
    } else if (newStartsAt.equals(startsAt)) {
      violations.add(
          new FieldViolation("startsAt", "Unchanged", "must differ from the present time"));
    }
    changeViolations(violations, requestedBy, reason);
    rejectIf(violations);
    changes.add(
        new AppointmentChange(
            AppointmentChange.Kind.RESCHEDULED,
            requestedBy,
            reason.strip(),
            startsAt,
            newStartsAt,
            Objects.requireNonNull(by),
            now));
    startsAt = newStartsAt;
  }

  /**
   * Cancels a scheduled appointment.
   *
   * @throws DomainRuleViolation if it is no longer scheduled
   * @throws CareInputRejected if who asked or why is missing
   */
  public void cancel(ChangeParty requestedBy, String reason, String by, Instant now) {
    requireScheduled(
        "care.appointment.notScheduled", "Only a scheduled appointment can be cancelled.");
    List<FieldViolation> violations = new ArrayList<>();
    changeViolations(violations, requestedBy, reason);
    rejectIf(violations);
    changes.add(
        new AppointmentChange(
            AppointmentChange.Kind.CANCELLED,
            requestedBy,
            reason.strip(),
            startsAt,
            null,
            Objects.requireNonNull(by),
            now));
    status = AppointmentStatus.CANCELLED;
  }

  /**
   * The attendance rules: every field of the entry at fault for this appointment now; empty if
   * none. Whether the appointment can take attendance at all (it is still scheduled) is {@link
   * #takesAttendance}.
   */
  public List<FieldViolation> attendanceViolations(AttendanceEntry entry, Instant now) {
    List<FieldViolation> violations = new ArrayList<>();
    if (entry.outcome() == null) {
      violations.add(required("outcome"));
    } else if (entry.outcome().needsReason() && isBlank(entry.reason())) {
      violations.add(
          new FieldViolation(
              "reason", "Required", "is required for a no-show or a provider cancellation"));
    }
    if (startsAt.isAfter(now)) {
      violations.add(
          new FieldViolation(
              "startsAt", "NotYet", "attendance cannot be recorded before the appointment starts"));
    }
    tooLong(violations, "reason", entry.reason(), MAX_REASON);
    tooLong(violations, "sessionNote", entry.sessionNote(), MAX_SESSION_NOTE);
    tooLong(violations, "feedback", entry.feedback(), MAX_FEEDBACK);
    return violations;
  }

  /** Whether attendance can be recorded: the appointment is still scheduled. */
  public boolean takesAttendance() {
    return status == AppointmentStatus.SCHEDULED;
  }

  /**
   * Records whether the person came, once the appointment's time came: the appointment is then
   * held, or cancelled if the provider called it off.
   *
   * @throws DomainRuleViolation if attendance was recorded already or the appointment was cancelled
   * @throws CareInputRejected naming every field at fault ({@link #attendanceViolations})
   */
  public void recordAttendance(AttendanceEntry entry, String by, Instant now) {
    if (!takesAttendance()) {
      throw new DomainRuleViolation(
          null,
          status == AppointmentStatus.HELD
              ? "care.attendance.recorded"
              : "care.appointment.notScheduled",
          status == AppointmentStatus.HELD
              ? "Attendance of the appointment was recorded already."
              : "A cancelled appointment takes no attendance.");
    }
    rejectIf(attendanceViolations(entry, now));
    attendance =
        new Attendance(
            entry.outcome(),
            entry.outcome().needsReason() ? entry.reason().strip() : blankToNull(entry.reason()),
            blankToNull(entry.sessionNote()),
            blankToNull(entry.feedback()),
            Attendance.codes(entry.concerns()),
            Objects.requireNonNull(by),
            now);
    status =
        entry.outcome() == AttendanceOutcome.CANCELLED_BY_PROVIDER
            ? AppointmentStatus.CANCELLED
            : AppointmentStatus.HELD;
  }

  /** The day of the appointment (in the platform's time zone, UTC, as the clock's days). */
  public LocalDate day() {
    return dayOf(startsAt);
  }

  /** The start as the platform's clock reads it (UTC), for pages and exports. */
  public java.time.LocalDateTime startsAtUtc() {
    return startsAt.atOffset(ZoneOffset.UTC).toLocalDateTime();
  }

  /** Whether the appointment started by the time given (attendance can then be recorded). */
  public boolean startedBy(Instant now) {
    return !startsAt.isAfter(now);
  }

  static LocalDate dayOf(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC).toLocalDate();
  }

  private void requireScheduled(String code, String message) {
    if (status != AppointmentStatus.SCHEDULED) {
      throw new DomainRuleViolation(null, code, message);
    }
  }

  private static void changeViolations(
      List<FieldViolation> violations, ChangeParty requestedBy, String reason) {
    if (requestedBy == null) {
      violations.add(required("requestedBy"));
    }
    if (isBlank(reason)) {
      violations.add(new FieldViolation("reason", "NotBlank", "must not be blank"));
    } else {
      tooLong(violations, "reason", reason, MAX_REASON);
    }
  }

  private static void rejectIf(List<FieldViolation> violations) {
    if (!violations.isEmpty()) {
      throw new CareInputRejected(violations);
    }
  }

  private static FieldViolation required(String field) {
    return new FieldViolation(field, "Required", "is required");
  }

  private static void tooLong(
      List<FieldViolation> violations, String field, String value, int max) {
    if (value != null && value.strip().length() > max) {
      violations.add(new FieldViolation(field, "Size", "must have at most " + max + " characters"));
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static String blankToNull(String value) {
    return isBlank(value) ? null : value.strip();
  }

  public AppointmentId id() {
    return id;
  }

  public TreatmentEpisodeId episodeId() {
    return episodeId;
  }

  public PersonId personId() {
    return personId;
  }

  public OrganizationId providerId() {
    return providerId;
  }

  public AppointmentKind kind() {
    return kind;
  }

  public AppointmentMode mode() {
    return mode;
  }

  public Instant startsAt() {
    return startsAt;
  }

  public int durationMinutes() {
    return durationMinutes;
  }

  public String location() {
    return location;
  }

  public String noteForPerson() {
    return noteForPerson;
  }

  public AppointmentStatus status() {
    return status;
  }

  public String externalId() {
    return externalId;
  }

  public Sensitivity sensitivity() {
    return sensitivity;
  }

  public String scheduledBy() {
    return scheduledBy;
  }

  public Instant scheduledAt() {
    return scheduledAt;
  }

  /** The moves and the cancellation, oldest first. */
  public List<AppointmentChange> changes() {
    return List.copyOf(changes);
  }

  /** The attendance, once recorded; null before. */
  public Attendance attendance() {
    return attendance;
  }

  public Long version() {
    return version;
  }
}
