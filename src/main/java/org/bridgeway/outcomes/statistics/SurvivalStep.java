package org.bridgeway.outcomes.statistics;

/**
 * One distinct observed time of a Kaplan-Meier curve.
 *
 * @param time the time
 * @param atRisk people still followed and event-free just before {@code time}
 * @param events events at {@code time}
 * @param censored people censored at {@code time} (counted at risk at {@code time})
 * @param survival the Kaplan-Meier estimate {@code S(t)} just after {@code time}
 * @param standardError Greenwood's standard error of {@code S(t)}
 * @param interval the pointwise confidence interval of {@code S(t)} (log(-log) transform)
 */
public record SurvivalStep(
    double time,
    long atRisk,
    long events,
    long censored,
    double survival,
    double standardError,
    Interval interval) {}
