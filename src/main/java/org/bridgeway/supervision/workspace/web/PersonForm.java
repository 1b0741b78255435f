package org.bridgeway.supervision.workspace.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.bridgeway.shared.vocabulary.Gender;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.supervision.person.Address;
import org.bridgeway.supervision.person.ContactMethod;
import org.bridgeway.supervision.person.ContactPreferences;
import org.bridgeway.supervision.person.Identification;
import org.bridgeway.supervision.person.IdentifierKind;
import org.bridgeway.supervision.person.PersonDetails;
import org.bridgeway.supervision.person.PersonName;
import org.bridgeway.supervision.person.QuietHours;

/**
 * The form to enter or correct a person: the fields an officer keeps up to date. Every field binds
 * as text so any input re-renders as typed; {@link #parse} names each value that cannot be read.
 * What the form does not show (aliases, demographics other than gender, past addresses, further
 * identifiers, the emergency contact) is kept as it was when a record is corrected. A new current
 * address ends the one before it on the day before it starts.
 */
record PersonForm(
    String givenName,
    String middleName,
    String familyName,
    String dateOfBirth,
    String agencyId,
    String stateId,
    String courtCaseNumber,
    String gender,
    String preferredLanguage,
    Boolean interpreterNeeded,
    String line1,
    String line2,
    String city,
    String state,
    String postalCode,
    String addressFrom,
    String phone,
    String email,
    String contactMethod,
    String quietHoursStart,
    String quietHoursEnd,
    Boolean createAnyway,
    String version) {

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ./-]{0,59}");
  private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");
  private static final Pattern STATE = Pattern.compile("[A-Z]{2}");
  private static final Pattern ZIP = Pattern.compile("\\d{5}(-\\d{4})?");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{7,30}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  /**
   * The form read into a person's details, or what could not be read.
   *
   * @param fields the services' field names (JSON paths) mapped to this form's fields
   */
  record Parsed(
      PersonDetails details,
      Long version,
      List<FieldViolation> violations,
      Map<String, String> fields) {}

  static PersonForm empty() {
    return new PersonForm(
        null, null, null, null, null, null, null, null, "en", false, null, null, null, null, null,
        null, null, null, "NONE", null, null, false, null);
  }

  static PersonForm of(PersonDetails details, long version) {
    Address address = details.currentAddress();
    var contact = details.contact();
    return new PersonForm(
        details.name().given(),
        details.name().middle(),
        details.name().family(),
        details.dateOfBirth().toString(),
        first(details, IdentifierKind.AGENCY_ID),
        first(details, IdentifierKind.STATE_ID),
        first(details, IdentifierKind.COURT_CASE_NUMBER),
        details.gender() == null ? null : details.gender().name(),
        details.preferredLanguage(),
        details.interpreterNeeded(),
        address == null ? null : address.line1(),
        address == null ? null : address.line2(),
        address == null ? null : address.city(),
        address == null ? null : address.state(),
        address == null ? null : address.postalCode(),
        address == null ? null : address.validFrom().toString(),
        contact.phone(),
        contact.email(),
        contact.method().name(),
        contact.quietHours() == null ? null : contact.quietHours().start().toString(),
        contact.quietHours() == null ? null : contact.quietHours().end().toString(),
        false,
        Long.toString(version));
  }

  /**
   * Reads the form.
   *
   * @param before the record being corrected, whose other fields are kept; null for a new person
   */
  Parsed parse(PersonDetails before, boolean versionRequired) {
    List<FieldViolation> violations = new ArrayList<>();
    Map<String, String> fields = new HashMap<>();
    fields.put("name.given", "givenName");
    fields.put("name.middle", "middleName");
    fields.put("name.family", "familyName");
    fields.put("dateOfBirth", "dateOfBirth");
    fields.put("identifiers", "agencyId");
    fields.put("contact.phone", "phone");
    fields.put("contact.email", "email");
    fields.put("contact.quietHoursStart", "quietHoursStart");
    fields.put("contact.quietHoursEnd", "quietHoursEnd");
    fields.put("preferredLanguage", "preferredLanguage");
    fields.put("gender", "gender");
    fields.put("contactMethod", "contactMethod");
    fields.put("version", "version");

    String given = text("givenName", givenName, 100, true, violations);
    String middle = text("middleName", middleName, 100, false, violations);
    String family = text("familyName", familyName, 100, true, violations);
    LocalDate birth = date("dateOfBirth", dateOfBirth, true, violations);

    List<Identification> identifiers = new ArrayList<>();
    identifier(IdentifierKind.AGENCY_ID, "agencyId", agencyId, identifiers, fields, violations);
    identifier(IdentifierKind.STATE_ID, "stateId", stateId, identifiers, fields, violations);
    identifier(
        IdentifierKind.COURT_CASE_NUMBER,
        "courtCaseNumber",
        courtCaseNumber,
        identifiers,
        fields,
        violations);
    if (before != null) {
      // Further identifiers of a kind the form shows once are kept as they were.
      for (IdentifierKind kind : IdentifierKind.values()) {
        before.identifiers().stream()
            .filter(i -> i.kind() == kind)
            .skip(1)
            .forEach(identifiers::add);
      }
    }

    Gender parsedGender = code("gender", gender, Gender.class, violations);
    String language = blank(preferredLanguage) ? null : preferredLanguage.strip();
    if (language != null && !LANGUAGE.matcher(language).matches()) {
      violations.add(new FieldViolation("preferredLanguage", "Pattern", "must be a language tag"));
    }

    List<Address> addresses = new ArrayList<>();
    Address current = before == null ? null : before.currentAddress();
    if (before != null) {
      before.addresses().stream().filter(a -> !a.isCurrent()).forEach(addresses::add);
    }
    boolean anyAddress =
        !blank(line1) || !blank(city) || !blank(state) || !blank(postalCode) || !blank(addressFrom);
    if (anyAddress) {
      String street = text("line1", line1, 200, true, violations);
      String street2 = text("line2", line2, 200, false, violations);
      String town = text("city", city, 100, true, violations);
      String region = blank(state) ? null : state.strip().toUpperCase(Locale.ROOT);
      if (region == null) {
        violations.add(new FieldViolation("state", "Required", "is required"));
      } else if (!STATE.matcher(region).matches()) {
        violations.add(new FieldViolation("state", "Pattern", "must be a two-letter state code"));
      }
      String zip = blank(postalCode) ? null : postalCode.strip();
      if (zip == null) {
        violations.add(new FieldViolation("postalCode", "Required", "is required"));
      } else if (!ZIP.matcher(zip).matches()) {
        violations.add(new FieldViolation("postalCode", "Pattern", "must be a ZIP code"));
      }
      LocalDate from = date("addressFrom", addressFrom, true, violations);
      if (violations.isEmpty()) {
        Address moved = new Address(street, street2, town, region, zip, from, null);
        if (current != null && !sameAddress(current, moved)) {
          if (from.isAfter(current.validFrom())) {
            addresses.add(
                new Address(
                    current.line1(),
                    current.line2(),
                    current.city(),
                    current.state(),
                    current.postalCode(),
                    current.validFrom(),
                    from.minusDays(1)));
          }
        }
        fields.put("addresses[" + addresses.size() + "].validFrom", "addressFrom");
        fields.put("addresses[" + addresses.size() + "].validTo", "addressFrom");
        addresses.add(moved);
      }
    }

    String phoneNumber = blank(phone) ? null : phone.strip();
    if (phoneNumber != null && !PHONE.matcher(phoneNumber).matches()) {
      violations.add(new FieldViolation("phone", "Pattern", "must be a phone number"));
    }
    String mail = blank(email) ? null : email.strip();
    if (mail != null && (mail.length() > 254 || !EMAIL.matcher(mail).matches())) {
      violations.add(new FieldViolation("email", "Email", "must be an email address"));
    }
    ContactMethod method = code("contactMethod", contactMethod, ContactMethod.class, violations);
    if (method == null && blank(contactMethod)) {
      violations.add(new FieldViolation("contactMethod", "Required", "is required"));
    }
    LocalTime quietStart = time("quietHoursStart", quietHoursStart, violations);
    LocalTime quietEnd = time("quietHoursEnd", quietHoursEnd, violations);
    if ((quietStart == null) != (quietEnd == null)
        && blank(quietHoursStart) != blank(quietHoursEnd)) {
      violations.add(
          new FieldViolation(
              quietStart == null ? "quietHoursStart" : "quietHoursEnd",
              "QuietHours",
              "quiet hours need both a start and an end"));
    }
    Long parsedVersion = null;
    if (versionRequired) {
      try {
        parsedVersion = Long.valueOf(version == null ? "" : version.strip());
      } catch (NumberFormatException e) {
        violations.add(new FieldViolation(null, "version", "reload the page"));
      }
    }
    if (!violations.isEmpty()) {
      return new Parsed(null, parsedVersion, violations, fields);
    }
    PersonDetails details =
        new PersonDetails(
            new PersonName(given, middle, family),
            before == null ? List.of() : before.aliases(),
            birth,
            identifiers,
            parsedGender,
            before == null ? null : before.races(),
            before == null ? null : before.ethnicity(),
            language,
            Boolean.TRUE.equals(interpreterNeeded),
            addresses,
            new ContactPreferences(
                phoneNumber,
                mail,
                method,
                quietStart == null ? null : new QuietHours(quietStart, quietEnd)),
            before == null ? null : before.emergencyContact());
    return new Parsed(details, parsedVersion, violations, fields);
  }

  /** The same form with "enter anyway" confirmed. */
  PersonForm confirmed() {
    return new PersonForm(
        givenName,
        middleName,
        familyName,
        dateOfBirth,
        agencyId,
        stateId,
        courtCaseNumber,
        gender,
        preferredLanguage,
        interpreterNeeded,
        line1,
        line2,
        city,
        state,
        postalCode,
        addressFrom,
        phone,
        email,
        contactMethod,
        quietHoursStart,
        quietHoursEnd,
        true,
        version);
  }

  private static boolean sameAddress(Address a, Address b) {
    return a.line1().equalsIgnoreCase(b.line1())
        && a.city().equalsIgnoreCase(b.city())
        && a.postalCode().equals(b.postalCode())
        && java.util.Objects.equals(a.line2(), b.line2());
  }

  private static String first(PersonDetails details, IdentifierKind kind) {
    return details.identifiers().stream()
        .filter(i -> i.kind() == kind)
        .map(Identification::value)
        .findFirst()
        .orElse(null);
  }

  private static void identifier(
      IdentifierKind kind,
      String field,
      String value,
      List<Identification> identifiers,
      Map<String, String> fields,
      List<FieldViolation> violations) {
    if (blank(value)) {
      return;
    }
    String stripped = value.strip();
    if (!IDENTIFIER.matcher(stripped).matches()) {
      violations.add(
          new FieldViolation(
              field,
              "Identifier",
              "must be letters and digits, with spaces, dots, slashes or dashes"));
      return;
    }
    fields.put("identifiers[" + identifiers.size() + "].value", field);
    identifiers.add(new Identification(kind, stripped));
  }

  static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  static String text(
      String field, String value, int max, boolean required, List<FieldViolation> violations) {
    if (blank(value)) {
      if (required) {
        violations.add(new FieldViolation(field, "Required", "is required"));
      }
      return null;
    }
    String stripped = value.strip();
    if (stripped.length() > max) {
      violations.add(new FieldViolation(field, "Size", "is longer than " + max + " characters"));
      return null;
    }
    return stripped;
  }

  static LocalDate date(
      String field, String value, boolean required, List<FieldViolation> violations) {
    if (blank(value)) {
      if (required) {
        violations.add(new FieldViolation(field, "Required", "is required"));
      }
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      violations.add(new FieldViolation(field, "Date", "must be a date such as 2026-03-31"));
      return null;
    }
  }

  static LocalTime time(String field, String value, List<FieldViolation> violations) {
    if (blank(value)) {
      return null;
    }
    try {
      return LocalTime.parse(value.strip());
    } catch (DateTimeParseException e) {
      violations.add(new FieldViolation(field, "Time", "must be a time such as 21:30"));
      return null;
    }
  }

  static <E extends Enum<E>> E code(
      String field, String value, Class<E> type, List<FieldViolation> violations) {
    if (blank(value)) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      violations.add(new FieldViolation(field, "Unknown", "must be chosen from the list"));
      return null;
    }
  }
}
