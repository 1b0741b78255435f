package org.bridgeway.matching;

import java.util.List;
import java.util.Map;
import org.bridgeway.directory.ServiceId;
import org.bridgeway.shared.vocabulary.NeedDomain;

/**
 * One service recommended for a person.
 *
 * @param rank from 1
 * @param score from 0 to 100: the weighted mean of the factors' values
 * @param contributions how many of the score's points each factor gave; they add up to the score
 * @param need the person's need this service addresses that counted most (the focus, if any)
 * @param distanceMiles to the nearest location from the person's home; null if unknown or remote
 * @param reasons why it ranks here, strongest factor first
 */
public record Recommendation(
    ServiceId service,
    String serviceName,
    String organizationName,
    int rank,
    double score,
    Map<Factor, Double> contributions,
    NeedDomain need,
    Double distanceMiles,
    List<Reason> reasons) {

  public Recommendation {
    contributions = Map.copyOf(contributions);
    reasons = List.copyOf(reasons);
  }
}
