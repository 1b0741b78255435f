package org.bridgeway.outcomes.statistics;

/**
 * One matched person's outcome and matching weight.
 *
 * @param outcome whether the outcome was observed
 * @param weight the matching weight, finite and {@code >= 0}
 */
public record WeightedOutcome(boolean outcome, double weight) {

  public WeightedOutcome {
    if (!(weight >= 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("a weight must be finite and >= 0; was " + weight);
    }
  }
}
