package org.bridgeway.supervision.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.junit.jupiter.api.Test;

class ContactStandardTest {

  static final LocalDate START = LocalDate.of(2026, 1, 1);

  @Test
  void theDefaultsGrowStricterWithTheLevel() {
    assertThat(ContactStandard.defaultFor(SupervisionLevel.LOW))
        .isEqualTo(new ContactStandard(SupervisionLevel.LOW, 1, 90, null));
    assertThat(ContactStandard.defaultFor(SupervisionLevel.MODERATE))
        .isEqualTo(new ContactStandard(SupervisionLevel.MODERATE, 1, 30, null));
    assertThat(ContactStandard.defaultFor(SupervisionLevel.HIGH))
        .isEqualTo(new ContactStandard(SupervisionLevel.HIGH, 2, 30, 60));
    assertThat(ContactStandard.defaultFor(SupervisionLevel.INTENSIVE).contacts()).isEqualTo(4);
  }

  @Test
  void aCaseWithoutContactsIsDueOnePeriodAfterItStarted() {
    ContactStandard moderate = ContactStandard.defaultFor(SupervisionLevel.MODERATE);
    ContactStandard.Due due = moderate.nextDue(START, List.of(), null);
    assertThat(due.date()).isEqualTo(START.plusDays(30));
    assertThat(due.inTheCommunity()).isFalse();
    assertThat(due.overdueOn(START.plusDays(30))).isFalse();
    assertThat(due.overdueOn(START.plusDays(31))).isTrue();
  }

  @Test
  void oneContactAPeriodIsDueAPeriodAfterTheLastCompletedContact() {
    ContactStandard low = ContactStandard.defaultFor(SupervisionLevel.LOW);
    LocalDate last = LocalDate.of(2026, 3, 10);
    assertThat(low.nextDue(START, List.of(last, LocalDate.of(2026, 2, 1)), null).date())
        .isEqualTo(last.plusDays(90));
  }

  @Test
  void severalContactsAPeriodCountFromTheOldestOfTheLastWindow() {
    ContactStandard twoAMonth = new ContactStandard(SupervisionLevel.HIGH, 2, 30, null);
    List<LocalDate> newestFirst =
        List.of(LocalDate.of(2026, 3, 20), LocalDate.of(2026, 3, 5), LocalDate.of(2026, 2, 1));
    // Every 30-day window must hold two contacts: the next is due 30 days after the second latest.
    assertThat(twoAMonth.nextDue(START, newestFirst, null).date())
        .isEqualTo(LocalDate.of(2026, 4, 4));
    // With only one contact so far, the window counts from the start.
    assertThat(twoAMonth.nextDue(START, List.of(LocalDate.of(2026, 1, 20)), null).date())
        .isEqualTo(START.plusDays(30));
  }

  @Test
  void aHomeOrFieldRequirementDueEarlierDecides() {
    ContactStandard high = ContactStandard.defaultFor(SupervisionLevel.HIGH);
    List<LocalDate> office = List.of(LocalDate.of(2026, 5, 20), LocalDate.of(2026, 5, 10));
    ContactStandard.Due due = high.nextDue(START, office, LocalDate.of(2026, 3, 1));
    assertThat(due.date()).isEqualTo(LocalDate.of(2026, 4, 30));
    assertThat(due.inTheCommunity()).isTrue();
    ContactStandard.Due recentHome = high.nextDue(START, office, LocalDate.of(2026, 5, 10));
    assertThat(recentHome.date()).isEqualTo(LocalDate.of(2026, 6, 9));
    assertThat(recentHome.inTheCommunity()).isFalse();
  }

  @Test
  void aStandardOutOfBoundsIsRefused() {
    assertThatThrownBy(() -> new ContactStandard(SupervisionLevel.LOW, 0, 30, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ContactStandard(SupervisionLevel.LOW, 1, 400, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ContactStandard(SupervisionLevel.LOW, 1, 30, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
