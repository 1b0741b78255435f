package org.bridgeway.supervision.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.UserId;
import org.bridgeway.shared.vocabulary.OffenseCategory;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.shared.vocabulary.SupervisionType;
import org.bridgeway.supervision.CaseId;
import org.bridgeway.supervision.ConditionId;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.office.OfficeId;
import org.junit.jupiter.api.Test;

class SupervisionCaseTest {

  static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
  static final LocalDate START = LocalDate.of(2026, 1, 15);
  final UserId first = UserId.random();
  final UserId second = UserId.random();
  final OfficeId downtown = OfficeId.random();
  final OfficeId desert = OfficeId.random();

  SupervisionCase openCase() {
    return SupervisionCase.open(
        CaseId.random(),
        OrganizationId.random(),
        PersonId.random(),
        new SupervisionCase.Terms(
            SupervisionType.PROBATION,
            "Superior Court",
            "CR-2026-001",
            START,
            START.plusYears(2),
            SupervisionLevel.MODERATE,
            List.of(new Offense(OffenseCategory.DUI, "Driving under the influence"))),
        first,
        downtown,
        "user:test",
        NOW);
  }

  @Test
  void anOpenedCaseIsAssignedToItsFirstOfficer() {
    SupervisionCase opened = openCase();
    assertThat(opened.isOpen()).isTrue();
    assertThat(opened.officerId()).isEqualTo(first);
    assertThat(opened.assignments()).extracting(Assignment::officerId).containsExactly(first);
    assertThat(opened.officeId()).isEqualTo(downtown);
    assertThat(opened.assignments()).extracting(Assignment::officeId).containsExactly(downtown);
  }

  @Test
  void transferToAnotherOfficeKeepsWhereTheCaseCameFrom() {
    SupervisionCase moved = openCase();
    moved.transferTo(second, desert, "  Moved to Indio  ", "user:supervisor", NOW.plusSeconds(60));
    assertThat(moved.officerId()).isEqualTo(second);
    assertThat(moved.officeId()).isEqualTo(desert);
    assertThat(moved.assignments())
        .extracting(Assignment::officeId)
        .containsExactly(downtown, desert);
    assertThat(moved.assignments().get(1).assignedBy()).isEqualTo("user:supervisor");
    assertThat(moved.assignments().get(1).reason()).isEqualTo("Moved to Indio");
  }

  @Test
  void theSameOfficerMayTakeTheCaseToAnotherOffice() {
    SupervisionCase moved = openCase();
    moved.transferTo(first, desert, null, "user:supervisor", NOW);
    assertThat(moved.officerId()).isEqualTo(first);
    assertThat(moved.officeId()).isEqualTo(desert);
    assertThat(moved.assignments()).hasSize(2);
  }

  @Test
  void closedCaseCannotMoveToAnotherOffice() {
    SupervisionCase closed = openCase();
    closed.close(ClosureReason.SUCCESSFUL_COMPLETION, START.plusMonths(4));
    assertThatThrownBy(() -> closed.transferTo(second, desert, null, "user:x", NOW))
        .isInstanceOf(IllegalStateException.class);
    assertThat(closed.officeId()).isEqualTo(downtown);
    assertThat(closed.assignments()).hasSize(1);
  }

  @Test
  void expectedEndMustBeAfterStart() {
    assertThatThrownBy(
            () ->
                new SupervisionCase.Terms(
                    SupervisionType.PAROLE,
                    "Court",
                    "D-1",
                    START,
                    START,
                    SupervisionLevel.LOW,
                    List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void transferKeepsTheHistoryOfAssignments() {
    SupervisionCase transferred = openCase();
    transferred.transferTo(
        second, downtown, "Caseload balancing", "user:supervisor", NOW.plusSeconds(60));
    assertThat(transferred.officerId()).isEqualTo(second);
    assertThat(transferred.assignments())
        .extracting(Assignment::officerId)
        .containsExactly(first, second);
    assertThat(transferred.assignments().get(1).reason()).isEqualTo("Caseload balancing");
  }

  @Test
  void caseCannotBeTransferredToItsOwnOfficer() {
    SupervisionCase opened = openCase();
    assertThatThrownBy(() -> opened.transferTo(first, downtown, null, "user:x", NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void closedCaseCannotBeTransferred() {
    SupervisionCase closed = openCase();
    closed.close(ClosureReason.SUCCESSFUL_COMPLETION, START.plusMonths(4));
    assertThatThrownBy(() -> closed.transferTo(second, downtown, null, "user:x", NOW))
        .isInstanceOf(IllegalStateException.class);
    assertThat(closed.officerId()).isEqualTo(first);
  }

  @Test
  void closedCaseCannotBeClosedAgain() {
    SupervisionCase closed = openCase();
    closed.close(ClosureReason.REVOCATION, START.plusMonths(2));
    assertThatThrownBy(() -> closed.close(ClosureReason.DEATH, START.plusMonths(3)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(closed.closureReason()).isEqualTo(ClosureReason.REVOCATION);
    assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
  }

  @Test
  void caseCannotCloseBeforeItStarted() {
    SupervisionCase opened = openCase();
    assertThatThrownBy(() -> opened.close(ClosureReason.ABSCONDING, START.minusDays(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(opened.isOpen()).isTrue();
  }

  @Test
  void closedCaseTakesNoNewConditions() {
    SupervisionCase closed = openCase();
    closed.close(ClosureReason.EARLY_DISCHARGE, START.plusMonths(6));
    assertThatThrownBy(
            () ->
                Condition.set(
                    ConditionId.random(), closed, ConditionKind.CURFEW, true, "Home by 22", NOW))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void satisfiedConditionStaysSatisfied() {
    Condition condition =
        Condition.set(ConditionId.random(), openCase(), ConditionKind.FEES, false, "Pay $300", NOW);
    assertThat(condition.status()).isEqualTo(ConditionStatus.PENDING);
    condition.record(ConditionStatus.OUT_OF_COMPLIANCE, NOW);
    condition.record(ConditionStatus.SATISFIED, NOW);
    assertThatThrownBy(() -> condition.record(ConditionStatus.IN_COMPLIANCE, NOW))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void notesAreDatedAndKeptInOrderAndLimitedInLength() {
    Condition condition =
        Condition.set(
            ConditionId.random(), openCase(), ConditionKind.TREATMENT, true, "Outpatient", NOW);
    condition.note(START.plusDays(3), "Enrolled", "user:a", NOW);
    condition.note(START.plusDays(10), "Attended twice", "user:a", NOW);
    assertThat(condition.notes())
        .extracting(ConditionNote::text)
        .containsExactly("Enrolled", "Attended twice");
    assertThatThrownBy(
            () -> condition.note(START, "x".repeat(Condition.MAX_NOTE + 1), "user:a", NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(condition.notes()).hasSize(2);
  }
}
