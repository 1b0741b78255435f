package org.bridgeway.outcomes.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Logistic regression, coarsened exact and propensity-score matching, balance and weighted
 * differences. Independent figures: an unpenalized Newton-Raphson fit written in numpy, scipy's
 * norm.ppf, and the formulas written out in python3
 * (src/test/resources/org/bridgeway/outcomes/statistics/reference.py).
 */
class MatchingTest {

  @Test
  void logisticRegressionReproducesTheHoursAndPassExample() {
    // The textbook example of Wikipedia's "Logistic regression" article: 20 students' hours of
    // study and whether they passed; published intercept -4.1 and slope 1.5; numpy's unpenalized
    // Newton-Raphson gives -4.077713431088 and 1.504645428373.
    double[] hours = {
      0.50, 0.75, 1.00, 1.25, 1.50, 1.75, 1.75, 2.00, 2.25, 2.50, 2.75, 3.00, 3.25, 3.50, 4.00,
      4.25, 4.50, 4.75, 5.00, 5.50
    };
    int[] passed = {0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1};
    double[][] x = new double[hours.length][];
    boolean[] y = new boolean[hours.length];
    for (int i = 0; i < hours.length; i++) {
      x[i] = new double[] {hours[i]};
      y[i] = passed[i] == 1;
    }
    double[] coefficients = LogisticRegression.fit(x, y);
    // The ridge of 1e-6 moves the estimate by far less than the tolerance.
    assertThat(coefficients[0]).isCloseTo(-4.077713431088, within(1e-5));
    assertThat(coefficients[1]).isCloseTo(1.504645428373, within(1e-5));
    // Wikipedia: 2 hours of study give a 0.26 probability of passing.
    assertThat(LogisticRegression.predict(coefficients, new double[] {2}))
        .isCloseTo(0.2557, within(1e-3));
  }

  @Test
  void logisticRegressionWithSeveralCovariatesMatchesNumpy() {
    // 60 units simulated with numpy (seed 8): age-like, binary and standard-normal covariates.
    double[] coefficients = LogisticRegression.fit(SIMULATED_X, SIMULATED_Y);
    assertThat(coefficients)
        .containsExactly(
            new double[] {-2.749262299179, 0.043497567880, 0.671398997308, -0.818773877165},
            within(1e-5));
  }

  @Test
  void perfectSeparationStaysFiniteAndPredictsTheClasses() {
    double[][] x = {{1}, {2}, {3}, {4}};
    boolean[] y = {false, false, true, true};
    double[] coefficients = LogisticRegression.fit(x, y);
    assertThat(java.util.Arrays.stream(coefficients).allMatch(Double::isFinite)).isTrue();
    assertThat(coefficients[1]).isPositive();
    assertThat(LogisticRegression.predict(coefficients, new double[] {1})).isLessThan(0.01);
    assertThat(LogisticRegression.predict(coefficients, new double[] {4})).isGreaterThan(0.99);
    // The boundary falls between the classes, at 2.5 by symmetry.
    assertThat(LogisticRegression.predict(coefficients, new double[] {2.5}))
        .isCloseTo(0.5, within(1e-6));
    double[] allTrue = LogisticRegression.fit(x, new boolean[] {true, true, true, true});
    assertThat(LogisticRegression.predict(allTrue, new double[] {2})).isGreaterThan(0.99);
    // A constant covariate gets 0.
    double[] constant =
        LogisticRegression.fit(
            new double[][] {{7}, {7}, {7}, {7}}, new boolean[] {true, false, true, false});
    assertThat(constant[1]).isZero();
    assertThat(constant[0]).isCloseTo(0, within(1e-9));
  }

  @Test
  void logisticRegressionRejectsMismatchedInput() {
    assertThatThrownBy(() -> LogisticRegression.fit(new double[0][], new boolean[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LogisticRegression.fit(new double[][] {{1}, {1, 2}}, new boolean[2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("covariates");
    assertThatThrownBy(() -> LogisticRegression.predict(new double[] {1, 2}, new double[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void coarsenedExactMatchingWeightsControlsByTheirStratumsShare() {
    // Strata: A 2 treated + 1 control, B 1 treated + 3 controls, C 1 treated only, D 2 controls
    // only. Matched strata A and B: m_T = 3, m_C = 4.
    // Control weight in A: (2/1)(4/3) = 8/3; in B: (1/3)(4/3) = 4/9. Control weights sum to
    // 8/3 + 3(4/9) = 4 = m_C.
    List<MatchUnit> units =
        List.of(
            unit("a1", true, "A"),
            unit("a2", true, "A"),
            unit("a3", false, "A"),
            unit("b1", true, "B"),
            unit("b2", false, "B"),
            unit("b3", false, "B"),
            unit("b4", false, "B"),
            unit("c1", true, "C"),
            unit("d1", false, "D"),
            unit("d2", false, "D"));
    MatchResult result = CoarsenedExactMatching.match(units);
    assertThat(result.treatedMatched()).isEqualTo(3);
    assertThat(result.treatedUnmatched()).isEqualTo(1);
    assertThat(result.controlsMatched()).isEqualTo(4);
    assertThat(result.weights()).containsOnlyKeys("a1", "a2", "a3", "b1", "b2", "b3", "b4");
    assertThat(result.weightOf("a1")).isEqualTo(1.0);
    assertThat(result.weightOf("a3")).isCloseTo(8.0 / 3, within(1e-12));
    assertThat(result.weightOf("b2")).isCloseTo(4.0 / 9, within(1e-12));
    assertThat(result.weightOf("c1")).isZero();
    assertThat(result.isMatched("d1")).isFalse();
  }

  @Test
  void coarsenedExactMatchingWithNoControlsMatchesNothing() {
    MatchResult result =
        CoarsenedExactMatching.match(List.of(unit("a", true, "A"), unit("b", true, "B")));
    assertThat(result).isEqualTo(new MatchResult(Map.of(), 0, 2, 0));
    assertThatThrownBy(() -> CoarsenedExactMatching.match(List.of(unit("a", true, null))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stratum");
    assertThatThrownBy(
            () ->
                CoarsenedExactMatching.match(List.of(unit("a", true, "A"), unit("a", false, "A"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unique");
  }

  @Test
  void propensityMatchingIsGreedyNearestNeighbourWithinTheCaliper() {
    // One covariate, so the logit is b0 + b1 x with b1 > 0 and distances and the pooled SD of
    // the logit are b1 times those of x: the caliper is 0.2 * sqrt((9 + 11.429667) / 2) =
    // 0.2 * 3.196065 = 0.639213 in x (variances 9 and 11.429667 by numpy, ddof=1).
    // Treated from the highest score: 9 takes 8.8 (0.2), 6 takes 5.9 (0.1, nearer than 6.3),
    // 3's nearest control 2 is 1.0 away: unmatched.
    List<MatchUnit> units =
        List.of(
            unit("t9", true, 9),
            unit("t6", true, 6),
            unit("t3", true, 3),
            unit("c8.8", false, 8.8),
            unit("c6.3", false, 6.3),
            unit("c5.9", false, 5.9),
            unit("c1", false, 1),
            unit("c0.5", false, 0.5),
            unit("c2", false, 2));
    MatchResult result = PropensityScoreMatching.match(units, 0.2);
    assertThat(result.weights()).containsOnlyKeys("t9", "c8.8", "t6", "c5.9");
    assertThat(result.weights().values()).containsOnly(1.0);
    assertThat(result.treatedMatched()).isEqualTo(2);
    assertThat(result.treatedUnmatched()).isEqualTo(1);
    assertThat(result.controlsMatched()).isEqualTo(2);
    MatchResult noCaliper = PropensityScoreMatching.match(units, Double.POSITIVE_INFINITY);
    assertThat(noCaliper.weights()).containsKeys("t3", "c2");
    assertThat(noCaliper.treatedMatched()).isEqualTo(3);
  }

  @Test
  void equallyNearControlsGoToTheSmallestId() {
    // Controls "b" and "a" have the same covariate, so the same logit, and are the nearest to
    // the treated unit: the smallest id, "a", wins whatever the input order. (Distances that are
    // equal on paper, 4 and 6 around 5, are not reliably equal in floating point on the logit.)
    List<MatchUnit> units =
        List.of(
            unit("t5", true, 5),
            unit("b", false, 6),
            unit("a", false, 6),
            unit("t1", true, 1),
            unit("z", false, 0));
    MatchResult result = PropensityScoreMatching.match(units, Double.POSITIVE_INFINITY);
    assertThat(result.weights()).containsKeys("t5", "a").doesNotContainKey("b");
  }

  @Test
  void propensityMatchingWithoutControlsOrWithABadCaliper() {
    assertThat(PropensityScoreMatching.match(List.of(unit("t", true, 1)), 0.2))
        .isEqualTo(new MatchResult(Map.of(), 0, 1, 0));
    assertThatThrownBy(() -> PropensityScoreMatching.match(List.of(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("caliper");
  }

  @Test
  void standardizedMeanDifferenceUsesTheUnweightedPooledSd() {
    // Treated 1, 2, 3 (mean 2, variance 1); controls 2, 4, 6, 8 (mean 5, variance 6.666667).
    // Pooled SD = sqrt((1 + 6.666667) / 2) = 1.957890; SMD = -3 / 1.957890 = -1.532262.
    double[] treated = {1, 2, 3};
    double[] control = {2, 4, 6, 8};
    assertThat(Balance.standardizedMeanDifference(treated, control))
        .isCloseTo(-1.5322617553657474, within(1e-12));
    // Weighting the controls to 6 and 8 only moves their mean to 7, not the SD: -5 / 1.957890.
    assertThat(
            Balance.standardizedMeanDifference(treated, null, control, new double[] {0, 0, 1, 1}))
        .isCloseTo(-2.553769592276246, within(1e-12));
    assertThat(Balance.standardizedMeanDifference(new double[] {5, 5}, new double[] {5})).isZero();
    assertThat(Balance.standardizedMeanDifference(new double[] {5, 5}, new double[] {6}))
        .isEqualTo(Double.NEGATIVE_INFINITY);
    assertThatThrownBy(() -> Balance.standardizedMeanDifference(new double[0], control))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no values");
    assertThatThrownBy(
            () ->
                Balance.standardizedMeanDifference(treated, new double[] {1, -1, 1}, control, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(">= 0");
  }

  @Test
  void varianceRatioOfTreatedToControl() {
    // Unweighted: 1 / 6.666667 = 0.15. Equal weights of 2 change nothing (reliability weights).
    double[] treated = {1, 2, 3};
    double[] control = {2, 4, 6, 8};
    assertThat(Balance.varianceRatio(treated, null, control, null)).isCloseTo(0.15, within(1e-12));
    assertThat(Balance.varianceRatio(treated, new double[] {2, 2, 2}, control, null))
        .isCloseTo(0.15, within(1e-12));
  }

  @Test
  void weightedDifferenceUsesKishEffectiveSizes() {
    // Treated: 2 of 4 with weight 1: rate 0.5, n_eff 4. Controls: outcome weights 1, 2, 1 with
    // only the first positive: rate 1/4, n_eff = 16 / 6 = 2.666667.
    // SE = sqrt(0.25 / 4 + 0.1875 / 2.666667) = sqrt(0.1328125) = 0.364434;
    // 0.25 -+ 1.959964 * 0.364434 = -0.464278 to 0.964278.
    WeightedDifference difference =
        WeightedDifference.of(
            List.of(
                new WeightedOutcome(true, 1),
                new WeightedOutcome(true, 1),
                new WeightedOutcome(false, 1),
                new WeightedOutcome(false, 1)),
            List.of(
                new WeightedOutcome(true, 1),
                new WeightedOutcome(false, 2),
                new WeightedOutcome(false, 1)),
            0.95);
    assertThat(difference.treatedRate()).isEqualTo(0.5);
    assertThat(difference.controlRate()).isEqualTo(0.25);
    assertThat(difference.difference()).isEqualTo(0.25);
    assertThat(difference.interval().low()).isCloseTo(-0.4642784818, within(1e-9));
    assertThat(difference.interval().high()).isCloseTo(0.9642784818, within(1e-9));
    assertThat(difference.effectiveTreated()).isCloseTo(4, within(1e-12));
    assertThat(difference.effectiveControl()).isCloseTo(8.0 / 3, within(1e-12));
    WeightedDifference empty =
        WeightedDifference.of(List.of(), List.of(new WeightedOutcome(true, 1)), 0.95);
    assertThat(empty.difference()).isNaN();
    assertThat(empty.interval().isDefined()).isFalse();
    assertThatThrownBy(() -> new WeightedOutcome(true, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void matchedWeightsFeedTheWeightedDifference() {
    // The CEM example with outcomes: the weighted control rate is the treated strata's mix.
    List<MatchUnit> units = new ArrayList<>();
    units.add(unit("a1", true, "A"));
    units.add(unit("a2", true, "A"));
    units.add(unit("a3", false, "A"));
    units.add(unit("b1", true, "B"));
    units.add(unit("b2", false, "B"));
    units.add(unit("b3", false, "B"));
    units.add(unit("b4", false, "B"));
    MatchResult result = CoarsenedExactMatching.match(units);
    // Controls: a3 had the outcome, b2..b4 did not. Weighted rate = (8/3) / 4 = 2/3, which is the
    // stratum-A rate (1) times A's share of the treated (2/3) plus B's (0) times 1/3.
    List<WeightedOutcome> controls =
        List.of(
            new WeightedOutcome(true, result.weightOf("a3")),
            new WeightedOutcome(false, result.weightOf("b2")),
            new WeightedOutcome(false, result.weightOf("b3")),
            new WeightedOutcome(false, result.weightOf("b4")));
    List<WeightedOutcome> treated =
        List.of(
            new WeightedOutcome(true, 1),
            new WeightedOutcome(true, 1),
            new WeightedOutcome(false, 1));
    WeightedDifference difference = WeightedDifference.of(treated, controls, 0.95);
    assertThat(difference.controlRate()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(difference.difference()).isCloseTo(0, within(1e-12));
  }

  private static MatchUnit unit(String id, boolean treated, String stratum) {
    return new MatchUnit(id, treated, stratum, new double[0]);
  }

  private static MatchUnit unit(String id, boolean treated, double covariate) {
    return new MatchUnit(id, treated, null, new double[] {covariate});
  }

  private static final double[][] SIMULATED_X = {
    {22.6, 0.0, -0.22},
    {26.6, 0.0, -1.62},
    {26.4, 1.0, -0.49},
    {36.5, 0.0, 0.16},
    {16.9, 1.0, -1.25},
    {38.1, 0.0, 0.07},
    {30.4, 0.0, 0.66},
    {48.9, 0.0, -0.31},
    {49.6, 0.0, -0.62},
    {53.9, 0.0, -0.62},
    {47.7, 1.0, 0.94},
    {39.5, 0.0, -1.53},
    {48.6, 1.0, -0.3},
    {55.1, 1.0, -0.42},
    {33.5, 0.0, 0.14},
    {46.1, 0.0, -0.07},
    {39.6, 1.0, -1.11},
    {54.4, 0.0, 2.04},
    {31.6, 0.0, 0.18},
    {37.0, 1.0, -1.34},
    {43.6, 0.0, -0.89},
    {42.6, 1.0, 0.1},
    {23.6, 1.0, 0.61},
    {43.6, 1.0, -1.34},
    {38.8, 1.0, 0.71},
    {37.6, 1.0, -1.37},
    {38.4, 1.0, -0.79},
    {42.2, 0.0, 0.85},
    {21.8, 1.0, 1.7},
    {55.5, 0.0, -0.08},
    {31.4, 1.0, -0.31},
    {17.6, 0.0, 1.27},
    {39.2, 1.0, -1.07},
    {54.6, 0.0, 0.28},
    {34.8, 0.0, 0.23},
    {55.5, 0.0, 1.01},
    {55.6, 0.0, 0.3},
    {31.4, 0.0, -0.27},
    {15.3, 1.0, 0.61},
    {27.6, 1.0, -1.13},
    {51.9, 1.0, 0.81},
    {31.8, 1.0, -0.67},
    {24.9, 1.0, -0.91},
    {26.6, 0.0, -0.37},
    {40.0, 1.0, 0.05},
    {39.7, 0.0, 0.71},
    {48.7, 0.0, -0.21},
    {49.9, 1.0, 0.74},
    {30.7, 0.0, 0.98},
    {38.4, 1.0, -0.11},
    {28.7, 1.0, -0.98},
    {40.7, 1.0, 0.92},
    {28.5, 1.0, 0.28},
    {28.0, 0.0, -2.12},
    {61.2, 1.0, -0.99},
    {40.3, 0.0, 0.14},
    {46.4, 1.0, -1.37},
    {65.4, 0.0, -0.68},
    {47.9, 1.0, -1.71},
    {38.9, 0.0, 0.4}
  };

  private static final boolean[] SIMULATED_Y = {
    false, false, false, false, true, false, false, true, true, true, true, true, false, true,
    false, false, true, false, false, true, true, false, true, true, false, true, false, false,
    false, true, false, false, true, false, false, false, false, false, false, false, false, false,
    false, false, false, true, false, true, true, true, false, false, true, true, true, false, true,
    false, false, false
  };
}
