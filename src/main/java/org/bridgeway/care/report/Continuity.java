package org.bridgeway.care.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The continuity measures as pure functions of the records (definitions in docs/care.md, section
 * "Continuity measures"). Days are UTC days, as appointment days are.
 */
public final class Continuity {

  private Continuity() {}

  /** An episode's span; {@code end} null while it goes on. */
  public record Span(LocalDate start, LocalDate end) {}

  /**
   * An appointment as the measures need it.
   *
   * @param cancelled whether it was cancelled (by anyone, also a provider's cancellation recorded
   *     as attendance)
   * @param attended whether the person attended, on time or late
   */
  public record Session(Instant startsAt, boolean cancelled, boolean attended) {

    public LocalDate day() {
      return startsAt.atOffset(ZoneOffset.UTC).toLocalDate();
    }
  }

  /** Days without care between episodes: the total, the number of gaps and the longest. */
  public record Gaps(long totalDays, int gaps, long longestDays) {}

  /**
   * Engagement: attended (on time or late) over past appointments that were not cancelled.
   *
   * @param rate null when no appointment counts yet
   */
  public record Engagement(int attended, int scheduled, Double rate) {}

  /**
   * The days on which the person was in no episode, between their first episode's start and the
   * last one's start: the spans are merged (overlapping or back-to-back episodes are one stretch of
   * care) and each day strictly between the end of one stretch and the start of the next counts. An
   * open episode covers up to today.
   */
  public static Gaps gaps(List<Span> spans, LocalDate today) {
    List<Span> sorted = new ArrayList<>(spans);
    sorted.sort(Comparator.comparing(Span::start));
    long total = 0;
    long longest = 0;
    int count = 0;
    LocalDate coveredTo = null;
    for (Span span : sorted) {
      LocalDate end = span.end() == null ? today : span.end();
      if (coveredTo != null) {
        long gap = ChronoUnit.DAYS.between(coveredTo, span.start()) - 1;
        if (gap > 0) {
          total += gap;
          count++;
          longest = Math.max(longest, gap);
        }
      }
      if (coveredTo == null || end.isAfter(coveredTo)) {
        coveredTo = end;
      }
    }
    return new Gaps(total, count, longest);
  }

  /**
   * The days from a day to the first attended session on or after it (0 when attended that day);
   * null when none yet.
   */
  public static Long daysToFirstAttended(LocalDate from, List<Session> sessions) {
    return sessions.stream()
        .filter(Session::attended)
        .map(Session::day)
        .filter(day -> !day.isBefore(from))
        .min(Comparator.naturalOrder())
        .map(day -> ChronoUnit.DAYS.between(from, day))
        .orElse(null);
  }

  /**
   * Attended (on time or late) sessions over appointments whose time has passed and that were not
   * cancelled; a past appointment without attendance recorded counts as not attended.
   */
  public static Engagement engagement(List<Session> sessions, Instant now) {
    int scheduled = 0;
    int attended = 0;
    for (Session session : sessions) {
      if (session.cancelled() || !session.startsAt().isBefore(now)) {
        continue;
      }
      scheduled++;
      if (session.attended()) {
        attended++;
      }
    }
    return new Engagement(
        attended, scheduled, scheduled == 0 ? null : (double) attended / scheduled);
  }

  /** The median of the values, the mean of the middle two for an even count; null for none. */
  public static Double median(List<Long> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Long> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle).doubleValue()
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
  }
}
