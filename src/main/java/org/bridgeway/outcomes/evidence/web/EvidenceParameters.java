package org.bridgeway.outcomes.evidence.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.bridgeway.outcomes.evidence.EvidenceRejected;

/**
 * Reads the evidence pages' query parameters, which arrive as text so that a bad value can be shown
 * beside its field (rather than answered by a bare error page); the API binds typed parameters and
 * lets the shared handler name a bad one.
 */
public final class EvidenceParameters {

  /** The message key prefix per value kind, for labelling values in tables and CSV. */
  public static final Map<String, String> LABEL_PREFIXES =
      Map.of(
          "RISK_LEVEL", "riskLevel.",
          "NEED_DOMAIN", "needDomain.",
          "GENDER", "gender.",
          "SUPERVISION_TYPE", "supervisionType.",
          "RACE", "race.",
          "ETHNICITY", "ethnicity.",
          "AGE_BAND", "evidence.ageBand.",
          "START_YEAR", "evidence.none.");

  private EvidenceParameters() {}

  public static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      throw new EvidenceRejected(field, "TypeMismatch", "is not one of the choices");
    }
  }

  public static Integer integer(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw new EvidenceRejected(field, "TypeMismatch", "must be a whole number");
    }
  }

  public static Double decimal(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      double d = Double.parseDouble(value.strip());
      if (!Double.isFinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new EvidenceRejected(field, "TypeMismatch", "must be a number");
    }
  }

  public static LocalDate date(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new EvidenceRejected(field, "TypeMismatch", "must be a date (YYYY-MM-DD)");
    }
  }
}
