package org.bridgeway.outcomes.statistics;

import java.util.List;

/**
 * The difference in an outcome rate between a treated and a weighted comparison group: the effect
 * estimate of a program comparison.
 *
 * @param treatedRate the weighted rate among the treated
 * @param controlRate the weighted rate among the controls
 * @param difference {@code treatedRate - controlRate}
 * @param interval its normal-approximation interval, clipped to [-1, 1]
 * @param effectiveTreated Kish's effective sample size of the treated
 * @param effectiveControl Kish's effective sample size of the controls
 */
public record WeightedDifference(
    double treatedRate,
    double controlRate,
    double difference,
    Interval interval,
    double effectiveTreated,
    double effectiveControl) {

  /**
   * Weighted rates and their difference with a normal-approximation interval whose variances use L.
   * Kish's effective sample sizes (Survey Sampling, 1965), which shrink as weights grow uneven:
   *
   * <pre>
   *   p     = sum w y / sum w
   *   n_eff = (sum w)^2 / sum w^2
   *   SE    = sqrt(p_T (1 - p_T) / n_eff,T + p_C (1 - p_C) / n_eff,C)
   *   interval = (p_T - p_C) -+ z SE
   * </pre>
   *
   * It treats the weights as fixed and the matched sets as independent, the usual first
   * approximation for matched comparisons; with rates of 0 or 1 in both groups the interval is a
   * point. A group with no units or zero total weight gives {@code NaN} rates and an undefined
   * interval.
   */
  public static WeightedDifference of(
      List<WeightedOutcome> treated, List<WeightedOutcome> control, double confidence) {
    double z = Confidence.twoSidedZ(confidence);
    double[] t = summarize(treated);
    double[] c = summarize(control);
    if (t[0] <= 0 || c[0] <= 0) {
      return new WeightedDifference(
          t[0] > 0 ? t[2] / t[0] : Double.NaN,
          c[0] > 0 ? c[2] / c[0] : Double.NaN,
          Double.NaN,
          Interval.UNDEFINED,
          t[0] > 0 ? t[0] * t[0] / t[1] : 0,
          c[0] > 0 ? c[0] * c[0] / c[1] : 0);
    }
    double treatedRate = t[2] / t[0];
    double controlRate = c[2] / c[0];
    double effectiveTreated = t[0] * t[0] / t[1];
    double effectiveControl = c[0] * c[0] / c[1];
    double se =
        Math.sqrt(
            treatedRate * (1 - treatedRate) / effectiveTreated
                + controlRate * (1 - controlRate) / effectiveControl);
    double difference = treatedRate - controlRate;
    Interval interval = new Interval(difference - z * se, difference + z * se).clippedTo(-1, 1);
    return new WeightedDifference(
        treatedRate, controlRate, difference, interval, effectiveTreated, effectiveControl);
  }

  /** {sum w, sum w^2, sum w y}. */
  private static double[] summarize(List<WeightedOutcome> outcomes) {
    double[] sums = new double[3];
    for (WeightedOutcome outcome : outcomes) {
      sums[0] += outcome.weight();
      sums[1] += outcome.weight() * outcome.weight();
      sums[2] += outcome.outcome() ? outcome.weight() : 0;
    }
    return sums;
  }
}
