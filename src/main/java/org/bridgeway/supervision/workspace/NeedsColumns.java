package org.bridgeway.supervision.workspace;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.supervision.CaseId;
import org.bridgeway.supervision.CaseloadNeeds;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.SupervisionNeeds;
import org.springframework.stereotype.Component;

/**
 * The caseload's risk and needs columns, from the latest assessment of each person ({@link
 * SupervisionNeeds#caseload}, one query for the page). A reassessment past its due day counts as
 * overdue; a person never assessed shows "not assessed" and is not counted as overdue.
 */
@Component
class NeedsColumns implements CaseloadColumns {

  private final SupervisionNeeds needs;

  NeedsColumns(SupervisionNeeds needs) {
    this.needs = needs;
  }

  @Override
  public Map<CaseId, CaseloadFlags> flags(
      BridgewayPrincipal principal, Collection<Line> lines, LocalDate today) {
    Map<PersonId, CaseloadNeeds> found =
        needs.caseload(principal, lines.stream().map(Line::person).distinct().toList(), today);
    Map<CaseId, CaseloadFlags> flags = new HashMap<>();
    for (Line line : lines) {
      CaseloadNeeds person = found.get(line.person());
      if (person == null || person.riskLevel() == null) {
        continue;
      }
      flags.put(
          line.supervisionCase(),
          new CaseloadFlags(
              person.riskLevel().name(),
              person.topNeeds().stream().map(NeedDomain::name).toList(),
              null,
              null,
              null,
              person.riskLevel().ordinal(),
              person.nextDueOn() != null && person.overdue()));
    }
    return flags;
  }
}
