package org.bridgeway.care.alert;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;

/** Adds business days (Monday to Friday; the platform knows no holidays yet). */
final class WorkingDays {

  private WorkingDays() {}

  /**
   * The same time of day {@code days} business days later; a moment in a weekend counts from the
   * Monday after it, so an alert raised on Saturday with 1 day goes up on Tuesday at that time.
   */
  static ZonedDateTime plus(ZonedDateTime from, int days) {
    ZonedDateTime at = from;
    while (isWeekend(at)) {
      at = at.plusDays(1);
    }
    for (int left = days; left > 0; ) {
      at = at.plusDays(1);
      if (!isWeekend(at)) {
        left--;
      }
    }
    return at;
  }

  private static boolean isWeekend(ZonedDateTime at) {
    DayOfWeek day = at.getDayOfWeek();
    return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
  }
}
