package org.bridgeway.supervision.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.shared.vocabulary.Gender;
import org.bridgeway.shared.vocabulary.SupervisionType;
import org.bridgeway.supervision.caseload.CaseStatus;
import org.bridgeway.supervision.caseload.SupervisionCase;
import org.bridgeway.supervision.person.Address;
import org.bridgeway.supervision.person.ContactMethod;
import org.bridgeway.supervision.person.EmergencyContact;
import org.bridgeway.supervision.person.Ethnicity;
import org.bridgeway.supervision.person.Identification;
import org.bridgeway.supervision.person.Person;
import org.bridgeway.supervision.person.PersonDetails;
import org.bridgeway.supervision.person.PersonName;
import org.bridgeway.supervision.person.Race;

/**
 * A person's record as the API answers it, with a summary of their cases. {@code mergedInto} points
 * at the surviving record when this one was merged into it (it is kept for audit and changes no
 * more), else null.
 */
record PersonView(
    UUID id,
    long version,
    UUID agency,
    PersonName name,
    List<PersonName> aliases,
    LocalDate dateOfBirth,
    List<Identification> identifiers,
    Gender gender,
    Set<Race> races,
    Ethnicity ethnicity,
    String preferredLanguage,
    boolean interpreterNeeded,
    Address currentAddress,
    List<Address> addresses,
    Contact contact,
    EmergencyContact emergencyContact,
    List<CaseSummary> cases,
    Instant createdAt,
    Instant updatedAt,
    UUID mergedInto) {

  record Contact(
      String phone,
      String email,
      ContactMethod method,
      LocalTime quietHoursStart,
      LocalTime quietHoursEnd) {}

  record CaseSummary(
      UUID id,
      SupervisionType supervisionType,
      CaseStatus status,
      LocalDate startDate,
      LocalDate expectedEndDate,
      UUID officerId) {

    static CaseSummary of(SupervisionCase c) {
      return new CaseSummary(
          c.id().value(),
          c.supervisionType(),
          c.status(),
          c.startDate(),
          c.expectedEndDate(),
          c.officerId().value());
    }
  }

  static PersonView of(Person person, List<SupervisionCase> cases) {
    PersonDetails details = person.details();
    var contact = details.contact();
    return new PersonView(
        person.id().value(),
        person.version(),
        person.organizationId().value(),
        details.name(),
        details.aliases(),
        details.dateOfBirth(),
        details.identifiers(),
        details.gender(),
        details.races(),
        details.ethnicity(),
        details.preferredLanguage(),
        details.interpreterNeeded(),
        details.currentAddress(),
        details.addresses(),
        new Contact(
            contact.phone(),
            contact.email(),
            contact.method(),
            contact.quietHours() == null ? null : contact.quietHours().start(),
            contact.quietHours() == null ? null : contact.quietHours().end()),
        details.emergencyContact(),
        cases.stream().map(CaseSummary::of).toList(),
        person.createdAt(),
        person.updatedAt(),
        person.mergedInto() == null ? null : person.mergedInto().value());
  }
}
