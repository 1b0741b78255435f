package org.bridgeway.outcomes.evidence;

import java.util.List;

/**
 * The few estimators the evidence pages need, with 95% confidence intervals. Written here while the
 * module's statistics library ({@code outcomes.statistics}) is built in parallel; every formula is
 * the textbook one named in its comment, so that the library can replace it without changing a
 * figure.
 */
public final class Estimates {

  /** The smallest group the pages compute a figure for; smaller ones are "too few to compare". */
  public static final int SMALLEST_GROUP = 11;

  /** z for a two-sided 95% interval. */
  static final double Z95 = 1.959963984540054;

  private Estimates() {}

  /** A point estimate with its 95% interval; the bounds are null when they cannot be computed. */
  public record Estimate(double value, Double lower, Double upper) {}

  /** Wilson score interval of a proportion (Wilson 1927): stays inside [0, 1], fine at 0 and n. */
  public static Estimate proportion(long successes, long trials) {
    if (trials <= 0) {
      throw new IllegalArgumentException("no trials");
    }
    double n = trials;
    double p = successes / n;
    double z2 = Z95 * Z95;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
    return new Estimate(p, Math.max(0, centre - half), Math.min(1, centre + half));
  }

  /**
   * The difference of two independent proportions a/n − b/m with Newcombe's hybrid score interval
   * (Newcombe 1998, method 10), built from the two Wilson intervals.
   */
  public static Estimate difference(long a, long n, long b, long m) {
    Estimate first = proportion(a, n);
    Estimate second = proportion(b, m);
    double d = first.value() - second.value();
    double lower =
        d
            - Math.sqrt(
                square(first.value() - first.lower()) + square(second.upper() - second.value()));
    double upper =
        d
            + Math.sqrt(
                square(first.upper() - first.value()) + square(second.value() - second.lower()));
    return new Estimate(d, lower, upper);
  }

  /**
   * The ratio of two proportions (a/n) / (b/m) with the Katz log interval: exp(ln RR ± z·√(1/a −
   * 1/n + 1/b − 1/m)). Without bounds when either count is zero (the log is undefined); null when
   * the reference rate is zero.
   */
  public static Estimate rateRatio(long a, long n, long b, long m) {
    if (b == 0 || n == 0 || m == 0) {
      return null;
    }
    double ratio = ((double) a / n) / ((double) b / m);
    if (a == 0) {
      return new Estimate(ratio, null, null);
    }
    double se = Math.sqrt(1.0 / a - 1.0 / n + 1.0 / b - 1.0 / m);
    double log = Math.log(ratio);
    return new Estimate(ratio, Math.exp(log - Z95 * se), Math.exp(log + Z95 * se));
  }

  /**
   * A difference of two independent estimates from their standard errors, with a normal interval:
   * for the weighted (matched) comparison, whose rates are not plain proportions.
   */
  public static Estimate normalDifference(double d, double variance) {
    double se = Math.sqrt(Math.max(0, variance));
    return new Estimate(d, d - Z95 * se, d + Z95 * se);
  }

  /** A scored person and whether the outcome happened, for the AUC. */
  public record Scored(double score, boolean outcome) {}

  /**
   * The area under the ROC curve as the Mann-Whitney probability that a person with the outcome
   * scores higher than one without (ties count one half), with the Hanley-McNeil (1982) standard
   * error: SE² = (A(1−A) + (n₁−1)(Q₁−A²) + (n₀−1)(Q₂−A²)) / (n₁n₀), Q₁ = A/(2−A), Q₂ = 2A²/(1+A).
   * Null when either group is empty. The interval is clipped to [0, 1].
   */
  public static Estimate auc(List<Scored> scored) {
    // Counting through sorted scores keeps this O(n log n) for a county's spells.
    List<Scored> sorted =
        scored.stream().sorted(java.util.Comparator.comparingDouble(Scored::score)).toList();
    long positives = sorted.stream().filter(Scored::outcome).count();
    long negatives = sorted.size() - positives;
    if (positives == 0 || negatives == 0) {
      return null;
    }
    double wins = 0;
    long negativesBelow = 0;
    int i = 0;
    while (i < sorted.size()) {
      int j = i;
      long tiedPositives = 0;
      long tiedNegatives = 0;
      while (j < sorted.size() && sorted.get(j).score() == sorted.get(i).score()) {
        if (sorted.get(j).outcome()) {
          tiedPositives++;
        } else {
          tiedNegatives++;
        }
        j++;
      }
      wins += tiedPositives * (negativesBelow + 0.5 * tiedNegatives);
      negativesBelow += tiedNegatives;
      i = j;
    }
    double a = wins / ((double) positives * negatives);
    double q1 = a / (2 - a);
    double q2 = 2 * a * a / (1 + a);
    double variance =
        (a * (1 - a) + (positives - 1) * (q1 - a * a) + (negatives - 1) * (q2 - a * a))
            / ((double) positives * negatives);
    double se = Math.sqrt(Math.max(0, variance));
    return new Estimate(a, Math.max(0, a - Z95 * se), Math.min(1, a + Z95 * se));
  }

  /**
   * Standardized mean difference of a binary covariate (share p₁ among participants, p₀ among the
   * comparison): (p₁ − p₀) / √((p₁(1−p₁) + p₀(1−p₀)) / 2); 0 when both shares are 0 or both 1,
   * null when one group has all and the other none (complete separation: no scale to measure by).
   */
  public static Double standardizedDifference(double treatedShare, double comparisonShare) {
    double pooled =
        (treatedShare * (1 - treatedShare) + comparisonShare * (1 - comparisonShare)) / 2;
    if (pooled == 0) {
      return treatedShare == comparisonShare ? 0.0 : null;
    }
    return (treatedShare - comparisonShare) / Math.sqrt(pooled);
  }

  private static double square(double x) {
    return x * x;
  }
}
