package org.bridgeway.care.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Quiet hours in the person's zone, across midnight and on the day clocks change. */
class QuietHoursTest {

  static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

  @Test
  void quietHoursAcrossMidnightEndTheNextMorningInThePersonsZone() {
    QuietHours quiet = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), CHICAGO);
    // 2030-01-15 22:30 in Chicago (UTC-6) is 04:30 UTC on the 16th.
    Instant late = Instant.parse("2030-01-16T04:30:00Z");

    assertThat(quiet.contains(late)).isTrue();
    assertThat(quiet.endAfter(late)).isEqualTo(Instant.parse("2030-01-16T14:00:00Z"));
    // 07:59 local is quiet, 08:00 is not.
    assertThat(quiet.contains(Instant.parse("2030-01-16T13:59:00Z"))).isTrue();
    assertThat(quiet.contains(Instant.parse("2030-01-16T14:00:00Z"))).isFalse();
    assertThat(quiet.endAfter(Instant.parse("2030-01-16T15:00:00Z")))
        .isEqualTo(Instant.parse("2030-01-16T15:00:00Z"));
  }

  @Test
  void quietHoursWithinADayAndNone() {
    QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0), ZoneId.of("UTC"));
    assertThat(lunch.contains(Instant.parse("2030-01-16T12:30:00Z"))).isTrue();
    assertThat(lunch.contains(Instant.parse("2030-01-16T13:30:00Z"))).isFalse();
    assertThat(lunch.endAfter(Instant.parse("2030-01-16T12:30:00Z")))
        .isEqualTo(Instant.parse("2030-01-16T13:00:00Z"));
    assertThat(new QuietHours(null, null, CHICAGO).contains(Instant.parse("2030-01-16T04:30:00Z")))
        .isFalse();
  }

  @Test
  void theEndOfQuietHoursFollowsTheLocalClockWhenItChanges() {
    // 10 March 2030: Chicago springs forward at 02:00; 08:00 local is then 13:00 UTC (UTC-5).
    QuietHours quiet = new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0), CHICAGO);
    Instant night = Instant.parse("2030-03-10T05:00:00Z"); // 23:00 on the 9th, UTC-6
    assertThat(quiet.endAfter(night)).isEqualTo(Instant.parse("2030-03-10T13:00:00Z"));
  }

  @Test
  void backoffDoublesUpToTheLongestDelay() {
    ReminderProperties properties =
        new ReminderProperties(
            java.util.List.of(Duration.ofHours(48), Duration.ofHours(2)),
            "x@localhost",
            5,
            Duration.ofMinutes(1),
            Duration.ofMinutes(5),
            100,
            CHICAGO,
            new ReminderProperties.Sms("logging", null, null, Duration.ofSeconds(1), null));
    assertThat(properties.backoff(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(properties.backoff(2)).isEqualTo(Duration.ofMinutes(2));
    assertThat(properties.backoff(3)).isEqualTo(Duration.ofMinutes(4));
    assertThat(properties.backoff(4)).isEqualTo(Duration.ofMinutes(5));
    assertThat(properties.leadsLongestFirst())
        .containsExactly(Duration.ofHours(48), Duration.ofHours(2));
  }
}
