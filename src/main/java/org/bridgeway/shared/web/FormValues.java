package org.bridgeway.shared.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * Reads the text fields of pages' forms: each value that cannot be read adds a violation on its
 * field and reads as null, so that a form re-renders with everything typed.
 */
public final class FormValues {

  private FormValues() {}

  public static <E extends Enum<E>> E choice(
      String field, String value, Class<E> type, List<FieldViolation> violations) {
    if (value == null || value.isBlank()) {
      violations.add(new FieldViolation(field, "required", "is required"));
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      violations.add(new FieldViolation(field, "choice", "is not one of the choices"));
      return null;
    }
  }

  public static LocalDate date(String field, String value, List<FieldViolation> violations) {
    if (value == null || value.isBlank()) {
      violations.add(new FieldViolation(field, "required", "is required"));
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      violations.add(new FieldViolation(field, "date", "must be a date"));
      return null;
    }
  }

  public static LocalTime time(String field, String value, List<FieldViolation> violations) {
    if (value == null || value.isBlank()) {
      violations.add(new FieldViolation(field, "required", "is required"));
      return null;
    }
    try {
      return LocalTime.parse(value.strip());
    } catch (DateTimeParseException e) {
      violations.add(new FieldViolation(field, "time", "must be a time"));
      return null;
    }
  }

  public static String text(
      String field, String value, int max, boolean required, List<FieldViolation> violations) {
    if (value == null || value.isBlank()) {
      if (required) {
        violations.add(new FieldViolation(field, "required", "is required"));
      }
      return null;
    }
    String stripped = value.strip();
    if (stripped.length() > max) {
      violations.add(new FieldViolation(field, "tooLong", "is too long"));
      return null;
    }
    return stripped;
  }

  /** An optional id. */
  public static UUID id(String field, String value, List<FieldViolation> violations) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      violations.add(new FieldViolation(field, "choice", "is not one of the choices"));
      return null;
    }
  }

  /** A record chosen from a list, sent as {@code <id>:<version>}. */
  public record Versioned(UUID id, long version) {}

  public static Versioned versioned(String field, String value, List<FieldViolation> violations) {
    if (value == null || value.isBlank()) {
      violations.add(new FieldViolation(field, "required", "is required"));
      return null;
    }
    int colon = value.indexOf(':');
    try {
      if (colon > 0) {
        return new Versioned(
            UUID.fromString(value.substring(0, colon).strip()),
            Long.parseLong(value.substring(colon + 1).strip()));
      }
    } catch (IllegalArgumentException e) {
      // falls through to the violation below
    }
    violations.add(new FieldViolation(field, "choice", "is not one of the choices"));
    return null;
  }
}
