package org.bridgeway.supervision.workspace.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.bridgeway.shared.vocabulary.Gender;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.supervision.person.Address;
import org.bridgeway.supervision.person.ContactMethod;
import org.bridgeway.supervision.person.ContactPreferences;
import org.bridgeway.supervision.person.EmergencyContact;
import org.bridgeway.supervision.person.Ethnicity;
import org.bridgeway.supervision.person.Identification;
import org.bridgeway.supervision.person.IdentifierKind;
import org.bridgeway.supervision.person.PersonDetails;
import org.bridgeway.supervision.person.PersonName;
import org.bridgeway.supervision.person.QuietHours;
import org.bridgeway.supervision.person.Race;

/**
 * The form to enter or correct a person: the fields an officer keeps up to date, with repeatable
 * rows for aliases and past addresses (the page adds blank rows; a blank row is ignored, a row
 * marked "remove" is dropped), self-reported races and ethnicity, and the emergency contact. Every
 * field binds as text so any input re-renders as typed; {@link #parse} names each value that cannot
 * be read and, where it can, the rules across fields too, so the page reports every error at once.
 * Further identifiers of a kind the form shows once are kept as they were when a record is
 * corrected. A new current address ends the one before it on the day before it starts.
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
    List<AliasRow> aliases,
    List<AddressRow> pastAddresses,
    List<String> races,
    String ethnicity,
    String emergencyName,
    String emergencyRelationship,
    String emergencyPhone,
    Boolean createAnyway,
    String version) {

  /** Blank alias rows the page offers below the person's aliases. */
  static final int BLANK_ALIASES = 2;

  /** Blank past-address rows the page offers below the person's past addresses. */
  static final int BLANK_ADDRESSES = 1;

  /** Another name the person is known by; {@code remove} drops it. */
  record AliasRow(String givenName, String middleName, String familyName, Boolean remove) {

    public boolean blank() {
      return PersonForm.blank(givenName)
          && PersonForm.blank(middleName)
          && PersonForm.blank(familyName);
    }
  }

  /** An address where the person lived, from one day to another; {@code remove} drops it. */
  record AddressRow(
      String line1,
      String line2,
      String city,
      String state,
      String postalCode,
      String validFrom,
      String validTo,
      Boolean remove) {

    public boolean blank() {
      return PersonForm.blank(line1)
          && PersonForm.blank(line2)
          && PersonForm.blank(city)
          && PersonForm.blank(state)
          && PersonForm.blank(postalCode)
          && PersonForm.blank(validFrom)
          && PersonForm.blank(validTo);
    }
  }

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
            null, null, null, null, null, null, null, null, "en", false, null, null, null, null,
            null, null, null, null, "NONE", null, null, List.of(), List.of(), List.of(), null, null,
            null, null, false, null)
        .withBlankRows();
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
            details.aliases().stream()
                .map(a -> new AliasRow(a.given(), a.middle(), a.family(), false))
                .toList(),
            details.addresses().stream()
                .filter(a -> !a.isCurrent())
                .map(
                    a ->
                        new AddressRow(
                            a.line1(),
                            a.line2(),
                            a.city(),
                            a.state(),
                            a.postalCode(),
                            a.validFrom().toString(),
                            a.validTo().toString(),
                            false))
                .toList(),
            details.races().stream().map(Race::name).sorted().toList(),
            details.ethnicity() == null ? null : details.ethnicity().name(),
            details.emergencyContact() == null ? null : details.emergencyContact().name(),
            details.emergencyContact() == null ? null : details.emergencyContact().relationship(),
            details.emergencyContact() == null ? null : details.emergencyContact().phone(),
            false,
            Long.toString(version))
        .withBlankRows();
  }

  /**
   * The same form with blank rows to fill in: {@link #BLANK_ALIASES} aliases and {@link
   * #BLANK_ADDRESSES} past addresses beyond the filled ones, so that more can be added without
   * scripts.
   */
  PersonForm withBlankRows() {
    List<AliasRow> aliasRows = new ArrayList<>(aliasRows());
    long blankAliases = aliasRows.stream().filter(AliasRow::blank).count();
    for (long i = blankAliases; i < BLANK_ALIASES; i++) {
      aliasRows.add(new AliasRow(null, null, null, false));
    }
    List<AddressRow> addressRows = new ArrayList<>(addressRows());
    long blankAddresses = addressRows.stream().filter(AddressRow::blank).count();
    for (long i = blankAddresses; i < BLANK_ADDRESSES; i++) {
      addressRows.add(new AddressRow(null, null, null, null, null, null, null, false));
    }
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
        aliasRows,
        addressRows,
        races,
        ethnicity,
        emergencyName,
        emergencyRelationship,
        emergencyPhone,
        createAnyway,
        version);
  }

  /** The alias rows as posted (none when the form had none). */
  List<AliasRow> aliasRows() {
    return aliases == null
        ? List.of()
        : aliases.stream().map(a -> a == null ? new AliasRow(null, null, null, false) : a).toList();
  }

  /** The past-address rows as posted (none when the form had none). */
  List<AddressRow> addressRows() {
    return pastAddresses == null
        ? List.of()
        : pastAddresses.stream()
            .map(
                a ->
                    a == null ? new AddressRow(null, null, null, null, null, null, null, false) : a)
            .toList();
  }

  /**
   * Reads the form: every value that cannot be read and, when the values the rules need could be
   * read, every rule across fields ({@link PersonDetails#violations}) that does not concern a field
   * already at fault, so that one round reports all errors.
   *
   * @param before the record being corrected, whose other fields are kept; null for a new person
   * @param today the day the rules across fields are checked on
   */
  Parsed parse(PersonDetails before, boolean versionRequired, LocalDate today) {
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
    // The page always posts its alias rows; a post without them (an older page) keeps what was.
    boolean rowsPosted = aliases != null || pastAddresses != null;
    List<PersonName> aliasNames = new ArrayList<>();
    if (aliases == null) {
      aliasNames.addAll(before == null ? List.of() : before.aliases());
    }
    List<AliasRow> aliasRows = aliasRows();
    for (int r = 0; r < aliasRows.size(); r++) {
      AliasRow row = aliasRows.get(r);
      if (row.blank() || Boolean.TRUE.equals(row.remove())) {
        continue;
      }
      String prefix = "aliases[" + r + "].";
      for (String part : List.of("givenName", "middleName", "familyName")) {
        fields.put(prefix + part, prefix + part);
      }
      String aliasGiven = text(prefix + "givenName", row.givenName(), 100, false, violations);
      String aliasMiddle = text(prefix + "middleName", row.middleName(), 100, false, violations);
      String aliasFamily = text(prefix + "familyName", row.familyName(), 100, true, violations);
      if (aliasFamily != null) {
        aliasNames.add(new PersonName(aliasGiven, aliasMiddle, aliasFamily));
      }
    }

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
    Set<Race> parsedRaces = EnumSet.noneOf(Race.class);
    Ethnicity parsedEthnicity = null;
    EmergencyContact emergency = null;
    if (rowsPosted) {
      fields.put("races", "races");
      for (String race : races == null ? List.<String>of() : races) {
        Race known = code("races", race, Race.class, violations);
        if (known != null) {
          parsedRaces.add(known);
        }
      }
      parsedEthnicity = code("ethnicity", ethnicity, Ethnicity.class, violations);
      emergency = emergencyContact(violations);
    } else if (before != null) {
      parsedRaces.addAll(before.races());
      parsedEthnicity = before.ethnicity();
      emergency = before.emergencyContact();
    }
    String language = blank(preferredLanguage) ? null : preferredLanguage.strip();
    if (language != null && !LANGUAGE.matcher(language).matches()) {
      violations.add(new FieldViolation("preferredLanguage", "Pattern", "must be a language tag"));
    }

    List<Address> addresses = new ArrayList<>();
    Address current = before == null ? null : before.currentAddress();
    if (pastAddresses == null && before != null) {
      before.addresses().stream().filter(a -> !a.isCurrent()).forEach(addresses::add);
    }
    List<AddressRow> addressRows = addressRows();
    for (int r = 0; r < addressRows.size(); r++) {
      AddressRow row = addressRows.get(r);
      if (row.blank() || Boolean.TRUE.equals(row.remove())) {
        continue;
      }
      Address past = pastAddress(r, row, fields, violations);
      if (past != null) {
        String form = "pastAddresses[" + r + "].";
        fields.put("addresses[" + addresses.size() + "].validFrom", form + "validFrom");
        fields.put("addresses[" + addresses.size() + "].validTo", form + "validTo");
        addresses.add(past);
      }
    }
    int violationsBeforeCurrent = violations.size();
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
      if (violations.size() == violationsBeforeCurrent) {
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
      if (birth != null && method != null) {
        // The rules across fields, on what could be read, beside the fields not already at fault.
        PersonDetails partial =
            new PersonDetails(
                new PersonName(given, middle, family),
                aliasNames,
                birth,
                identifiers,
                parsedGender,
                parsedRaces,
                parsedEthnicity,
                language,
                Boolean.TRUE.equals(interpreterNeeded),
                addresses,
                new ContactPreferences(phoneNumber, mail, method, null),
                emergency);
        Set<String> atFault = new HashSet<>();
        violations.forEach(v -> atFault.add(fields.getOrDefault(v.field(), v.field())));
        for (FieldViolation rule : partial.violations(today)) {
          if (!atFault.contains(fields.getOrDefault(rule.field(), rule.field()))) {
            violations.add(rule);
          }
        }
      }
      return new Parsed(null, parsedVersion, violations, fields);
    }
    PersonDetails details =
        new PersonDetails(
            new PersonName(given, middle, family),
            aliasNames,
            birth,
            identifiers,
            parsedGender,
            parsedRaces,
            parsedEthnicity,
            language,
            Boolean.TRUE.equals(interpreterNeeded),
            addresses,
            new ContactPreferences(
                phoneNumber,
                mail,
                method,
                quietStart == null ? null : new QuietHours(quietStart, quietEnd)),
            emergency);
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
        aliases,
        pastAddresses,
        races,
        ethnicity,
        emergencyName,
        emergencyRelationship,
        emergencyPhone,
        true,
        version);
  }

  /** The emergency contact, if any of its fields is given: a name and a phone number then. */
  private EmergencyContact emergencyContact(List<FieldViolation> violations) {
    if (blank(emergencyName) && blank(emergencyRelationship) && blank(emergencyPhone)) {
      return null;
    }
    String name = text("emergencyName", emergencyName, 200, true, violations);
    String relation = text("emergencyRelationship", emergencyRelationship, 100, false, violations);
    String number = text("emergencyPhone", emergencyPhone, 30, true, violations);
    if (number != null && !PHONE.matcher(number).matches()) {
      violations.add(new FieldViolation("emergencyPhone", "Pattern", "must be a phone number"));
      return null;
    }
    return name == null || number == null ? null : new EmergencyContact(name, relation, number);
  }

  /** A past address row: every part of the address, the day it started and the day it ended. */
  private static Address pastAddress(
      int row, AddressRow address, Map<String, String> fields, List<FieldViolation> violations) {
    String prefix = "pastAddresses[" + row + "].";
    for (String part :
        List.of("line1", "line2", "city", "state", "postalCode", "validFrom", "validTo")) {
      fields.put(prefix + part, prefix + part);
    }
    int before = violations.size();
    String street = text(prefix + "line1", address.line1(), 200, true, violations);
    String street2 = text(prefix + "line2", address.line2(), 200, false, violations);
    String town = text(prefix + "city", address.city(), 100, true, violations);
    String region =
        blank(address.state()) ? null : address.state().strip().toUpperCase(Locale.ROOT);
    if (region == null) {
      violations.add(new FieldViolation(prefix + "state", "Required", "is required"));
    } else if (!STATE.matcher(region).matches()) {
      violations.add(
          new FieldViolation(prefix + "state", "Pattern", "must be a two-letter state code"));
    }
    String zip = blank(address.postalCode()) ? null : address.postalCode().strip();
    if (zip == null) {
      violations.add(new FieldViolation(prefix + "postalCode", "Required", "is required"));
    } else if (!ZIP.matcher(zip).matches()) {
      violations.add(new FieldViolation(prefix + "postalCode", "Pattern", "must be a ZIP code"));
    }
    LocalDate from = date(prefix + "validFrom", address.validFrom(), true, violations);
    LocalDate to = date(prefix + "validTo", address.validTo(), true, violations);
    if (violations.size() > before) {
      return null;
    }
    return new Address(street, street2, town, region, zip, from, to);
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
