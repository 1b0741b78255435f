package org.bridgeway.outcomes.statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** The Kaplan-Meier product-limit estimator of a survival function. */
public final class KaplanMeier {

  private KaplanMeier() {}

  /**
   * Estimates {@code S(t)} from right-censored observations (E. L. Kaplan and P. Meier 1958;
   * Collett, Modelling Survival Data in Medical Research, chapter 2). At each distinct time {@code
   * t_j} with {@code n_j} at risk and {@code d_j} events, people censored at {@code t_j} counting
   * as at risk then:
   *
   * <pre>
   *   S(t)        = prod over t_j <= t of (1 - d_j / n_j)
   *   Var S(t)    = S(t)^2 * sum over t_j <= t of d_j / (n_j (n_j - d_j))        (Greenwood)
   *   interval    = [ S^exp(z s), S^exp(-z s) ],  s = sqrt(sum d_j / (n_j (n_j - d_j))) / |ln S|
   * </pre>
   *
   * The interval is the log(-log) transform of Kalbfleisch and Prentice, which stays inside [0, 1]
   * and behaves well in the tails where the plain Greenwood interval does not. Where {@code S = 1}
   * (no event yet) the interval is [1, 1]; where {@code S = 0} (the last person at risk had the
   * event) standard error and interval are 0 and [0, 0].
   *
   * <p>Sorting dominates: O(n log n), so 50,000 people take milliseconds.
   */
  public static SurvivalCurve estimate(List<SurvivalObservation> observations, double confidence) {
    double z = Confidence.twoSidedZ(confidence);
    SurvivalObservation[] sorted = observations.toArray(SurvivalObservation[]::new);
    Arrays.sort(sorted, Comparator.comparingDouble(SurvivalObservation::time));
    int n = sorted.length;
    List<SurvivalStep> steps = new ArrayList<>();
    long atRisk = n;
    double survival = 1;
    double greenwoodSum = 0;
    int i = 0;
    while (i < n) {
      double time = sorted[i].time();
      long events = 0;
      long censored = 0;
      while (i < n && sorted[i].time() == time) {
        if (sorted[i].event()) {
          events++;
        } else {
          censored++;
        }
        i++;
      }
      if (events > 0) {
        survival *= 1 - (double) events / atRisk;
        greenwoodSum +=
            events == atRisk
                ? Double.POSITIVE_INFINITY
                : (double) events / ((double) atRisk * (atRisk - events));
      }
      steps.add(step(time, atRisk, events, censored, survival, greenwoodSum, z));
      atRisk -= events + censored;
    }
    return new SurvivalCurve(steps);
  }

  private static SurvivalStep step(
      double time,
      long atRisk,
      long events,
      long censored,
      double survival,
      double greenwoodSum,
      double z) {
    if (survival <= 0) {
      return new SurvivalStep(time, atRisk, events, censored, 0, 0, new Interval(0, 0));
    }
    if (survival >= 1) {
      return new SurvivalStep(time, atRisk, events, censored, 1, 0, new Interval(1, 1));
    }
    double standardError = survival * Math.sqrt(greenwoodSum);
    double s = Math.sqrt(greenwoodSum) / Math.abs(Math.log(survival));
    Interval interval =
        new Interval(Math.pow(survival, Math.exp(z * s)), Math.pow(survival, Math.exp(-z * s)));
    return new SurvivalStep(
        time, atRisk, events, censored, survival, standardError, interval.clippedTo(0, 1));
  }
}
