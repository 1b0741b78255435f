package org.bridgeway.care.session;

import java.time.Instant;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One entry of an appointment's history: a move to another time or its cancellation, who asked for
 * it and why.
 *
 * @param newStartsAt the new time of a reschedule; null for a cancellation
 */
@Table("care_appointment_change")
public record AppointmentChange(
    Kind kind,
    ChangeParty requestedBy,
    String reason,
    Instant oldStartsAt,
    Instant newStartsAt,
    String changedBy,
    Instant changedAt) {

  /** The old time as the platform's clock reads it (UTC). */
  public java.time.LocalDateTime oldStartsAtUtc() {
    return oldStartsAt.atOffset(java.time.ZoneOffset.UTC).toLocalDateTime();
  }

  /** The new time as the platform's clock reads it (UTC); null for a cancellation. */
  public java.time.LocalDateTime newStartsAtUtc() {
    return newStartsAt == null
        ? null
        : newStartsAt.atOffset(java.time.ZoneOffset.UTC).toLocalDateTime();
  }

  /** What changed. */
  public enum Kind {
    RESCHEDULED,
    CANCELLED
  }
}
