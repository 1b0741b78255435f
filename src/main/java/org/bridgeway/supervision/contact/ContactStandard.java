package org.bridgeway.supervision.contact;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.bridgeway.shared.vocabulary.SupervisionLevel;

/**
 * How often a person supervised at a level must be met (ADR 0011): at least {@code contacts}
 * completed contacts in every rolling window of {@code periodDays} days and, if {@code
 * fieldEveryDays} is set, a completed home or field contact at most that many days after the last.
 */
public record ContactStandard(
    SupervisionLevel level, int contacts, int periodDays, Integer fieldEveryDays) {

  /** The most contacts a window may require. */
  public static final int MAX_CONTACTS = 10;

  /** The longest period or interval, in days. */
  public static final int MAX_DAYS = 365;

  public ContactStandard {
    Objects.requireNonNull(level, "level");
    if (contacts < 1 || contacts > MAX_CONTACTS) {
      throw new IllegalArgumentException("contacts must be between 1 and " + MAX_CONTACTS);
    }
    if (periodDays < 1 || periodDays > MAX_DAYS) {
      throw new IllegalArgumentException("periodDays must be between 1 and " + MAX_DAYS);
    }
    if (fieldEveryDays != null && (fieldEveryDays < 1 || fieldEveryDays > MAX_DAYS)) {
      throw new IllegalArgumentException("fieldEveryDays must be between 1 and " + MAX_DAYS);
    }
  }

  /** The standard an agency that set none uses. */
  public static ContactStandard defaultFor(SupervisionLevel level) {
    return switch (level) {
      case LOW -> new ContactStandard(level, 1, 90, null);
      case MODERATE -> new ContactStandard(level, 1, 30, null);
      case HIGH -> new ContactStandard(level, 2, 30, 60);
      case INTENSIVE -> new ContactStandard(level, 4, 30, 30);
    };
  }

  /** When the next contact is due, and whether it must be a home or field contact. */
  public record Due(LocalDate date, boolean inTheCommunity) {

    /** Whether the day has passed without the contact, as of the given day. */
    public boolean overdueOn(LocalDate asOf) {
      return date.isBefore(asOf);
    }
  }

  /**
   * When the next contact is due on a case that started on {@code start}, given the days of its
   * completed contacts (newest first) and the day of the last completed home or field contact.
   * Before a case has enough contacts, its windows count from its start.
   *
   * @param lastInTheCommunity the day of the last completed home or field contact, or null
   */
  public Due nextDue(
      LocalDate start, List<LocalDate> completedNewestFirst, LocalDate lastInTheCommunity) {
    LocalDate base =
        completedNewestFirst.size() >= contacts ? completedNewestFirst.get(contacts - 1) : start;
    LocalDate any = later(base, start).plusDays(periodDays);
    if (fieldEveryDays == null) {
      return new Due(any, false);
    }
    LocalDate fieldBase = lastInTheCommunity == null ? start : later(lastInTheCommunity, start);
    LocalDate field = fieldBase.plusDays(fieldEveryDays);
    return field.isBefore(any) ? new Due(field, true) : new Due(any, false);
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
