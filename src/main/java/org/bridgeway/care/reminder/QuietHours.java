package org.bridgeway.care.reminder;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The hours in which the person does not want to be messaged, in their own time zone: from a start
 * time to an end time, across midnight when the start is later than the end (21:00 to 08:00). Equal
 * start and end mean none.
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

  public QuietHours {
    Objects.requireNonNull(zone, "zone");
  }

  public boolean none() {
    return start == null || end == null || start.equals(end);
  }

  /** Whether the moment falls in quiet hours. */
  public boolean contains(Instant at) {
    if (none()) {
      return false;
    }
    LocalTime local = at.atZone(zone).toLocalTime();
    return start.isBefore(end)
        ? !local.isBefore(start) && local.isBefore(end)
        : !local.isBefore(start) || local.isBefore(end);
  }

  /** The moment the quiet hours that contain {@code at} end; {@code at} itself when not quiet. */
  public Instant endAfter(Instant at) {
    if (!contains(at)) {
      return at;
    }
    ZonedDateTime local = at.atZone(zone);
    ZonedDateTime end = local.with(this.end).withSecond(0).withNano(0);
    if (!end.isAfter(local)) {
      end = end.plusDays(1);
    }
    return end.toInstant();
  }
}
