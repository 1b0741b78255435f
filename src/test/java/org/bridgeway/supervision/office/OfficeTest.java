package org.bridgeway.supervision.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.shared.web.FieldViolation;
import org.junit.jupiter.api.Test;

class OfficeTest {

  static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

  static OfficeDetails indio() {
    return new OfficeDetails(
        " Indio office ", "47-940 Arabia St", "", "Indio", "ca", "92201", "760-863-8100");
  }

  @Test
  void anOpenedOfficeIsActiveWithItsDetailsCleaned() {
    Office office = Office.open(OfficeId.random(), OrganizationId.random(), indio(), NOW);
    assertThat(office.active()).isTrue();
    assertThat(office.main()).isFalse();
    assertThat(office.name()).isEqualTo("Indio office");
    assertThat(office.details().state()).isEqualTo("CA");
    assertThat(office.details().line2()).isNull();
    assertThat(office.details().address()).isEqualTo("47-940 Arabia St, Indio, CA 92201");
  }

  @Test
  void anOfficeCanBeDeactivatedAndReactivated() {
    Office office = Office.open(OfficeId.random(), OrganizationId.random(), indio(), NOW);
    office.deactivate(NOW.plusSeconds(5));
    assertThat(office.active()).isFalse();
    assertThat(office.updatedAt()).isEqualTo(NOW.plusSeconds(5));
    assertThatThrownBy(() -> office.deactivate(NOW)).isInstanceOf(IllegalStateException.class);
    office.reactivate(NOW.plusSeconds(10));
    assertThat(office.active()).isTrue();
    assertThatThrownBy(() -> office.reactivate(NOW)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theMainOfficeStaysActive() {
    Office main = Office.main(OfficeId.random(), OrganizationId.random(), "Main office", NOW);
    assertThat(main.main()).isTrue();
    assertThatThrownBy(() -> main.deactivate(NOW)).isInstanceOf(IllegalStateException.class);
    assertThat(main.active()).isTrue();
  }

  @Test
  void revisingWithBadDetailsChangesNothing() {
    Office office = Office.open(OfficeId.random(), OrganizationId.random(), indio(), NOW);
    assertThatThrownBy(
            () ->
                office.revise(
                    new OfficeDetails("", "1 Main St", null, "Indio", "CA", "92201", null), NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(office.name()).isEqualTo("Indio office");
  }

  @Test
  void anAddressIsCompleteOrAbsentAndEveryFaultIsNamed() {
    assertThat(OfficeDetails.named("Desert office").violations()).isEmpty();
    assertThat(
            new OfficeDetails("X", null, null, "Indio", "California", "9220", "call us")
                .violations())
        .extracting(FieldViolation::field)
        .containsExactlyInAnyOrder("line1", "state", "postalCode", "phone");
    assertThat(new OfficeDetails(null, null, null, null, null, null, null).violations())
        .extracting(FieldViolation::field)
        .containsExactly("name");
    assertThat(new OfficeDetails("n".repeat(121), null, null, null, null, null, null).violations())
        .extracting(FieldViolation::code)
        .containsExactly("Size");
  }
}
