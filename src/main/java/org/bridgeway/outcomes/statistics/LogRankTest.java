package org.bridgeway.outcomes.statistics;

/**
 * The result of a log-rank test.
 *
 * @param chiSquare the test statistic
 * @param degreesOfFreedom the rank of its covariance matrix (groups minus one, less any group that
 *     was never at risk at an event time); 0 when there is nothing to compare
 * @param pValue {@code P(chi-square >= chiSquare)}; 1 when there is nothing to compare
 */
public record LogRankTest(double chiSquare, int degreesOfFreedom, double pValue) {}
