package org.bridgeway.directory.openreferral.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.bridgeway.directory.hsds.HsdsRecord;
import org.bridgeway.directory.openreferral.HsdsPageRequest;
import org.bridgeway.directory.openreferral.HsdsParameterException;

/**
 * Reads the query parameters of the {@code /hsds} API from their text. Every parameter arrives as
 * text so that any bad value is answered the same way: 400, naming the parameter as the API
 * reference spells it. An empty value counts as absent.
 */
final class HsdsParameters {

  /** The longest {@code search} accepted, in characters. */
  static final int MAX_SEARCH_LENGTH = 200;

  /** At most this many words of a search are matched. */
  static final int MAX_SEARCH_WORDS = 10;

  /** The largest {@code proximity}: half the Earth's circumference, in meters. */
  static final double MAX_PROXIMITY = 20_037_509;

  private HsdsParameters() {}

  enum Format {
    JSON,
    NDJSON
  }

  static HsdsPageRequest page(String page, String perPage) {
    return new HsdsPageRequest(
        integer("page", page, 1), integer("per_page", perPage, HsdsPageRequest.DEFAULT_PER_PAGE));
  }

  static Format format(String value) {
    if (absent(value)) {
      return Format.JSON;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "json" -> Format.JSON;
      case "ndjson" -> Format.NDJSON;
      default -> throw new HsdsParameterException("format", "unknown", "must be json or ndjson");
    };
  }

  static boolean bool(String name, String value) {
    if (absent(value)) {
      return false;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new HsdsParameterException(name, "format", "must be true or false");
    };
  }

  static UUID uuid(String name, String value) {
    if (absent(value)) {
      return null;
    }
    return HsdsRecord.parseUuid(value.trim().toLowerCase(Locale.ROOT))
        .orElseThrow(() -> new HsdsParameterException(name, "format", "must be a UUID"));
  }

  /** An id in a path: one that cannot exist is simply not found. */
  static UUID pathId(String value) {
    return value == null ? null : HsdsRecord.parseUuid(value.toLowerCase(Locale.ROOT)).orElse(null);
  }

  /**
   * {@code modified_after}: an ISO 8601 date-time with an offset ({@code 2024-05-01T08:00:00Z}),
   * without one (taken as UTC), or a date (its start, UTC). A {@code +} left unencoded in a query
   * string arrives as a space, and is read back as the {@code +} it was.
   */
  static Instant dateTime(String name, String value) {
    if (absent(value)) {
      return null;
    }
    String text = value.trim().replace(' ', '+');
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException notLocal) {
        try {
          return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notDate) {
          throw new HsdsParameterException(
              name, "format", "must be an ISO 8601 date-time such as 2024-05-01T08:00:00Z");
        }
      }
    }
  }

  /**
   * The words of {@code search}: split on spaces, control characters dropped, at most {@link
   * #MAX_SEARCH_WORDS} of them.
   */
  static List<String> words(String value) {
    if (absent(value)) {
      return List.of();
    }
    if (value.length() > MAX_SEARCH_LENGTH) {
      throw new HsdsParameterException(
          "search", "length", "must be at most " + MAX_SEARCH_LENGTH + " characters");
    }
    String cleaned = value.replaceAll("\\p{Cntrl}", " ").replaceAll("[\\p{Cs}]", "");
    List<String> words = new ArrayList<>();
    for (String word : cleaned.trim().split("\\s+")) {
      if (!word.isEmpty() && !words.contains(word) && words.size() < MAX_SEARCH_WORDS) {
        words.add(word);
      }
    }
    return words;
  }

  /** A U.S. ZIP code, five digits or ZIP+4; the five digits are what is matched. */
  static String postcode(String value) {
    if (absent(value)) {
      return null;
    }
    String text = value.trim();
    if (!text.matches("\\d{5}(-\\d{4})?")) {
      throw new HsdsParameterException(
          "postcode", "format", "must be a U.S. ZIP code (five digits, or ZIP+4)");
    }
    return text.substring(0, 5);
  }

  /** {@code proximity}: a distance in meters, more than 0. */
  static Double proximity(String value) {
    if (absent(value)) {
      return null;
    }
    double meters;
    try {
      meters = Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw new HsdsParameterException("proximity", "format", "must be a distance in meters");
    }
    if (!(meters > 0 && meters <= MAX_PROXIMITY)) {
      throw new HsdsParameterException(
          "proximity", "range", "must be more than 0 and at most " + (long) MAX_PROXIMITY);
    }
    return meters;
  }

  private static int integer(String name, String value, int absent) {
    if (absent(value)) {
      return absent;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new HsdsParameterException(name, "format", "must be a whole number");
    }
  }

  private static boolean absent(String value) {
    return value == null || value.isBlank();
  }
}
