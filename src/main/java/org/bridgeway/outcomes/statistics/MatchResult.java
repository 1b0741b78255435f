package org.bridgeway.outcomes.statistics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of a matching.
 *
 * @param weights the weight of every matched unit by id (treated units weigh 1); unmatched units
 *     are absent. Iteration order is the order units were matched in.
 * @param treatedMatched treated units that found a match
 * @param treatedUnmatched treated units left without one (they drop out of the comparison, which
 *     changes the population the effect describes: report it)
 * @param controlsMatched comparison units that were matched
 */
public record MatchResult(
    Map<String, Double> weights, int treatedMatched, int treatedUnmatched, int controlsMatched) {

  public MatchResult {
    weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
  }

  /** The unit's weight, 0 if it was not matched. */
  public double weightOf(String id) {
    return weights.getOrDefault(id, 0.0);
  }

  public boolean isMatched(String id) {
    return weights.containsKey(id);
  }
}
