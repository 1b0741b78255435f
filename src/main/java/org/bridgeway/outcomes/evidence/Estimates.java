package org.bridgeway.outcomes.evidence;

import java.util.List;
import org.bridgeway.outcomes.statistics.AucEstimate;
import org.bridgeway.outcomes.statistics.Interval;
import org.bridgeway.outcomes.statistics.Proportion;
import org.bridgeway.outcomes.statistics.ProportionDifference;
import org.bridgeway.outcomes.statistics.RateRatio;
import org.bridgeway.outcomes.statistics.ScoredOutcome;

/**
 * The estimators the evidence pages use, with 95% confidence intervals, as one small facade over
 * the module's statistics library ({@code outcomes.statistics}): Wilson, Newcombe, Katz and
 * Hanley-McNeil there; the normal interval of a weighted (matched) difference and the standardized
 * difference of a binary covariate here.
 */
public final class Estimates {

  /** The smallest group the pages compute a figure for; smaller ones are "too few to compare". */
  public static final int SMALLEST_GROUP = 11;

  /** The confidence level of every interval shown. */
  static final double CONFIDENCE = 0.95;

  /** z for a two-sided 95% interval. */
  static final double Z95 = 1.959963984540054;

  private Estimates() {}

  /** A point estimate with its 95% interval; the bounds are null when they cannot be computed. */
  public record Estimate(double value, Double lower, Double upper) {}

  /** Wilson score interval of a proportion (Wilson 1927): stays inside [0, 1], fine at 0 and n. */
  public static Estimate proportion(long successes, long trials) {
    if (trials <= 0) {
      throw new IllegalArgumentException("no trials");
    }
    Proportion proportion = Proportion.of(successes, trials);
    return of(proportion.rate(), proportion.wilson(CONFIDENCE));
  }

  /**
   * The difference of two independent proportions a/n − b/m with Newcombe's hybrid score interval
   * (Newcombe 1998, method 10), built from the two Wilson intervals.
   */
  public static Estimate difference(long a, long n, long b, long m) {
    ProportionDifference d =
        ProportionDifference.of(Proportion.of(a, n), Proportion.of(b, m), CONFIDENCE);
    return of(d.difference(), d.interval());
  }

  /**
   * The ratio of two proportions (a/n) / (b/m) with the Katz log interval: exp(ln RR ± z·√(1/a −
   * 1/n + 1/b − 1/m)); with the library's Haldane-Anscombe correction when one count is zero. Null
   * when there is no ratio (no outcome in either group, or no trials).
   */
  public static Estimate rateRatio(long a, long n, long b, long m) {
    RateRatio ratio = RateRatio.of(Proportion.of(a, n), Proportion.of(b, m), CONFIDENCE);
    return Double.isNaN(ratio.ratio()) ? null : of(ratio.ratio(), ratio.interval());
  }

  /**
   * A difference of two independent estimates from their standard errors, with a normal interval:
   * for the weighted (matched) comparison, whose rates are not plain proportions.
   */
  public static Estimate normalDifference(double d, double variance) {
    double se = Math.sqrt(Math.max(0, variance));
    return new Estimate(d, d - Z95 * se, d + Z95 * se);
  }

  /** A scored person and whether the outcome happened, for the AUC. */
  public record Scored(double score, boolean outcome) {}

  /**
   * The area under the ROC curve as the Mann-Whitney probability that a person with the outcome
   * scores higher than one without (ties count one half), with the Hanley-McNeil (1982) standard
   * error: SE² = (A(1−A) + (n₁−1)(Q₁−A²) + (n₀−1)(Q₂−A²)) / (n₁n₀), Q₁ = A/(2−A), Q₂ = 2A²/(1+A).
   * Null when either group is empty. The interval is clipped to [0, 1].
   */
  public static Estimate auc(List<Scored> scored) {
    AucEstimate auc =
        AucEstimate.of(
            scored.stream().map(s -> new ScoredOutcome(s.score(), s.outcome())).toList(),
            CONFIDENCE);
    return Double.isNaN(auc.auc()) ? null : of(auc.auc(), auc.interval());
  }

  /**
   * Standardized mean difference of a binary covariate (share p₁ among participants, p₀ among the
   * comparison): (p₁ − p₀) / √((p₁(1−p₁) + p₀(1−p₀)) / 2); 0 when both shares are 0 or both 1, null
   * when one group has all and the other none (complete separation: no scale to measure by).
   */
  public static Double standardizedDifference(double treatedShare, double comparisonShare) {
    double pooled =
        (treatedShare * (1 - treatedShare) + comparisonShare * (1 - comparisonShare)) / 2;
    if (pooled == 0) {
      return treatedShare == comparisonShare ? 0.0 : null;
    }
    return (treatedShare - comparisonShare) / Math.sqrt(pooled);
  }

  private static Estimate of(double value, Interval interval) {
    return interval.isDefined()
        ? new Estimate(value, interval.low(), interval.high())
        : new Estimate(value, null, null);
  }
}
