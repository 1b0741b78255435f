package org.bridgeway.outcomes.statistics;

/**
 * The difference of two independent proportions, {@code a - b}, with its confidence interval.
 *
 * @param difference {@code rate(a) - rate(b)}; {@code NaN} when either has no trials
 * @param interval Newcombe's hybrid score interval
 */
public record ProportionDifference(double difference, Interval interval) {

  /**
   * {@code a - b} with Newcombe's hybrid score interval (R. G. Newcombe, "Interval estimation for
   * the difference between independent proportions", Statistics in Medicine 1998, method 10). With
   * {@code [l1, u1]} and {@code [l2, u2]} the Wilson intervals of {@code p1} and {@code p2}:
   *
   * <pre>
   *   low  = (p1 - p2) - sqrt((p1 - l1)^2 + (u2 - p2)^2)
   *   high = (p1 - p2) + sqrt((u1 - p1)^2 + (p2 - l2)^2)
   * </pre>
   *
   * It inherits the Wilson interval's good coverage for small counts and rates near 0 or 1 and
   * never leaves {@code [-1, 1]}. Newcombe's example 56/70 against 48/80 gives 0.2000 (0.0524 to
   * 0.3339).
   */
  public static ProportionDifference of(Proportion a, Proportion b, double confidence) {
    Confidence.check(confidence);
    if (a.trials() == 0 || b.trials() == 0) {
      return new ProportionDifference(Double.NaN, Interval.UNDEFINED);
    }
    double p1 = a.rate();
    double p2 = b.rate();
    Interval w1 = a.wilson(confidence);
    Interval w2 = b.wilson(confidence);
    double d = p1 - p2;
    double low = d - Math.hypot(p1 - w1.low(), w2.high() - p2);
    double high = d + Math.hypot(w1.high() - p1, p2 - w2.low());
    return new ProportionDifference(d, new Interval(low, high).clippedTo(-1, 1));
  }
}
