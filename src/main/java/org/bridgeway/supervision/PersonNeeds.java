package org.bridgeway.supervision;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.bridgeway.shared.vocabulary.NeedDomain;

/**
 * A person's needs as their latest assessment found them, with their latest responsivity factors:
 * what matching and other modules read.
 *
 * @param assessment the latest assessment, or null if the person has none (then {@code needs} is
 *     empty and {@code riskLevel} null)
 * @param needs severity per domain the latest assessment covered, highest severity first
 * @param responsivity the latest record per factor
 */
public record PersonNeeds(
    PersonId person,
    AssessmentId assessment,
    LocalDate assessedOn,
    RiskLevel riskLevel,
    Map<NeedDomain, NeedSeverity> needs,
    List<Responsivity> responsivity) {

  public PersonNeeds {
    needs = needs == null ? Map.of() : java.util.Collections.unmodifiableMap(needs);
    responsivity = responsivity == null ? List.of() : List.copyOf(responsivity);
  }
}
