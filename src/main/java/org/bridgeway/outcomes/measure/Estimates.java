package org.bridgeway.outcomes.measure;

import java.util.ArrayList;
import java.util.List;
import org.bridgeway.outcomes.statistics.Interval;
import org.bridgeway.outcomes.statistics.KaplanMeier;
import org.bridgeway.outcomes.statistics.LogRankTest;
import org.bridgeway.outcomes.statistics.Proportion;
import org.bridgeway.outcomes.statistics.SurvivalObservation;
import org.bridgeway.outcomes.statistics.SurvivalStep;

/**
 * The estimates the measures report, in the shapes the dashboards show, computed by the statistics
 * library (ADR 0026): Wilson intervals for proportions, Kaplan-Meier survival with Greenwood
 * variance and log(-log) intervals, and the log-rank test, all at 95%.
 */
public final class Estimates {

  private static final double CONFIDENCE = 0.95;

  private Estimates() {}

  /** A proportion with its 95% Wilson score interval; all null when there is no one to count. */
  public record Rate(long count, long of, Double value, Double low, Double high) {}

  public static Rate wilson(long count, long of) {
    if (of == 0) {
      return new Rate(count, of, null, null, null);
    }
    Proportion proportion = Proportion.of(count, of);
    Interval interval = proportion.wilson(CONFIDENCE);
    return new Rate(count, of, proportion.rate(), interval.low(), interval.high());
  }

  /** One step of a survival curve: the survival just after the day, with its 95% interval. */
  public record Step(int day, int atRisk, int events, double survival, double low, double high) {}

  /**
   * The Kaplan-Meier estimate, one step per day with an event. Each subject has a time in days and
   * whether the event happened then (otherwise it was censored then). Where the interval is not
   * defined (survival 0 or 1) it is the survival itself.
   */
  public static List<Step> kaplanMeier(int[] days, boolean[] events) {
    List<Step> steps = new ArrayList<>();
    for (SurvivalStep step : KaplanMeier.estimate(observations(days, events), CONFIDENCE).steps()) {
      if (step.events() == 0) {
        continue;
      }
      Interval interval = step.interval();
      boolean defined = interval.isDefined();
      steps.add(
          new Step(
              (int) step.time(),
              (int) step.atRisk(),
              (int) step.events(),
              step.survival(),
              defined ? interval.low() : step.survival(),
              defined ? interval.high() : step.survival()));
    }
    return steps;
  }

  /**
   * The log-rank test of equal survival across groups: its chi-square statistic and p-value, with
   * groups minus one degrees of freedom; null when fewer than two groups have anyone.
   */
  public record LogRank(double chiSquare, int degreesOfFreedom, double p) {}

  public static LogRank logRank(List<int[]> groupDays, List<boolean[]> groupEvents) {
    List<List<SurvivalObservation>> groups = new ArrayList<>();
    int present = 0;
    for (int g = 0; g < groupDays.size(); g++) {
      groups.add(observations(groupDays.get(g), groupEvents.get(g)));
      present += groupDays.get(g).length > 0 ? 1 : 0;
    }
    if (present < 2) {
      return null;
    }
    LogRankTest test = org.bridgeway.outcomes.statistics.LogRank.compare(groups);
    if (test.degreesOfFreedom() < 1 || Double.isNaN(test.chiSquare())) {
      return null;
    }
    return new LogRank(test.chiSquare(), test.degreesOfFreedom(), test.pValue());
  }

  private static List<SurvivalObservation> observations(int[] days, boolean[] events) {
    List<SurvivalObservation> observations = new ArrayList<>(days.length);
    for (int i = 0; i < days.length; i++) {
      observations.add(
          events[i] ? SurvivalObservation.event(days[i]) : SurvivalObservation.censored(days[i]));
    }
    return observations;
  }
}
