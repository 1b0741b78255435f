package org.bridgeway.supervision.workspace;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.supervision.CaseId;
import org.bridgeway.supervision.PersonId;

/**
 * A part of the supervision module that fills caseload columns it owns (risk and needs from
 * assessments, contacts due and violations from contacts). Called once per page with every line, so
 * each part answers with one query, never one per person.
 */
public interface CaseloadColumns {

  /** One case of a caseload page, to fill in. */
  record Line(CaseId supervisionCase, PersonId person) {}

  /**
   * What the part knows about the lines: only what it owns is set; the rest is left null.
   *
   * @param lines at most {@link Caseload#MAX_SORTED} lines
   */
  Map<CaseId, CaseloadFlags> flags(
      BridgewayPrincipal principal, Collection<Line> lines, LocalDate today);
}
