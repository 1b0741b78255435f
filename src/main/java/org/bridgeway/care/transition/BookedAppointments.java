package org.bridgeway.care.transition;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.bridgeway.care.TreatmentEpisodeId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link IntakeBookings} from the episode's appointments: the first one on or after the day that
 * was not cancelled (scheduled or held, whatever the attendance), its day in the application's
 * zone.
 */
@Component
class BookedAppointments implements IntakeBookings {

  private final JdbcClient jdbc;
  private final Clock clock;

  BookedAppointments(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public Optional<LocalDate> firstBookedOnOrAfter(TreatmentEpisodeId episode, LocalDate from) {
    ZoneId zone = java.time.ZoneOffset.UTC;
    return jdbc.sql(
            """
            SELECT starts_at FROM care_appointment
            WHERE episode_id = :episode AND status <> 'CANCELLED' AND starts_at >= :from
            ORDER BY starts_at LIMIT 1
            """)
        .param("episode", episode.value())
        .param("from", java.sql.Timestamp.from(from.atStartOfDay(zone).toInstant()))
        .query(java.sql.Timestamp.class)
        .optional()
        .map(t -> LocalDate.ofInstant(t.toInstant(), zone));
  }
}
