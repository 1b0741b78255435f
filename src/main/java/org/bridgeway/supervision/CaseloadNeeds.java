package org.bridgeway.supervision;

import java.time.LocalDate;
import java.util.List;
import org.bridgeway.shared.vocabulary.NeedDomain;

/**
 * One person's line on a caseload page: the latest risk level, the top needs and whether a
 * reassessment is overdue.
 *
 * @param riskLevel null if the person has never been assessed
 * @param topNeeds up to three domains of MODERATE or HIGH need, highest severity first
 * @param nextDueOn when the next assessment is due; null if never assessed
 * @param overdue whether the next assessment was due before the given day, or the person was never
 *     assessed
 */
public record CaseloadNeeds(
    PersonId person,
    RiskLevel riskLevel,
    List<NeedDomain> topNeeds,
    LocalDate nextDueOn,
    boolean overdue) {

  public CaseloadNeeds {
    topNeeds = List.copyOf(topNeeds);
  }
}
