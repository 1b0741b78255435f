package org.bridgeway.supervision.violation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.UserId;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.shared.vocabulary.SupervisionType;
import org.bridgeway.supervision.CaseId;
import org.bridgeway.supervision.ConditionId;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.ViolationId;
import org.bridgeway.supervision.caseload.Condition;
import org.bridgeway.supervision.caseload.ConditionKind;
import org.bridgeway.supervision.caseload.SupervisionCase;
import org.bridgeway.supervision.office.OfficeId;
import org.junit.jupiter.api.Test;

class ViolationTest {

  static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
  static final LocalDate DAY = LocalDate.of(2026, 5, 20);

  static SupervisionCase openCase(SupervisionLevel level) {
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
            level,
            List.of()),
        UserId.random(),
        OfficeId.random(),
        "user:test",
        NOW);
  }

  Violation violation(SupervisionCase onCase, ViolationSeverity severity) {
    return Violation.record(
        ViolationId.random(),
        onCase,
        null,
        DAY,
        ViolationKind.TECHNICAL,
        severity,
        "Missed the office visit",
        "user:test",
        NOW);
  }

  @Test
  void theDefaultRangeGrowsWithSeverityAndLevel() {
    ResponseRange lowModerate =
        ResponseRange.defaultFor(ViolationSeverity.LOW, SupervisionLevel.MODERATE);
    assertThat(lowModerate.sanctions())
        .containsExactly(Sanction.VERBAL_WARNING, Sanction.WRITTEN_WARNING);
    ResponseRange highIntensive =
        ResponseRange.defaultFor(ViolationSeverity.HIGH, SupervisionLevel.INTENSIVE);
    assertThat(highIntensive.allows(Sanction.REVOCATION_REQUEST)).isTrue();
    assertThat(highIntensive.allows(Sanction.VERBAL_WARNING)).isFalse();
    assertThat(highIntensive.allows(Sanction.OTHER)).isFalse();
  }

  @Test
  void aRangeRunsUpTheLadder() {
    assertThatThrownBy(
            () ->
                new ResponseRange(
                    ViolationSeverity.LOW,
                    SupervisionLevel.LOW,
                    Sanction.CURFEW,
                    Sanction.VERBAL_WARNING))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new ResponseRange(
                    ViolationSeverity.LOW, SupervisionLevel.LOW, Sanction.OTHER, Sanction.CURFEW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aResponseWithinTheRangeNeedsNoReasonAndClosesTheViolation() {
    SupervisionCase onCase = openCase(SupervisionLevel.MODERATE);
    Violation violation = violation(onCase, ViolationSeverity.LOW);
    assertThat(violation.open()).isTrue();
    assertThat(violation.level()).isEqualTo(SupervisionLevel.MODERATE);
    ViolationResponse response =
        violation.respond(
            Sanction.WRITTEN_WARNING,
            DAY,
            null,
            ResponseRange.defaultFor(ViolationSeverity.LOW, SupervisionLevel.MODERATE),
            "ignored within the range",
            "user:test",
            NOW);
    assertThat(response.withinRange()).isTrue();
    assertThat(response.reason()).isNull();
    assertThat(violation.open()).isFalse();
  }

  @Test
  void aSanctionOutsideTheRangeNeedsAReason() {
    Violation violation = violation(openCase(SupervisionLevel.LOW), ViolationSeverity.LOW);
    ResponseRange range = ResponseRange.defaultFor(ViolationSeverity.LOW, SupervisionLevel.LOW);
    assertThatThrownBy(
            () ->
                violation.respond(Sanction.JAIL_SANCTION, DAY, null, range, " ", "user:test", NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(violation.open()).isTrue();
    ViolationResponse response =
        violation.respond(
            Sanction.JAIL_SANCTION, DAY, null, range, "Third missed test", "user:test", NOW);
    assertThat(response.withinRange()).isFalse();
    assertThat(response.reason()).isEqualTo("Third missed test");
  }

  @Test
  void aResponseCannotComeBeforeTheViolation() {
    Violation violation = violation(openCase(SupervisionLevel.LOW), ViolationSeverity.LOW);
    assertThatThrownBy(
            () ->
                violation.respond(
                    Sanction.VERBAL_WARNING,
                    DAY.minusDays(1),
                    null,
                    ResponseRange.defaultFor(ViolationSeverity.LOW, SupervisionLevel.LOW),
                    null,
                    "user:test",
                    NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theConditionMustBeOfTheSameCase() {
    SupervisionCase onCase = openCase(SupervisionLevel.LOW);
    Condition elsewhere =
        Condition.set(
            ConditionId.random(),
            openCase(SupervisionLevel.LOW),
            ConditionKind.CURFEW,
            true,
            "Home by ten",
            NOW);
    assertThatThrownBy(
            () ->
                Violation.record(
                    ViolationId.random(),
                    onCase,
                    elsewhere,
                    DAY,
                    ViolationKind.TECHNICAL,
                    ViolationSeverity.LOW,
                    "Out after curfew",
                    "user:test",
                    NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
