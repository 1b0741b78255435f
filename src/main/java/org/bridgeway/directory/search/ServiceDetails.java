package org.bridgeway.directory.search;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bridgeway.directory.profile.Capacity;
import org.bridgeway.directory.profile.ServiceProfile;

/**
 * What the public service page shows of an active service: its HSDS details (description, locations
 * with addresses, telephones, opening hours, languages), its Bridgeway profile (eligibility, need
 * domains, cost) and its capacity. Nothing about people: no contacts, and not who reported the
 * capacity.
 *
 * @param minimumAge from the profile, or HSDS minimum_age
 * @param maximumAge from the profile, or HSDS maximum_age
 * @param languages ISO 639 codes from the profile and the HSDS language records
 * @param profile null when the service has none
 * @param capacity null when never reported
 * @param capacityStale whether the capacity is older than 7 days
 */
public record ServiceDetails(
    UUID id,
    String name,
    String alternateName,
    String description,
    String url,
    String email,
    String organizationName,
    String organizationUrl,
    String applicationProcess,
    String feesDescription,
    String eligibilityDescription,
    String interpretationServices,
    String waitTime,
    List<Place> locations,
    List<Phone> phones,
    List<Schedule> schedules,
    List<String> languages,
    Integer minimumAge,
    Integer maximumAge,
    ServiceProfile profile,
    Capacity capacity,
    boolean capacityStale) {

  /** Whether the service is reached only by telephone or online. */
  public boolean remote() {
    return locations.isEmpty();
  }

  /** A location where the service is given. */
  public record Place(
      String name,
      String description,
      List<String> addressLines,
      String transportation,
      Double latitude,
      Double longitude,
      List<Phone> phones,
      List<Schedule> schedules) {}

  /** A telephone number. */
  public record Phone(String number, String extension, String type, String description) {}

  /**
   * When the service is open: the days of a weekly schedule with the hours, or only what the
   * provider wrote.
   */
  public record Schedule(
      List<DayOfWeek> days, LocalTime opens, LocalTime closes, String description, String notes) {

    /** The days in the reader's language, such as "Monday, Wednesday, Friday". */
    public String daysText(Locale locale) {
      return days.stream()
          .map(day -> day.getDisplayName(TextStyle.FULL, locale))
          .collect(Collectors.joining(", "));
    }

    /**
     * Whether the service is open around the clock on its days (opens and closes at the same time).
     */
    public boolean allDay() {
      return opens != null && opens.equals(closes);
    }

    /** The hours in the reader's language, such as "9:00 AM – 5:00 PM"; empty when unknown. */
    public String hoursText(Locale locale) {
      if (opens == null || closes == null) {
        return "";
      }
      DateTimeFormatter format =
          DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
      return format.format(opens) + " – " + format.format(closes);
    }
  }
}
