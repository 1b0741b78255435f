package org.bridgeway.supervision.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.supervision.PersonId;
import org.junit.jupiter.api.Test;

class PersonMergeTest {

  static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
  static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
  static final OrganizationId AGENCY = OrganizationId.random();

  @Test
  void theMergedRecordHandsOverItsIdentifiersAndChangesNoMore() {
    Person survivor = person("William", "Hartley", "A-1", address("1 Main St", null));
    Person other = person("Bill", "Hartley", "A-2", address("9 Oak Rd", null));

    PersonDetails handedOver = other.mergeInto(survivor, "user:1", "Same SID", NOW);
    survivor.absorb(handedOver, TODAY, NOW);

    assertThat(other.isMerged()).isTrue();
    assertThat(other.mergedInto()).isEqualTo(survivor.id());
    assertThat(other.details().identifiers()).isEmpty();
    assertThat(other.name().given()).isEqualTo("Bill");
    assertThat(survivor.details().identifiers())
        .extracting(Identification::value)
        .containsExactly("A-1", "A-2");
    assertThat(survivor.details().aliases())
        .containsExactly(new PersonName("Bill", null, "Hartley"));
    assertThat(survivor.details().addresses())
        .containsExactly(address("1 Main St", null), address("9 Oak Rd", TODAY));
    assertThatThrownBy(() -> other.revise(other.details(), TODAY, NOW))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> other.mergeInto(survivor, "user:1", "Again", NOW))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aRecordMergesOnlyIntoAnotherUnmergedRecordOfItsAgencyWithAReason() {
    Person one = person("Ana", "Diaz", "A-1", null);
    Person stranger =
        Person.enter(
            PersonId.random(),
            OrganizationId.random(),
            details("Ana", "Diaz", "A-1", null),
            null,
            TODAY,
            NOW);
    assertThatThrownBy(() -> one.mergeInto(one, "user:1", "Same", NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> one.mergeInto(stranger, "user:1", "Same", NOW))
        .isInstanceOf(IllegalArgumentException.class);
    Person two = person("Ana", "Díaz", "A-2", null);
    assertThatThrownBy(() -> one.mergeInto(two, "user:1", " ", NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(one.isMerged()).isFalse();
  }

  private static Person person(String given, String family, String agencyId, Address address) {
    return Person.enter(
        PersonId.random(), AGENCY, details(given, family, agencyId, address), null, TODAY, NOW);
  }

  private static PersonDetails details(
      String given, String family, String agencyId, Address address) {
    return new PersonDetails(
        new PersonName(given, null, family),
        List.of(),
        LocalDate.of(1980, 1, 1),
        List.of(new Identification(IdentifierKind.AGENCY_ID, agencyId)),
        null,
        Set.of(),
        null,
        null,
        false,
        address == null ? List.of() : List.of(address),
        new ContactPreferences(null, null, ContactMethod.NONE, null),
        null);
  }

  private static Address address(String line1, LocalDate until) {
    return new Address(line1, null, "Riverside", "CA", "92501", LocalDate.of(2020, 1, 1), until);
  }
}
