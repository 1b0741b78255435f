package org.bridgeway.outcomes.statistics;

/**
 * A ratio of two rates, {@code rate(group) / rate(reference)}: the disparity ratio of equity
 * measures (1 means parity).
 *
 * @param ratio the estimated ratio; {@code NaN} when it cannot be estimated
 * @param interval Katz's log interval
 */
public record RateRatio(double ratio, Interval interval) {

  /** The continuity correction added to each cell of the 2x2 table when a success count is 0. */
  public static final double ZERO_CELL_CORRECTION = 0.5;

  /**
   * The ratio of {@code group}'s rate to {@code reference}'s with Katz's log interval (D. Katz et
   * al., "Obtaining confidence intervals for the risk ratio in cohort studies", Biometrics 1978).
   * With {@code a} successes of {@code n1} in the group and {@code c} of {@code n2} in the
   * reference:
   *
   * <pre>
   *   RR        = (a / n1) / (c / n2)
   *   SE(ln RR) = sqrt(1/a - 1/n1 + 1/c - 1/n2)
   *   interval  = RR * exp(-+ z SE)
   * </pre>
   *
   * <p>Zero cells: when exactly one of {@code a} and {@code c} is 0, the ratio is 0 or infinite and
   * its log has no standard error, so the Haldane-Anscombe correction is applied to both groups:
   * {@value #ZERO_CELL_CORRECTION} is added to each cell of the 2x2 table (successes + 0.5, trials
   * + 1) for both the ratio and its interval. The ratio then stays finite and its interval is wide,
   * which is what so little information deserves. When both are 0 (no one in either group had the
   * outcome), or either group has no trials, there is no ratio to speak of: both ratio and interval
   * are {@code NaN}.
   */
  public static RateRatio of(Proportion group, Proportion reference, double confidence) {
    double z = Confidence.twoSidedZ(confidence);
    if (group.trials() == 0
        || reference.trials() == 0
        || (group.successes() == 0 && reference.successes() == 0)) {
      return new RateRatio(Double.NaN, Interval.UNDEFINED);
    }
    double a = group.successes();
    double n1 = group.trials();
    double c = reference.successes();
    double n2 = reference.trials();
    if (a == 0 || c == 0) {
      a += ZERO_CELL_CORRECTION;
      c += ZERO_CELL_CORRECTION;
      n1 += 2 * ZERO_CELL_CORRECTION;
      n2 += 2 * ZERO_CELL_CORRECTION;
    }
    double ratio = (a / n1) / (c / n2);
    double se = Math.sqrt(1 / a - 1 / n1 + 1 / c - 1 / n2);
    return new RateRatio(ratio, new Interval(ratio * Math.exp(-z * se), ratio * Math.exp(z * se)));
  }
}
