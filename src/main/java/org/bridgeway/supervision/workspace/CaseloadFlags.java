package org.bridgeway.supervision.workspace;

import java.time.LocalDate;
import java.util.List;

/**
 * The caseload columns other parts fill in for one case; a null means the part does not know.
 *
 * @param riskLevel the code of the latest risk level ({@code LOW}, {@code MODERATE}, {@code HIGH},
 *     {@code VERY_HIGH}), or null if not assessed
 * @param topNeeds the codes of the top need domains, highest first
 * @param nextContactDue the day the next contact is due
 * @param contactOverdue whether the next contact was due before today
 * @param openViolations violations of the last 90 days without a response
 * @param riskRank the risk level's rank for sorting (higher is riskier), or null
 * @param reassessmentOverdue whether the next assessment was due before today
 * @param signalledAlerts open alerts other modules raised on the person ({@code
 *     org.bridgeway.supervision.CaseloadSignals}: care's treatment alerts)
 */
public record CaseloadFlags(
    String riskLevel,
    List<String> topNeeds,
    LocalDate nextContactDue,
    Boolean contactOverdue,
    Integer openViolations,
    Integer riskRank,
    Boolean reassessmentOverdue,
    Integer signalledAlerts) {

  public static final CaseloadFlags NONE =
      new CaseloadFlags(null, null, null, null, null, null, null, null);

  /** The flags of supervision's own parts, which know nothing of other modules' alerts. */
  public CaseloadFlags(
      String riskLevel,
      List<String> topNeeds,
      LocalDate nextContactDue,
      Boolean contactOverdue,
      Integer openViolations,
      Integer riskRank,
      Boolean reassessmentOverdue) {
    this(
        riskLevel,
        topNeeds,
        nextContactDue,
        contactOverdue,
        openViolations,
        riskRank,
        reassessmentOverdue,
        null);
  }

  /** These flags, with what the other knows where this does not. */
  public CaseloadFlags and(CaseloadFlags other) {
    return new CaseloadFlags(
        riskLevel != null ? riskLevel : other.riskLevel,
        topNeeds != null ? topNeeds : other.topNeeds,
        nextContactDue != null ? nextContactDue : other.nextContactDue,
        contactOverdue != null ? contactOverdue : other.contactOverdue,
        openViolations != null ? openViolations : other.openViolations,
        riskRank != null ? riskRank : other.riskRank,
        reassessmentOverdue != null ? reassessmentOverdue : other.reassessmentOverdue,
        signalledAlerts != null ? signalledAlerts : other.signalledAlerts);
  }
}
