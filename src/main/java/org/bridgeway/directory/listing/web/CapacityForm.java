package org.bridgeway.directory.listing.web;

import java.util.ArrayList;
import java.util.List;
import org.bridgeway.directory.listing.CapacityFigures;
import org.bridgeway.shared.web.FieldViolation;

/**
 * A capacity update from the listings page or a service page: the figures, the version of the
 * figures they replace, and an optional one-step adjustment of the open slots ("+1", "−1" buttons).
 * {@code from}, {@code q}, {@code stale} and {@code page} say which page to return to. Every field
 * binds as text, so that anything typed re-renders as typed with an error beside it.
 */
record CapacityForm(
    String openSlots,
    String waitlistLength,
    String estimatedWaitDays,
    String version,
    String adjust,
    String from,
    String q,
    String stale,
    String page) {

  /** The figures, or what could not be read. */
  record Parsed(CapacityFigures figures, Integer version, List<FieldViolation> violations) {}

  Parsed parse() {
    List<FieldViolation> violations = new ArrayList<>();
    Integer open = integer("openSlots", openSlots, true, violations);
    Integer waitlist = integer("waitlistLength", waitlistLength, true, violations);
    Integer wait = integer("estimatedWaitDays", estimatedWaitDays, false, violations);
    Integer expected = integer("version", version, false, violations);
    if (expected == null && violations.stream().noneMatch(v -> "version".equals(v.field()))) {
      violations.add(new FieldViolation(null, "version.missing", "reload the page"));
    }
    if (open != null && ("1".equals(adjust) || "-1".equals(adjust))) {
      open = open + Integer.parseInt(adjust);
    }
    CapacityFigures figures =
        violations.isEmpty() ? new CapacityFigures(open, waitlist, wait) : null;
    return new Parsed(figures, expected, violations);
  }

  /** The version of the figures a "Confirm still accurate" is based on, if it can be read. */
  Integer confirmedVersion() {
    return integer("version", version, false, new ArrayList<>());
  }

  boolean fromServicePage() {
    return "service".equals(from);
  }

  boolean staleOnly() {
    return "true".equals(stale);
  }

  int pageNumber() {
    Integer number = integer("page", page, false, new ArrayList<>());
    return number == null ? 0 : Math.clamp(number, 0, 100_000);
  }

  private static Integer integer(
      String field, String value, boolean required, List<FieldViolation> violations) {
    if (value == null || value.isBlank()) {
      if (required) {
        violations.add(new FieldViolation(field, "required", "is required"));
      }
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      violations.add(new FieldViolation(field, "number", "must be a whole number"));
      return null;
    }
  }
}
