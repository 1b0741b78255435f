package org.bridgeway.supervision.office;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.bridgeway.shared.web.FieldViolation;

/**
 * What an office is called and where it is: a name, an optional postal address and an optional
 * phone. Text is kept stripped; blank optional text is kept as null.
 */
public record OfficeDetails(
    String name,
    String line1,
    String line2,
    String city,
    String state,
    String postalCode,
    String phone) {

  public static final int MAX_NAME = 120;

  private static final Pattern STATE = Pattern.compile("[A-Z]{2}");
  private static final Pattern POSTAL_CODE = Pattern.compile("\\d{5}(-\\d{4})?");
  private static final Pattern PHONE = Pattern.compile("[0-9+()\\-. ]{7,30}");

  public OfficeDetails {
    name = clean(name);
    line1 = clean(line1);
    line2 = clean(line2);
    city = clean(city);
    state = clean(state) == null ? null : clean(state).toUpperCase(java.util.Locale.ROOT);
    postalCode = clean(postalCode);
    phone = clean(phone);
  }

  /** An office with a name only (the main office made for an agency). */
  public static OfficeDetails named(String name) {
    return new OfficeDetails(name, null, null, null, null, null, null);
  }

  /**
   * The rules a request shape cannot express, one violation per field: a name, an address either
   * complete (street, city, state, ZIP) or absent, a two-letter state, a ZIP code, a phone number.
   */
  public List<FieldViolation> violations() {
    List<FieldViolation> violations = new ArrayList<>();
    if (name == null) {
      violations.add(new FieldViolation("name", "NotBlank", "must not be blank"));
    } else if (name.length() > MAX_NAME) {
      violations.add(new FieldViolation("name", "Size", "must be at most 120 characters"));
    }
    boolean anyAddress =
        line1 != null || line2 != null || city != null || state != null || postalCode != null;
    if (anyAddress) {
      required(violations, "line1", line1, 200);
      required(violations, "city", city, 100);
      if (state == null) {
        violations.add(new FieldViolation("state", "NotBlank", "must not be blank"));
      } else if (!STATE.matcher(state).matches()) {
        violations.add(new FieldViolation("state", "Pattern", "must be a two-letter state code"));
      }
      if (postalCode == null) {
        violations.add(new FieldViolation("postalCode", "NotBlank", "must not be blank"));
      } else if (!POSTAL_CODE.matcher(postalCode).matches()) {
        violations.add(
            new FieldViolation(
                "postalCode", "Pattern", "must be a ZIP code (12345 or 12345-6789)"));
      }
      if (line2 != null && line2.length() > 200) {
        violations.add(new FieldViolation("line2", "Size", "must be at most 200 characters"));
      }
    }
    if (phone != null && !PHONE.matcher(phone).matches()) {
      violations.add(new FieldViolation("phone", "Pattern", "must be a phone number"));
    }
    return violations;
  }

  /** The address on one line, or null without one. */
  public String address() {
    if (line1 == null) {
      return null;
    }
    return line1
        + (line2 == null ? "" : ", " + line2)
        + ", "
        + city
        + ", "
        + state
        + " "
        + postalCode;
  }

  private static void required(
      List<FieldViolation> violations, String field, String value, int max) {
    if (value == null) {
      violations.add(new FieldViolation(field, "NotBlank", "must not be blank"));
    } else if (value.length() > max) {
      violations.add(new FieldViolation(field, "Size", "must be at most " + max + " characters"));
    }
  }

  private static String clean(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return value.strip();
  }
}
