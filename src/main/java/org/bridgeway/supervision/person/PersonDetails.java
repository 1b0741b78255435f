package org.bridgeway.supervision.person;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bridgeway.shared.vocabulary.Gender;
import org.bridgeway.shared.web.FieldViolation;

/**
 * Everything staff enter and correct about a person, as one value: the person's record is replaced
 * by a new version of it as a whole. Demographics are self-reported and optional (null or empty
 * when the person did not say).
 *
 * @param preferredLanguage a BCP 47 tag such as {@code es}; null if not known
 * @param addresses the address history, the current one (without an end date) included
 * @param emergencyContact null for none
 */
public record PersonDetails(
    PersonName name,
    List<PersonName> aliases,
    LocalDate dateOfBirth,
    List<Identification> identifiers,
    Gender gender,
    Set<Race> races,
    Ethnicity ethnicity,
    String preferredLanguage,
    boolean interpreterNeeded,
    List<Address> addresses,
    ContactPreferences contact,
    EmergencyContact emergencyContact) {

  /** Nobody on supervision was born before this. */
  static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

  public PersonDetails {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dateOfBirth, "dateOfBirth");
    Objects.requireNonNull(contact, "contact");
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
    races = races == null ? Set.of() : Set.copyOf(races);
    addresses = addresses == null ? List.of() : List.copyOf(addresses);
  }

  /**
   * The rules across fields, named by the request's JSON paths: a birth date in the future, an
   * address that ends before it starts, two current addresses, an identifier given twice, a
   * preferred contact method without the phone or email it needs. Empty when all hold.
   */
  public List<FieldViolation> violations(LocalDate today) {
    List<FieldViolation> violations = new ArrayList<>();
    if (dateOfBirth.isAfter(today)) {
      violations.add(
          new FieldViolation("dateOfBirth", "PastOrPresent", "must not be in the future"));
    } else if (dateOfBirth.isBefore(EARLIEST_BIRTH)) {
      violations.add(new FieldViolation("dateOfBirth", "Min", "must be in 1900 or later"));
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < identifiers.size(); i++) {
      Identification identifier = identifiers.get(i);
      Integer first = seen.putIfAbsent(identifier.kind() + ":" + identifier.key(), i);
      if (first != null) {
        violations.add(
            new FieldViolation(
                "identifiers[" + i + "].value",
                "Duplicate",
                "repeats identifiers[" + first + "]: an identifier is given once"));
      }
    }
    int current = -1;
    for (int i = 0; i < addresses.size(); i++) {
      Address address = addresses.get(i);
      if (address.validTo() != null && address.validTo().isBefore(address.validFrom())) {
        violations.add(
            new FieldViolation(
                "addresses[" + i + "].validTo", "EndBeforeStart", "must not be before validFrom"));
      }
      if (address.validFrom().isAfter(today)) {
        violations.add(
            new FieldViolation(
                "addresses[" + i + "].validFrom", "PastOrPresent", "must not be in the future"));
      }
      if (address.isCurrent()) {
        if (current >= 0) {
          violations.add(
              new FieldViolation(
                  "addresses[" + i + "].validTo",
                  "OneCurrentAddress",
                  "addresses[" + current + "] is already the current address: give an end date"));
        } else {
          current = i;
        }
      }
    }
    if ((contact.method() == ContactMethod.CALL || contact.method() == ContactMethod.TEXT)
        && isBlank(contact.phone())) {
      violations.add(
          new FieldViolation("contact.phone", "Required", "is required to call or text"));
    }
    if (contact.method() == ContactMethod.EMAIL && isBlank(contact.email())) {
      violations.add(new FieldViolation("contact.email", "Required", "is required to email"));
    }
    return violations;
  }

  /** The current address, if there is one. */
  public Address currentAddress() {
    return addresses.stream().filter(Address::isCurrent).findFirst().orElse(null);
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
