package org.bridgeway.matching.scoring;

import java.util.List;
import java.util.Map;
import org.bridgeway.directory.ServiceCandidate;
import org.bridgeway.matching.Factor;
import org.bridgeway.matching.Reason;
import org.bridgeway.shared.vocabulary.NeedDomain;

/** What scoring made of one service for one person. */
public sealed interface Outcome {

  ServiceCandidate service();

  /** The service addresses none of the needs looked for: neither ranked nor excluded. */
  record Irrelevant(ServiceCandidate service) implements Outcome {}

  /** A rule excludes the service; every failed rule is named. */
  record Excluded(ServiceCandidate service, List<Reason> reasons) implements Outcome {
    public Excluded {
      reasons = List.copyOf(reasons);
    }
  }

  /**
   * The service is ranked.
   *
   * @param score 0 to 100
   * @param contributions points per factor, adding up to the score
   */
  record Scored(
      ServiceCandidate service,
      double score,
      Map<Factor, Double> contributions,
      NeedDomain need,
      Double distanceMiles,
      List<Reason> reasons)
      implements Outcome {
    public Scored {
      contributions = Map.copyOf(contributions);
      reasons = List.copyOf(reasons);
    }
  }
}
