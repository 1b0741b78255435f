package org.bridgeway.referrals.lifecycle;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/** Counts business days: Monday to Friday (holidays are not known to the platform yet). */
final class BusinessDays {

  private BusinessDays() {}

  /**
   * The moment {@code days} business days after {@code from}, at the same time of day: a referral
   * sent on Friday at 10:00 with 1 business day is due on Monday at 10:00; one sent on Saturday is
   * counted from Monday.
   */
  static ZonedDateTime after(ZonedDateTime from, int days) {
    if (days < 0) {
      throw new IllegalArgumentException("days must not be negative");
    }
    ZonedDateTime at = from;
    while (weekend(at.toLocalDate())) {
      at = at.plusDays(1);
    }
    int left = days;
    while (left > 0) {
      at = at.plusDays(1);
      if (!weekend(at.toLocalDate())) {
        left--;
      }
    }
    return at;
  }

  static LocalDate after(LocalDate from, int days) {
    return after(from.atStartOfDay(java.time.ZoneOffset.UTC), days).toLocalDate();
  }

  private static boolean weekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }
}
