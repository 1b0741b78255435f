package org.bridgeway.outcomes.statistics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Coarsened exact matching on a stratum key the caller has already coarsened. */
public final class CoarsenedExactMatching {

  private CoarsenedExactMatching() {}

  /**
   * Matches treated and control units that share a stratum (S. M. Iacus, G. King and G. Porro,
   * "Causal inference without balance checking: coarsened exact matching", Political Analysis
   * 2012). A stratum is matched when it holds at least one treated and one control unit; units in
   * other strata are dropped. With {@code m_T^s} and {@code m_C^s} the treated and control units of
   * matched stratum {@code s}, and {@code m_T}, {@code m_C} their sums over matched strata:
   *
   * <pre>
   *   w = 1                                  for a matched treated unit
   *   w = (m_T^s / m_C^s) * (m_C / m_T)      for a matched control unit in stratum s
   * </pre>
   *
   * so the weighted controls of each stratum stand in proportion to its treated units, and the
   * control weights sum to {@code m_C}. Weighted means of the controls then estimate the treated
   * population's counterfactual (the effect on the treated, over the matched strata).
   *
   * @throws IllegalArgumentException if a unit has no stratum or ids repeat
   */
  public static MatchResult match(List<MatchUnit> units) {
    Units.requireUniqueIds(units);
    Map<String, long[]> counts = new LinkedHashMap<>();
    for (MatchUnit unit : units) {
      if (unit.stratum() == null) {
        throw new IllegalArgumentException(
            "coarsened exact matching needs a stratum for every unit; " + unit.id() + " has none");
      }
      long[] treatedAndControl = counts.computeIfAbsent(unit.stratum(), s -> new long[2]);
      treatedAndControl[unit.treated() ? 0 : 1]++;
    }
    long matchedTreated = 0;
    long matchedControls = 0;
    long unmatchedTreated = 0;
    for (long[] count : counts.values()) {
      if (count[0] > 0 && count[1] > 0) {
        matchedTreated += count[0];
        matchedControls += count[1];
      } else {
        unmatchedTreated += count[0];
      }
    }
    Map<String, Double> weights = new LinkedHashMap<>();
    for (MatchUnit unit : units) {
      long[] count = counts.get(unit.stratum());
      if (count[0] == 0 || count[1] == 0) {
        continue;
      }
      double weight =
          unit.treated()
              ? 1.0
              : ((double) count[0] / count[1]) * ((double) matchedControls / matchedTreated);
      weights.put(unit.id(), weight);
    }
    return new MatchResult(
        weights,
        Math.toIntExact(matchedTreated),
        Math.toIntExact(unmatchedTreated),
        Math.toIntExact(matchedControls));
  }
}
