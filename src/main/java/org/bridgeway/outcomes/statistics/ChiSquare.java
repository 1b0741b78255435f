package org.bridgeway.outcomes.statistics;

/** The chi-square distribution. */
public final class ChiSquare {

  private ChiSquare() {}

  /**
   * {@code P(X >= x)} for {@code X} chi-square with {@code df} degrees of freedom: the regularized
   * upper incomplete gamma function {@code Q(df/2, x/2)} (Abramowitz and Stegun 26.4.19).
   */
  public static double upperTail(double x, int df) {
    if (df < 1) {
      throw new IllegalArgumentException("degrees of freedom must be at least 1; was " + df);
    }
    if (Double.isNaN(x)) {
      throw new IllegalArgumentException("a chi-square statistic must be a number");
    }
    return Gamma.regularizedUpper(df / 2.0, Math.max(x, 0) / 2);
  }
}
