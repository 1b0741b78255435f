package org.bridgeway.care;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.supervision.PersonId;

/**
 * Something a treatment provider recorded on an episode that the supervising agency may need to act
 * on: published when the record is written, so that alerts (and later outcomes) follow it.
 *
 * @param recordId the record that was written (the attendance, drug test, concern or discharge)
 * @param day the day the record is about
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

  /** What happened. */
  public enum Kind {
    ATTENDANCE_RECORDED,
    NO_SHOW_UNEXCUSED,
    CONCERN_FLAGGED,
    TEST_POSITIVE,
    TEST_MISSED,
    TEST_REFUSED,
    DISCHARGED_COMPLETED,
    DISCHARGED_NOT_COMPLETED,
    APPOINTMENT_SCHEDULED,
    APPOINTMENT_CHANGED,
    APPOINTMENT_CANCELLED
  }
}
