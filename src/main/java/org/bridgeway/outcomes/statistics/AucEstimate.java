package org.bridgeway.outcomes.statistics;

import java.util.Arrays;
import java.util.List;

/**
 * The area under the ROC curve of a risk score: the probability that a randomly chosen person with
 * the outcome scored higher than a randomly chosen person without it (ties counting one half).
 *
 * @param auc the estimate; {@code NaN} without both positives and negatives
 * @param standardError Hanley and McNeil's standard error
 * @param interval {@code auc -+ z SE}, clipped to [0, 1]
 * @param positives people with the outcome
 * @param negatives people without it
 */
public record AucEstimate(
    double auc, double standardError, Interval interval, long positives, long negatives) {

  /**
   * The Mann-Whitney estimate of the AUC (D. Bamber 1975), computed from mid-ranks in O(n log n):
   *
   * <pre>
   *   AUC = (R_pos - n_pos (n_pos + 1) / 2) / (n_pos n_neg)
   * </pre>
   *
   * where {@code R_pos} is the sum of the positives' mid-ranks among all scores, which counts each
   * tied positive-negative pair as one half. Its standard error is J. A. Hanley and B. J. McNeil's
   * ("The meaning and use of the area under a ROC curve", Radiology 1982):
   *
   * <pre>
   *   Q1 = A / (2 - A),  Q2 = 2 A^2 / (1 + A)
   *   SE = sqrt((A (1 - A) + (n_pos - 1)(Q1 - A^2) + (n_neg - 1)(Q2 - A^2)) / (n_pos n_neg))
   * </pre>
   *
   * and the interval is the normal one, clipped to [0, 1]. At an AUC of exactly 0 or 1 the standard
   * error is 0: the interval is then a point, and a small sample's perfect score should be read
   * with that in mind.
   */
  public static AucEstimate of(List<ScoredOutcome> data, double confidence) {
    double z = Confidence.twoSidedZ(confidence);
    ScoredOutcome[] sorted = data.toArray(ScoredOutcome[]::new);
    Arrays.sort(sorted, (a, b) -> Double.compare(a.score(), b.score()));
    long positives = 0;
    double positiveRankSum = 0;
    int i = 0;
    while (i < sorted.length) {
      int j = i;
      long tiedPositives = 0;
      while (j < sorted.length && sorted[j].score() == sorted[i].score()) {
        tiedPositives += sorted[j].outcome() ? 1 : 0;
        j++;
      }
      // Ranks i+1 .. j share the mid-rank.
      double midRank = (i + 1 + j) / 2.0;
      positiveRankSum += tiedPositives * midRank;
      positives += tiedPositives;
      i = j;
    }
    long negatives = sorted.length - positives;
    if (positives == 0 || negatives == 0) {
      return new AucEstimate(Double.NaN, Double.NaN, Interval.UNDEFINED, positives, negatives);
    }
    double p = positives;
    double n = negatives;
    double a = (positiveRankSum - p * (p + 1) / 2) / (p * n);
    double q1 = a / (2 - a);
    double q2 = 2 * a * a / (1 + a);
    double variance = (a * (1 - a) + (p - 1) * (q1 - a * a) + (n - 1) * (q2 - a * a)) / (p * n);
    double standardError = Math.sqrt(Math.max(variance, 0));
    Interval interval = new Interval(a - z * standardError, a + z * standardError).clippedTo(0, 1);
    return new AucEstimate(a, standardError, interval, positives, negatives);
  }
}
