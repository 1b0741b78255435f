package org.bridgeway.supervision.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.UserId;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.shared.vocabulary.SupervisionType;
import org.bridgeway.supervision.CaseId;
import org.bridgeway.supervision.ContactId;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.caseload.ClosureReason;
import org.bridgeway.supervision.caseload.SupervisionCase;
import org.bridgeway.supervision.office.OfficeId;
import org.junit.jupiter.api.Test;

class ContactTest {

  static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
  final UserId officer = UserId.random();

  static SupervisionCase openCase(UserId officer) {
    return SupervisionCase.open(
        CaseId.random(),
        OrganizationId.random(),
        PersonId.random(),
        new SupervisionCase.Terms(
            SupervisionType.PROBATION,
            "Superior Court",
            "CR-1",
            LocalDate.of(2026, 1, 1),
            LocalDate.of(2028, 1, 1),
            SupervisionLevel.HIGH,
            List.of()),
        officer,
        OfficeId.random(),
        "user:test",
        NOW);
  }

  Contact scheduled() {
    return Contact.schedule(
        ContactId.random(),
        openCase(officer),
        ContactKind.HOME,
        NOW.plus(Duration.ofDays(2)),
        " 12 Elm St ",
        "user:test",
        NOW);
  }

  @Test
  void aScheduledContactIsRecordedOnceWithItsOutcome() {
    Contact contact = scheduled();
    assertThat(contact.isRecorded()).isFalse();
    assertThat(contact.location()).isEqualTo("12 Elm St");
    contact.record(
        NOW.minus(Duration.ofHours(1)),
        ContactOutcome.COMPLETED,
        "Seen at home",
        officer,
        "u",
        NOW);
    assertThat(contact.completed()).isTrue();
    assertThat(contact.officerId()).isEqualTo(officer);
    assertThatThrownBy(() -> contact.record(NOW, ContactOutcome.NO_SHOW, null, officer, "u", NOW))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aContactCannotBeRecordedAsHappeningInTheFuture() {
    Contact contact = scheduled();
    assertThatThrownBy(
            () ->
                contact.record(
                    NOW.plusSeconds(60), ContactOutcome.COMPLETED, null, officer, "u", NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(contact.isRecorded()).isFalse();
  }

  @Test
  void onlyACompletedContactCounts() {
    Contact contact = scheduled();
    contact.record(NOW, ContactOutcome.ATTEMPTED_NOT_FOUND, null, officer, "u", NOW);
    assertThat(contact.isRecorded()).isTrue();
    assertThat(contact.completed()).isFalse();
  }

  @Test
  void aClosedCaseTakesNoNewContact() {
    SupervisionCase closed = openCase(officer);
    closed.close(ClosureReason.SUCCESSFUL_COMPLETION, LocalDate.of(2026, 5, 1));
    assertThatThrownBy(
            () ->
                Contact.schedule(
                    ContactId.random(), closed, ContactKind.OFFICE, NOW, null, "u", NOW))
        .isInstanceOf(IllegalStateException.class);
  }
}
