package org.bridgeway.care.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.bridgeway.care.report.Continuity.Session;
import org.bridgeway.care.report.Continuity.Span;
import org.junit.jupiter.api.Test;

/** Each measure against values computed by hand from its definition in docs/care.md. */
class ContinuityTest {

  static final LocalDate TODAY = LocalDate.of(2030, 6, 30);

  static LocalDate d(int month, int day) {
    return LocalDate.of(2030, month, day);
  }

  static Instant at(String instant) {
    return Instant.parse(instant);
  }

  @Test
  void gapsCountTheDaysStrictlyBetweenStretchesOfCare() {
    // 1-10 Jan, then 15-31 Jan: 11, 12, 13, 14 Jan without care (4 days).
    // 20 Jan - 5 Feb overlaps the second; back-to-back 6 Feb - 28 Feb: no gap.
    // 10 Mar open: 1 to 9 Mar without care (9 days). Total 13 in 2 gaps, longest 9.
    var gaps =
        Continuity.gaps(
            List.of(
                new Span(d(3, 10), null),
                new Span(d(1, 1), d(1, 10)),
                new Span(d(1, 15), d(1, 31)),
                new Span(d(1, 20), d(2, 5)),
                new Span(d(2, 6), d(2, 28))),
            TODAY);

    assertThat(gaps.totalDays()).isEqualTo(13);
    assertThat(gaps.gaps()).isEqualTo(2);
    assertThat(gaps.longestDays()).isEqualTo(9);
  }

  @Test
  void anEpisodeInsideALongerOneLeavesNoGapAndOneEpisodeHasNone() {
    assertThat(
            Continuity.gaps(
                List.of(new Span(d(1, 1), d(3, 31)), new Span(d(2, 1), d(2, 10))), TODAY))
        .isEqualTo(new Continuity.Gaps(0, 0, 0));
    assertThat(Continuity.gaps(List.of(new Span(d(1, 1), null)), TODAY))
        .isEqualTo(new Continuity.Gaps(0, 0, 0));
    // An open episode covers up to today: a later start is no gap while it goes on.
    assertThat(
            Continuity.gaps(List.of(new Span(d(1, 1), null), new Span(d(6, 1), null)), TODAY)
                .totalDays())
        .isZero();
  }

  @Test
  void daysToFirstAttendedCountFromTheDayToTheFirstAttendedOrLateSessionOnOrAfterIt() {
    List<Session> sessions =
        List.of(
            new Session(at("2030-03-01T10:00:00Z"), false, true), // before the day: ignored
            new Session(at("2030-03-05T10:00:00Z"), false, false), // no-show
            new Session(at("2030-03-06T10:00:00Z"), true, false), // cancelled
            new Session(at("2030-03-08T23:30:00Z"), false, true), // attended, 8 Mar (UTC)
            new Session(at("2030-03-09T10:00:00Z"), false, true));

    assertThat(Continuity.daysToFirstAttended(d(3, 3), sessions)).isEqualTo(5);
    assertThat(Continuity.daysToFirstAttended(d(3, 8), sessions)).isZero();
    assertThat(Continuity.daysToFirstAttended(d(3, 10), sessions)).isNull();
  }

  @Test
  void engagementIsAttendedOverPastAppointmentsNotCancelled() {
    Instant now = at("2030-04-10T12:00:00Z");
    List<Session> sessions =
        List.of(
            new Session(at("2030-04-01T10:00:00Z"), false, true), // attended
            new Session(at("2030-04-02T10:00:00Z"), false, true), // late counts as attended
            new Session(at("2030-04-03T10:00:00Z"), false, false), // no-show
            new Session(at("2030-04-04T10:00:00Z"), false, false), // past, nothing recorded
            new Session(at("2030-04-05T10:00:00Z"), true, false), // cancelled: not counted
            new Session(at("2030-04-11T10:00:00Z"), false, false)); // future: not counted

    var engagement = Continuity.engagement(sessions, now);

    assertThat(engagement.attended()).isEqualTo(2);
    assertThat(engagement.scheduled()).isEqualTo(4);
    assertThat(engagement.rate()).isEqualTo(0.5);
    assertThat(Continuity.engagement(List.of(), now).rate()).isNull();
  }

  @Test
  void medianOfOddAndEvenCounts() {
    assertThat(Continuity.median(List.of(7L, 1L, 3L))).isEqualTo(3.0);
    assertThat(Continuity.median(List.of(4L, 1L, 3L, 10L))).isEqualTo(3.5);
    assertThat(Continuity.median(List.of())).isNull();
  }
}
