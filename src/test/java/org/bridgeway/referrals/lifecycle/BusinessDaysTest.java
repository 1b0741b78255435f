package org.bridgeway.referrals.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class BusinessDaysTest {

  @Test
  void weekendsAreSkipped() {
    ZonedDateTime friday = ZonedDateTime.parse("2026-12-04T10:00:00Z");
    assertThat(BusinessDays.after(friday, 1))
        .isEqualTo(ZonedDateTime.parse("2026-12-07T10:00:00Z"));
    assertThat(BusinessDays.after(friday, 3))
        .isEqualTo(ZonedDateTime.parse("2026-12-09T10:00:00Z"));
  }

  @Test
  void midweekDaysCountPlainly() {
    ZonedDateTime tuesday = ZonedDateTime.parse("2026-12-01T09:30:00Z");
    assertThat(BusinessDays.after(tuesday, 3))
        .isEqualTo(ZonedDateTime.parse("2026-12-04T09:30:00Z"));
  }

  @Test
  void aWeekendSendingCountsFromMonday() {
    ZonedDateTime saturday = ZonedDateTime.parse("2026-12-05T08:00:00Z");
    assertThat(BusinessDays.after(saturday, 1))
        .isEqualTo(ZonedDateTime.parse("2026-12-08T08:00:00Z"));
  }
}
