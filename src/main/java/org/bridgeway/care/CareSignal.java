package org.bridgeway.care;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.supervision.PersonId;

/**
 * Something a treatment provider recorded on a treatment episode that the supervising agency may
 * need to act on (a missed session, a concern, a positive test, a discharge) or that changes the
 * person's schedule. Published in the transaction of the record and persisted by the event
 * publication registry, so that listeners (alerts, continuity of care, notifications) miss nothing.
 * Codes and ids only: a listener that needs the record reads it through the module's API, under the
 * reader's rights and the person's consent.
 *
 * @param episode the treatment episode the record belongs to
 * @param person the person in treatment
 * @param agency the supervising agency that keeps the person
 * @param provider the treatment provider that recorded it
 * @param kind what was recorded
 * @param recordId the id of the record: the appointment (scheduling, changes, attendance, concern),
 *     the drug test, or the discharge
 * @param day the day the record is about (the appointment's day in the provider's zone, the
 *     collection day, the discharge day)
 * @param occurredAt when it was recorded
 */
public record CareSignal(
    TreatmentEpisodeId episode,
    PersonId person,
    OrganizationId agency,
    OrganizationId provider,
    Kind kind,
    UUID recordId,
    LocalDate day,
    Instant occurredAt) {

  public CareSignal {
    Objects.requireNonNull(episode, "episode");
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(agency, "agency");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  /** What a provider recorded. */
  public enum Kind {
    /** Attendance of an appointment was recorded (any outcome). */
    ATTENDANCE_RECORDED,
    /** The person did not come to an appointment and had no excuse. */
    NO_SHOW_UNEXCUSED,
    /** Attendance was recorded with a concern flag (risk, relapse, behaviour) for the officer. */
    CONCERN_FLAGGED,
    TEST_POSITIVE,
    TEST_MISSED,
    TEST_REFUSED,
    DISCHARGED_COMPLETED,
    /** Discharged for any reason other than completion. */
    DISCHARGED_NOT_COMPLETED,
    APPOINTMENT_SCHEDULED,
    /** Rescheduled. */
    APPOINTMENT_CHANGED,
    APPOINTMENT_CANCELLED
  }
}
