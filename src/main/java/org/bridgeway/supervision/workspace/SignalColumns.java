package org.bridgeway.supervision.workspace;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.supervision.CaseId;
import org.bridgeway.supervision.CaseloadSignals;
import org.bridgeway.supervision.PersonId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The open alerts other modules raised on the people of a caseload page ({@link CaseloadSignals}),
 * one call per module for the whole page; the caseload counts them with its own alerts.
 */
@Component
class SignalColumns implements CaseloadColumns {

  private final ObjectProvider<CaseloadSignals> signals;

  SignalColumns(ObjectProvider<CaseloadSignals> signals) {
    this.signals = signals;
  }

  @Override
  public Map<CaseId, CaseloadFlags> flags(
      BridgewayPrincipal principal, Collection<Line> lines, LocalDate today) {
    List<PersonId> people = lines.stream().map(Line::person).distinct().toList();
    Map<PersonId, Integer> counts = new HashMap<>();
    signals
        .orderedStream()
        .forEach(
            source ->
                source
                    .openAlerts(principal.organization(), people)
                    .forEach((person, count) -> counts.merge(person, count, Integer::sum)));
    Map<CaseId, CaseloadFlags> flags = new HashMap<>();
    for (Line line : lines) {
      Integer count = counts.get(line.person());
      if (count != null && count > 0) {
        flags.put(
            line.supervisionCase(),
            new CaseloadFlags(null, null, null, null, null, null, null, count));
      }
    }
    return flags;
  }
}
