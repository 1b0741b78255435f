package org.bridgeway.outcomes.statistics;

/**
 * A risk score and what happened: one person in an instrument validation.
 *
 * @param score the instrument's score or level (higher means higher risk), finite
 * @param outcome whether the outcome (e.g. recidivism) was observed
 */
public record ScoredOutcome(double score, boolean outcome) {

  public ScoredOutcome {
    Confidence.requireFinite(score, "a score");
  }
}
