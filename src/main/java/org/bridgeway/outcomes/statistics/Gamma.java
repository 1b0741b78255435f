package org.bridgeway.outcomes.statistics;

/**
 * The log-gamma and regularized incomplete gamma functions behind the normal and chi-square tails.
 */
final class Gamma {

  private Gamma() {}

  private static final double EPSILON = 1e-16;
  private static final double TINY = 1e-300;
  private static final int MAX_TERMS = 10_000;

  /** {@code ln Gamma(x)} for {@code x > 0}: Lanczos approximation, g = 7, nine coefficients. */
  static double logGamma(double x) {
    if (x < 0.5) {
      // Reflection: Gamma(x) Gamma(1 - x) = pi / sin(pi x).
      return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
    }
    x -= 1;
    double a = LANCZOS[0];
    double t = x + 7.5;
    for (int i = 1; i < 9; i++) {
      a += LANCZOS[i] / (x + i);
    }
    return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
  }

  /**
   * The regularized upper incomplete gamma function {@code Q(a, x) = Gamma(a, x) / Gamma(a)}: the
   * series for {@code P} when {@code x < a + 1}, otherwise the continued fraction for {@code Q}
   * evaluated by the modified Lentz method (Numerical Recipes, 3rd ed., section 6.2).
   */
  static double regularizedUpper(double a, double x) {
    if (x <= 0) {
      return 1;
    }
    if (x == Double.POSITIVE_INFINITY) {
      return 0;
    }
    double logPrefactor = -x + a * Math.log(x) - logGamma(a);
    if (x < a + 1) {
      double term = 1 / a;
      double sum = term;
      for (int n = 1; n < MAX_TERMS; n++) {
        term *= x / (a + n);
        sum += term;
        if (Math.abs(term) < Math.abs(sum) * EPSILON) {
          break;
        }
      }
      return 1 - sum * Math.exp(logPrefactor);
    }
    double b = x + 1 - a;
    double c = 1 / TINY;
    double d = 1 / b;
    double h = d;
    for (int i = 1; i < MAX_TERMS; i++) {
      double an = -i * (i - a);
      b += 2;
      d = an * d + b;
      if (Math.abs(d) < TINY) {
        d = TINY;
      }
      c = b + an / c;
      if (Math.abs(c) < TINY) {
        c = TINY;
      }
      d = 1 / d;
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) < EPSILON) {
        break;
      }
    }
    return Math.exp(logPrefactor) * h;
  }

  private static final double[] LANCZOS = {
    0.99999999999980993,
    676.5203681218851,
    -1259.1392167224028,
    771.32342877765313,
    -176.61502916214059,
    12.507343278686905,
    -0.13857109526572012,
    9.9843695780195716e-6,
    1.5056327351493116e-7
  };
}
