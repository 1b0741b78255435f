package org.bridgeway.outcomes.statistics;

/**
 * A count of successes out of trials (people with the outcome out of people followed).
 *
 * @param successes how many had the outcome, {@code 0 <= successes <= trials}
 * @param trials how many were counted
 */
public record Proportion(long successes, long trials) {

  public Proportion {
    if (successes < 0 || trials < 0) {
      throw new IllegalArgumentException(
          "counts cannot be negative: " + successes + " of " + trials);
    }
    if (successes > trials) {
      throw new IllegalArgumentException("successes " + successes + " exceed trials " + trials);
    }
  }

  public static Proportion of(long successes, long trials) {
    return new Proportion(successes, trials);
  }

  /** {@code successes / trials}; {@code NaN} when there are no trials. */
  public double rate() {
    return trials == 0 ? Double.NaN : (double) successes / trials;
  }

  public long failures() {
    return trials - successes;
  }

  /**
   * The Wilson score interval (E. B. Wilson 1927; Newcombe 1998 method 3; Agresti and Coull 1998),
   * chosen over the Wald interval because it keeps its coverage for small counts and rates near 0
   * or 1, where the Wald interval collapses to a point. With {@code p = successes / trials}, {@code
   * n = trials} and {@code z} the two-sided normal quantile:
   *
   * <pre>
   *   centre = (p + z^2 / 2n) / (1 + z^2 / n)
   *   half   = z / (1 + z^2 / n) * sqrt(p (1 - p) / n + z^2 / 4n^2)
   * </pre>
   *
   * The interval is {@code [0, ...]} exactly at 0 successes and {@code [..., 1]} exactly when all
   * trials succeed. With no trials it is {@link Interval#UNDEFINED}.
   */
  public Interval wilson(double confidence) {
    double z = Confidence.twoSidedZ(confidence);
    if (trials == 0) {
      return Interval.UNDEFINED;
    }
    double n = trials;
    double p = successes / n;
    double z2 = z * z;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2 * n)) / denominator;
    double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    double low = successes == 0 ? 0 : Math.max(0, centre - half);
    double high = successes == trials ? 1 : Math.min(1, centre + half);
    return new Interval(low, high);
  }
}
