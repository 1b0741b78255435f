/**
 * The statistics the outcome measures are made of: proportions with Wilson intervals, differences
 * and ratios of proportions, Kaplan-Meier survival with the log-rank test, AUC and error rates for
 * instrument validation, matching (coarsened exact and propensity score) with balance, weighted
 * differences, and small-cell suppression for published tables.
 *
 * <p>Plain Java with no Spring and no database, so every estimator is tested directly against
 * hand-computed or independently computed figures. Everything is immutable; invalid input (negative
 * counts, a confidence level outside (0, 1), non-finite values) throws {@link
 * IllegalArgumentException}; data that is valid but too thin to estimate from (no trials, no
 * positives) gives {@code NaN} rather than an exception, so a measure can show "not enough data".
 * The choice of estimators is recorded in ADR 0026.
 */
package org.bridgeway.outcomes.statistics;
