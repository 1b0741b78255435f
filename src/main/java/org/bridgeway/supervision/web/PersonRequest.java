package org.bridgeway.supervision.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.bridgeway.shared.vocabulary.Gender;
import org.bridgeway.supervision.SupervisionInputRejected;
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
 * A person's record as a client sends it, to enter (POST) or correct (PUT) it. Demographics are
 * optional and self-reported.
 *
 * @param createAnyway POST only: enter the person although likely duplicates were found
 * @param version PUT only: the version the edit is based on
 */
record PersonRequest(
    @NotNull @Valid NameBody name,
    @Size(max = 20) List<@NotNull @Valid AliasBody> aliases,
    @NotNull LocalDate dateOfBirth,
    @Size(max = 20) List<@NotNull @Valid IdentifierBody> identifiers,
    Gender gender,
    @Size(max = 7) Set<@NotNull Race> races,
    Ethnicity ethnicity,
    @Size(max = 35) @Pattern(regexp = LANGUAGE_TAG, message = "must be a language tag such as es")
        String preferredLanguage,
    Boolean interpreterNeeded,
    @Size(max = 50) List<@NotNull @Valid AddressBody> addresses,
    @NotNull @Valid ContactBody contact,
    @Valid EmergencyContactBody emergencyContact,
    Boolean createAnyway,
    @Min(0) Long version) {

  static final String LANGUAGE_TAG = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*";
  static final String PHONE = "\\+?[0-9 ()./-]{7,30}";

  record NameBody(
      @NotBlank @Size(max = 100) String given,
      @Size(max = 100) String middle,
      @NotBlank @Size(max = 100) String family) {}

  record AliasBody(
      @Size(max = 100) String given,
      @Size(max = 100) String middle,
      @NotBlank @Size(max = 100) String family) {}

  record IdentifierBody(
      @NotNull IdentifierKind kind,
      @NotBlank
          @Size(max = 60)
          @Pattern(
              regexp = "[A-Za-z0-9][A-Za-z0-9 ./-]*",
              message = "must be letters and digits, with spaces, dots, slashes or dashes")
          String value) {}

  record AddressBody(
      @NotBlank @Size(max = 200) String line1,
      @Size(max = 200) String line2,
      @NotBlank @Size(max = 100) String city,
      @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter state code")
          String state,
      @NotBlank @Pattern(regexp = "\\d{5}(-\\d{4})?", message = "must be a ZIP code")
          String postalCode,
      @NotNull LocalDate validFrom,
      LocalDate validTo) {}

  record ContactBody(
      @Size(max = 30) @Pattern(regexp = PHONE, message = "must be a phone number") String phone,
      @Size(max = 254) @Email String email,
      @NotNull ContactMethod method,
      LocalTime quietHoursStart,
      LocalTime quietHoursEnd) {}

  record EmergencyContactBody(
      @NotBlank @Size(max = 200) String name,
      @Size(max = 100) String relationship,
      @NotBlank @Size(max = 30) @Pattern(regexp = PHONE, message = "must be a phone number")
          String phone) {}

  PersonDetails toDetails() {
    if ((contact.quietHoursStart() == null) != (contact.quietHoursEnd() == null)) {
      throw SupervisionInputRejected.of(
          contact.quietHoursStart() == null ? "contact.quietHoursStart" : "contact.quietHoursEnd",
          "Required",
          "quiet hours need both a start and an end");
    }
    return new PersonDetails(
        new PersonName(name.given(), name.middle(), name.family()),
        aliases == null
            ? List.of()
            : aliases.stream().map(a -> new PersonName(a.given(), a.middle(), a.family())).toList(),
        dateOfBirth,
        identifiers == null
            ? List.of()
            : identifiers.stream().map(i -> new Identification(i.kind(), i.value())).toList(),
        gender,
        races,
        ethnicity,
        preferredLanguage,
        Boolean.TRUE.equals(interpreterNeeded),
        addresses == null
            ? List.of()
            : addresses.stream()
                .map(
                    a ->
                        new Address(
                            a.line1(),
                            a.line2(),
                            a.city(),
                            a.state(),
                            a.postalCode(),
                            a.validFrom(),
                            a.validTo()))
                .toList(),
        new ContactPreferences(
            contact.phone(),
            contact.email(),
            contact.method(),
            contact.quietHoursStart() == null
                ? null
                : new QuietHours(contact.quietHoursStart(), contact.quietHoursEnd())),
        emergencyContact == null
            ? null
            : new EmergencyContact(
                emergencyContact.name(),
                emergencyContact.relationship(),
                emergencyContact.phone()));
  }
}
