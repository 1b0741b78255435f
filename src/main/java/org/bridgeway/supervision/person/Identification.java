package org.bridgeway.supervision.person;

import java.util.Locale;

/** One identifier of a person: an agency id, a state id or a court case number. */
public record Identification(IdentifierKind kind, String value) {

  /** The value as compared: upper case, without spaces, dashes, dots and slashes. */
  public String key() {
    return key(value);
  }

  static String key(String value) {
    return value == null ? "" : value.replaceAll("[\\s\\-./]", "").toUpperCase(Locale.ROOT);
  }
}
