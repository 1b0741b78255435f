package org.bridgeway.supervision.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.supervision.PersonId;
import org.junit.jupiter.api.Test;

class PersonDetailsTest {

  static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

  static PersonDetails details(
      LocalDate birth,
      List<Identification> identifiers,
      List<Address> addresses,
      ContactPreferences contact) {
    return new PersonDetails(
        new PersonName("Ana", null, "Reyes"),
        List.of(),
        birth,
        identifiers,
        null,
        Set.of(Race.ASIAN, Race.WHITE),
        null,
        "es",
        true,
        addresses,
        contact,
        null);
  }

  static Address address(LocalDate from, LocalDate to) {
    return new Address("1 Main St", null, "Riverside", "CA", "92501", from, to);
  }

  static final ContactPreferences NO_CONTACT =
      new ContactPreferences(null, null, ContactMethod.NONE, null);

  @Test
  void birthInTheFutureIsNamed() {
    assertThat(fields(details(TODAY.plusDays(1), List.of(), List.of(), NO_CONTACT)))
        .containsExactly("dateOfBirth");
  }

  @Test
  void identifierGivenTwiceIsNamedWhateverItsSpelling() {
    List<Identification> twice =
        List.of(
            new Identification(IdentifierKind.STATE_ID, "CA-12345"),
            new Identification(IdentifierKind.STATE_ID, "ca 12345"));
    assertThat(fields(details(TODAY.minusYears(30), twice, List.of(), NO_CONTACT)))
        .containsExactly("identifiers[1].value");
  }

  @Test
  void addressesEndAfterTheyStartAndOnlyOneIsCurrent() {
    List<Address> addresses =
        List.of(
            address(TODAY.minusYears(2), TODAY.minusYears(3)),
            address(TODAY.minusYears(1), null),
            address(TODAY.minusMonths(1), null));
    assertThat(fields(details(TODAY.minusYears(30), List.of(), addresses, NO_CONTACT)))
        .containsExactly("addresses[0].validTo", "addresses[2].validTo");
  }

  @Test
  void textingNeedsAPhone() {
    ContactPreferences text = new ContactPreferences(null, null, ContactMethod.TEXT, null);
    assertThat(fields(details(TODAY.minusYears(30), List.of(), List.of(), text)))
        .containsExactly("contact.phone");
  }

  @Test
  void aPersonKeepsDetailsAsEnteredAndRefusesBrokenOnes() {
    ContactPreferences contact =
        new ContactPreferences(
            "555-0100",
            null,
            ContactMethod.TEXT,
            new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)));
    PersonDetails entered =
        details(
            TODAY.minusYears(30),
            List.of(new Identification(IdentifierKind.AGENCY_ID, "A-1")),
            List.of(address(TODAY.minusYears(1), null)),
            contact);
    Person person =
        Person.enter(
            PersonId.random(), OrganizationId.random(), entered, null, TODAY, Instant.EPOCH);
    assertThat(person.details()).isEqualTo(entered);
    assertThat(person.details().contact().quietHours().includes(LocalTime.of(23, 30))).isTrue();
    assertThat(person.details().contact().quietHours().includes(LocalTime.NOON)).isFalse();
    assertThatThrownBy(
            () ->
                person.revise(
                    details(TODAY.plusDays(3), List.of(), List.of(), NO_CONTACT),
                    TODAY,
                    Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(person.dateOfBirth()).isEqualTo(TODAY.minusYears(30));
  }

  private static List<String> fields(PersonDetails details) {
    return details.violations(TODAY).stream().map(FieldViolation::field).toList();
  }
}
