package org.bridgeway.care.transition;

import java.time.LocalDate;
import java.util.Optional;
import org.bridgeway.care.TreatmentEpisodeId;

/** The appointments booked at an episode, as far as a release's intake needs them. */
public interface IntakeBookings {

  /**
   * The day of the first appointment booked at the episode on or after a day (not cancelled),
   * whatever its outcome.
   */
  Optional<LocalDate> firstBookedOnOrAfter(TreatmentEpisodeId episode, LocalDate from);
}
