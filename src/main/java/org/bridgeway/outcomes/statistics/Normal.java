package org.bridgeway.outcomes.statistics;

/** The standard normal distribution. */
public final class Normal {

  private Normal() {}

  /**
   * The standard normal distribution function {@code Phi(z)}. Computed through the regularized
   * incomplete gamma function, {@code Phi(z) = Q(1/2, z^2/2) / 2} for {@code z < 0} (Abramowitz and
   * Stegun 26.2.30 with 6.5.17), which keeps full relative precision far into both tails.
   */
  public static double cdf(double z) {
    if (Double.isNaN(z)) {
      return Double.NaN;
    }
    if (z == Double.NEGATIVE_INFINITY) {
      return 0;
    }
    if (z == Double.POSITIVE_INFINITY) {
      return 1;
    }
    double half = 0.5 * Gamma.regularizedUpper(0.5, z * z / 2);
    return z < 0 ? half : 1 - half;
  }

  /**
   * The upper tail {@code 1 - Phi(z)}, without the cancellation of computing it from {@link #cdf}.
   */
  public static double upperTail(double z) {
    return cdf(-z);
  }

  /**
   * The quantile function {@code Phi^-1(p)}: P. J. Acklam's rational approximation (relative error
   * below 1.15e-9) refined by one step of Halley's method against {@link #cdf}, which brings it to
   * about machine precision. {@code p} must lie in {@code [0, 1]}; 0 and 1 give the infinities.
   */
  public static double quantile(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("a probability must lie in [0, 1]; was " + p);
    }
    if (p == 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (p == 1) {
      return Double.POSITIVE_INFINITY;
    }
    double x;
    if (p < P_LOW) {
      double q = Math.sqrt(-2 * Math.log(p));
      x =
          (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
              / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
    } else if (p <= 1 - P_LOW) {
      double q = p - 0.5;
      double r = q * q;
      x =
          (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5])
              * q
              / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
    } else {
      double q = Math.sqrt(-2 * Math.log1p(-p));
      x =
          -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
              / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
    }
    // Halley's step: e is the error of the approximation in probability, u the step in z.
    double e = x < 0 ? cdf(x) - p : (1 - p) - upperTail(x);
    double u = e * Math.sqrt(2 * Math.PI) * Math.exp(x * x / 2);
    return x - u / (1 + x * u / 2);
  }

  /** Standard normal density. */
  public static double density(double z) {
    return Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
  }

  private static final double P_LOW = 0.02425;
  private static final double[] A = {
    -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
    1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00
  };
  private static final double[] B = {
    -5.447609879822406e+01,
    1.615858368580409e+02,
    -1.556989798598866e+02,
    6.680131188771972e+01,
    -1.328068155288572e+01
  };
  private static final double[] C = {
    -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
    -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00
  };
  private static final double[] D = {
    7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00
  };
}
