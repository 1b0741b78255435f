package org.bridgeway.outcomes.statistics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Greedy 1:1 nearest-neighbour matching on the logit of the propensity score, with a caliper. */
public final class PropensityScoreMatching {

  private PropensityScoreMatching() {}

  /**
   * Matches each treated unit to at most one control (P. R. Rosenbaum and D. B. Rubin 1985; P. C.
   * Austin, "Optimal caliper widths for propensity-score matching", Pharmaceutical Statistics
   * 2011):
   *
   * <ol>
   *   <li>The propensity score {@code e(x) = P(treated | covariates)} is fitted by {@link
   *       LogisticRegression}; units are compared on its logit, {@code ln(e / (1 - e))}, which is
   *       the model's linear predictor.
   *   <li>The caliper is {@code caliperInSdOfLogit} times the pooled standard deviation of the
   *       logit, {@code sqrt((s_T^2 + s_C^2) / 2)}; Austin recommends 0.2.
   *   <li>Treated units are taken in a fixed order, highest score first (the hardest to match
   *       first), ties by id; each takes the nearest unused control on the logit (of equally near
   *       ones the smallest id) if it lies within the caliper. Matching is without replacement, so
   *       every weight is 1.
   * </ol>
   *
   * The stratum of a unit is not used. The result is deterministic: the same units in the same
   * order give the same matches.
   *
   * @param caliperInSdOfLogit the caliper width, {@code > 0}; {@code Double.POSITIVE_INFINITY} for
   *     none
   * @throws IllegalArgumentException if ids repeat, covariate counts differ or the caliper is not
   *     positive
   */
  public static MatchResult match(List<MatchUnit> units, double caliperInSdOfLogit) {
    if (!(caliperInSdOfLogit > 0)) {
      throw new IllegalArgumentException(
          "the caliper must be a positive number of standard deviations, e.g. 0.2; was "
              + caliperInSdOfLogit);
    }
    Units.requireUniqueIds(units);
    List<MatchUnit> treated = new ArrayList<>();
    List<MatchUnit> controls = new ArrayList<>();
    for (MatchUnit unit : units) {
      (unit.treated() ? treated : controls).add(unit);
    }
    if (treated.isEmpty() || controls.isEmpty()) {
      return new MatchResult(Map.of(), 0, treated.size(), 0);
    }
    int p = units.get(0).covariateCount();
    double[][] x = new double[units.size()][];
    boolean[] y = new boolean[units.size()];
    for (int i = 0; i < units.size(); i++) {
      MatchUnit unit = units.get(i);
      if (unit.covariateCount() != p) {
        throw new IllegalArgumentException(
            "every unit needs "
                + p
                + " covariates; "
                + unit.id()
                + " has "
                + unit.covariateCount());
      }
      x[i] = unit.covariates();
      y[i] = unit.treated();
    }
    double[] coefficients = LogisticRegression.fit(x, y);
    Map<String, Double> logit = new LinkedHashMap<>();
    for (MatchUnit unit : units) {
      logit.put(unit.id(), LogisticRegression.linearPredictor(coefficients, unit.covariates()));
    }
    double pooledSd =
        Math.sqrt((sampleVariance(treated, logit) + sampleVariance(controls, logit)) / 2);
    double caliper =
        Double.isInfinite(caliperInSdOfLogit) ? caliperInSdOfLogit : caliperInSdOfLogit * pooledSd;

    // Unused controls by logit, then id; a TreeMap finds the nearest on either side in log time.
    TreeMap<Key, MatchUnit> unused = new TreeMap<>();
    for (MatchUnit control : controls) {
      unused.put(new Key(logit.get(control.id()), control.id()), control);
    }
    treated.sort(
        Comparator.<MatchUnit>comparingDouble(u -> -logit.get(u.id()))
            .thenComparing(MatchUnit::id));
    Map<String, Double> weights = new LinkedHashMap<>();
    int matched = 0;
    for (MatchUnit unit : treated) {
      double score = logit.get(unit.id());
      Key nearest = nearest(unused, score);
      if (nearest != null && Math.abs(nearest.logit() - score) <= caliper) {
        unused.remove(nearest);
        weights.put(unit.id(), 1.0);
        weights.put(nearest.id(), 1.0);
        matched++;
      }
    }
    return new MatchResult(weights, matched, treated.size() - matched, matched);
  }

  /** A control's place in the search: by logit, then id ("" sorts before every id). */
  private record Key(double logit, String id) implements Comparable<Key> {
    @Override
    public int compareTo(Key other) {
      int byLogit = Double.compare(logit, other.logit);
      return byLogit != 0 ? byLogit : id.compareTo(other.id);
    }
  }

  /**
   * The unused control nearest to {@code score}; of equally near ones, the smallest id. Below and
   * above are each taken as the smallest id at their logit.
   */
  private static Key nearest(TreeMap<Key, MatchUnit> unused, double score) {
    Key above = unused.ceilingKey(new Key(score, ""));
    Key below = unused.lowerKey(new Key(score, ""));
    if (below != null) {
      below = unused.ceilingKey(new Key(below.logit(), ""));
    }
    if (below == null) {
      return above;
    }
    if (above == null) {
      return below;
    }
    double belowDistance = score - below.logit();
    double aboveDistance = above.logit() - score;
    if (belowDistance != aboveDistance) {
      return belowDistance < aboveDistance ? below : above;
    }
    return below.id().compareTo(above.id()) <= 0 ? below : above;
  }

  private static double sampleVariance(List<MatchUnit> group, Map<String, Double> logit) {
    if (group.size() < 2) {
      return 0;
    }
    double mean = 0;
    for (MatchUnit unit : group) {
      mean += logit.get(unit.id()) / group.size();
    }
    double sum = 0;
    for (MatchUnit unit : group) {
      double d = logit.get(unit.id()) - mean;
      sum += d * d;
    }
    return sum / (group.size() - 1);
  }
}
