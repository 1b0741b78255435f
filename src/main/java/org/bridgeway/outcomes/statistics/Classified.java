package org.bridgeway.outcomes.statistics;

/**
 * One person as a classification saw them and as it turned out.
 *
 * @param predictedPositive whether the instrument classified them positive (e.g. "high risk")
 * @param outcome whether the outcome was observed
 */
public record Classified(boolean predictedPositive, boolean outcome) {}
