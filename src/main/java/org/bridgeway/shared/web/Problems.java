package org.bridgeway.shared.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.shared.Identifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.ClassUtils;
import org.springframework.util.unit.DataSize;

/**
 * The problem responses the API conventions share, so that a filter and the exception handler
 * answer the same thing in the same words. Details are written for API clients: never an exception
 * message, a class name or a stack trace.
 */
final class Problems {

  static final String ERRORS = "errors";

  private Problems() {}

  static ProblemDetail of(HttpStatus status, String detail) {
    return ProblemDetail.forStatusAndDetail(status, detail);
  }

  static ProblemDetail invalid(List<FieldViolation> errors) {
    ProblemDetail problem =
        of(HttpStatus.BAD_REQUEST, "The request is not valid: see the errors for each field.");
    problem.setProperty(ERRORS, errors);
    return problem;
  }

  static ProblemDetail bodyTooLarge(long limit) {
    ProblemDetail problem =
        of(
            HttpStatus.CONTENT_TOO_LARGE,
            "The request body is larger than this endpoint accepts (" + readable(limit) + ").");
    problem.setProperty("maxBytes", limit);
    return problem;
  }

  private static String readable(long bytes) {
    DataSize size = DataSize.ofBytes(bytes);
    if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
      return size.toMegabytes() + " MB";
    }
    if (bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
      return size.toKilobytes() + " KB";
    }
    return bytes + " bytes";
  }

  /**
   * What a value of the given type must look like, in a client's words: used when a JSON field or a
   * parameter has the wrong type, instead of the converter's message (which names Java types).
   */
  static String expected(Class<?> type) {
    if (type == null) {
      return "has the wrong type";
    }
    Class<?> t = ClassUtils.resolvePrimitiveIfNecessary(type);
    if (t == Boolean.class) {
      return "must be true or false";
    }
    if (t == Integer.class
        || t == Long.class
        || t == Short.class
        || t == Byte.class
        || t == BigInteger.class) {
      return "must be a whole number";
    }
    if (Number.class.isAssignableFrom(t) || t == BigDecimal.class) {
      return "must be a number";
    }
    if (t == UUID.class || Identifier.class.isAssignableFrom(t)) {
      return "must be a UUID";
    }
    if (t == LocalDate.class) {
      return "must be a date (YYYY-MM-DD)";
    }
    if (t == LocalTime.class) {
      return "must be a time (hh:mm or hh:mm:ss)";
    }
    if (Temporal.class.isAssignableFrom(t)) {
      return "must be a date and time in ISO 8601 format";
    }
    if (t == Duration.class) {
      return "must be an ISO 8601 duration";
    }
    if (t.isEnum()) {
      return "is not one of the allowed values";
    }
    if (CharSequence.class.isAssignableFrom(t) || t == Character.class) {
      return "must be a string";
    }
    if (t.isArray() || Collection.class.isAssignableFrom(t)) {
      return "must be an array";
    }
    if (Map.class.isAssignableFrom(t) || !ClassUtils.isSimpleValueType(t)) {
      return "must be an object";
    }
    return "has the wrong type";
  }
}
