package org.bridgeway.outcomes.statistics;

/**
 * A confidence interval {@code [low, high]}. Both ends are {@code NaN} when the data cannot support
 * an interval (for example a proportion of zero trials).
 */
public record Interval(double low, double high) {

  /** An interval that cannot be estimated: both ends {@code NaN}. */
  public static final Interval UNDEFINED = new Interval(Double.NaN, Double.NaN);

  public Interval {
    if (Double.isNaN(low) != Double.isNaN(high)) {
      throw new IllegalArgumentException(
          "an interval has both ends or neither: " + low + ", " + high);
    }
    if (low > high) {
      throw new IllegalArgumentException("interval low " + low + " is above high " + high);
    }
  }

  /** Whether the interval could be estimated (its ends are numbers). */
  public boolean isDefined() {
    return !Double.isNaN(low);
  }

  /** Whether {@code value} lies in the closed interval. */
  public boolean contains(double value) {
    return value >= low && value <= high;
  }

  public double width() {
    return high - low;
  }

  Interval clippedTo(double min, double max) {
    if (!isDefined()) {
      return this;
    }
    return new Interval(Math.min(Math.max(low, min), max), Math.max(Math.min(high, max), min));
  }
}
