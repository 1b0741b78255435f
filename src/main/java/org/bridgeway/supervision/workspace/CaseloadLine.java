package org.bridgeway.supervision.workspace;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.shared.vocabulary.SupervisionType;
import org.bridgeway.supervision.CaseId;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.person.PersonName;

/**
 * One open case on a caseload page.
 *
 * @param identifier the person's first identifier, or null
 * @param conditionsOutOfCompliance conditions of the case recorded as out of compliance
 * @param endingSoon whether the case is expected to end within {@link Caseload#ENDING_SOON_DAYS}
 * @param flags what other parts know (risk, needs, contacts, violations)
 */
public record CaseloadLine(
    PersonId person,
    CaseId supervisionCase,
    PersonName name,
    String identifier,
    SupervisionType supervisionType,
    SupervisionLevel level,
    UUID officer,
    LocalDate expectedEndDate,
    boolean endingSoon,
    int conditionsOutOfCompliance,
    CaseloadFlags flags) {

  CaseloadLine with(CaseloadFlags more) {
    return new CaseloadLine(
        person,
        supervisionCase,
        name,
        identifier,
        supervisionType,
        level,
        officer,
        expectedEndDate,
        endingSoon,
        conditionsOutOfCompliance,
        flags.and(more));
  }

  /**
   * Open alerts: conditions out of compliance, violations without a response and the alerts other
   * modules raised (treatment alerts not yet acknowledged).
   */
  public int alerts() {
    return conditionsOutOfCompliance
        + (flags.openViolations() == null ? 0 : flags.openViolations())
        + signalledAlerts();
  }

  /** The open alerts other modules raised on the person (care's treatment alerts). */
  public int signalledAlerts() {
    return flags.signalledAlerts() == null ? 0 : flags.signalledAlerts();
  }

  /** Whether something is overdue: the next contact or a reassessment. */
  public boolean overdue() {
    return contactOverdue() || reassessmentOverdue();
  }

  public boolean contactOverdue() {
    return Boolean.TRUE.equals(flags.contactOverdue());
  }

  public boolean reassessmentOverdue() {
    return Boolean.TRUE.equals(flags.reassessmentOverdue());
  }

  public List<String> topNeeds() {
    return flags.topNeeds() == null ? List.of() : flags.topNeeds();
  }
}
