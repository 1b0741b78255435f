package org.bridgeway.directory.listing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bridgeway.shared.web.FieldViolation;

/**
 * The main HSDS fields of a service that its provider keeps current, plus its first phone number.
 * Blank values mean "not given" and remove the field from the HSDS record.
 */
public record ServiceFields(
    String name,
    String description,
    String status,
    String url,
    String email,
    String applicationProcess,
    String feesDescription,
    String eligibilityDescription,
    String waitTime,
    String phone) {

  /** The HSDS service statuses. */
  public static final List<String> STATUSES =
      List.of("active", "inactive", "defunct", "temporarily closed");

  /** Each field and the HSDS service field it is stored in (the phone is a record of its own). */
  static final Map<String, String> HSDS_FIELDS =
      Map.of(
          "name", "name",
          "description", "description",
          "status", "status",
          "url", "url",
          "email", "email",
          "applicationProcess", "application_process",
          "feesDescription", "fees_description",
          "eligibilityDescription", "eligibility_description",
          "waitTime", "wait_time");

  private static final Set<String> LONG_TEXTS =
      Set.of("description", "applicationProcess", "feesDescription", "eligibilityDescription");
  static final int NAME_MAX = 200;
  static final int LONG_TEXT_MAX = 4000;
  static final int SHORT_TEXT_MAX = 500;

  public ServiceFields {
    name = trimmed(name);
    description = trimmed(description);
    status = trimmed(status);
    url = trimmed(url);
    email = trimmed(email);
    applicationProcess = trimmed(applicationProcess);
    feesDescription = trimmed(feesDescription);
    eligibilityDescription = trimmed(eligibilityDescription);
    waitTime = trimmed(waitTime);
    phone = trimmed(phone);
  }

  private static String trimmed(String value) {
    if (value == null) {
      return null;
    }
    String trimmed = value.strip();
    return trimmed.isEmpty() ? null : trimmed;
  }

  /** The value of a field by its name here. */
  String value(String field) {
    return switch (field) {
      case "name" -> name;
      case "description" -> description;
      case "status" -> status;
      case "url" -> url;
      case "email" -> email;
      case "applicationProcess" -> applicationProcess;
      case "feesDescription" -> feesDescription;
      case "eligibilityDescription" -> eligibilityDescription;
      case "waitTime" -> waitTime;
      case "phone" -> phone;
      default -> throw new IllegalArgumentException(field);
    };
  }

  /**
   * The rules these fields must keep before HSDS's own schema is asked (formats of url and email
   * are the schema's): a name, a known status, bounded lengths, a phone number made of phone
   * characters.
   */
  List<FieldViolation> violations() {
    List<FieldViolation> violations = new ArrayList<>();
    if (name == null) {
      violations.add(new FieldViolation("name", "required", "must not be blank"));
    } else if (name.length() > NAME_MAX) {
      violations.add(tooLong("name", NAME_MAX));
    }
    if (status == null) {
      violations.add(new FieldViolation("status", "required", "must be chosen"));
    } else if (!STATUSES.contains(status)) {
      violations.add(new FieldViolation("status", "unknown", "must be an HSDS service status"));
    }
    for (String field : HSDS_FIELDS.keySet()) {
      String value = value(field);
      int max = LONG_TEXTS.contains(field) ? LONG_TEXT_MAX : SHORT_TEXT_MAX;
      if (!field.equals("name") && value != null && value.length() > max) {
        violations.add(tooLong(field, max));
      }
    }
    if (phone != null
        && (phone.length() > 40 || !phone.matches("[0-9+()\\-. ]+( ?(x|ext\\.?) ?\\d+)?"))) {
      violations.add(
          new FieldViolation("phone", "format", "must be a phone number such as (951) 555-0134"));
    }
    return violations;
  }

  private static FieldViolation tooLong(String field, int max) {
    return new FieldViolation(field, "size", "must be at most " + max + " characters");
  }
}
