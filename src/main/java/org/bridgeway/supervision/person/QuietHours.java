package org.bridgeway.supervision.person;

import java.time.LocalTime;
import java.util.Objects;

/**
 * The daily hours in which a person is not to be contacted, in local time. The start may be after
 * the end (22:00 to 07:00), spanning midnight.
 */
public record QuietHours(LocalTime start, LocalTime end) {

  public QuietHours {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
  }

  public boolean includes(LocalTime time) {
    if (start.isBefore(end)) {
      return !time.isBefore(start) && time.isBefore(end);
    }
    return !time.isBefore(start) || time.isBefore(end);
  }
}
