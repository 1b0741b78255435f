package org.bridgeway.outcomes.statistics;

import java.util.List;

/**
 * The confusion matrix of a binary classification (e.g. "high risk" against observed recidivism),
 * from which the error rates compared across groups are read.
 */
public record ClassificationRates(
    long truePositives, long falsePositives, long trueNegatives, long falseNegatives) {

  public ClassificationRates {
    if (truePositives < 0 || falsePositives < 0 || trueNegatives < 0 || falseNegatives < 0) {
      throw new IllegalArgumentException("confusion matrix counts cannot be negative");
    }
  }

  /** Counts the four outcomes. */
  public static ClassificationRates of(List<Classified> data) {
    long tp = 0;
    long fp = 0;
    long tn = 0;
    long fn = 0;
    for (Classified c : data) {
      if (c.predictedPositive()) {
        if (c.outcome()) {
          tp++;
        } else {
          fp++;
        }
      } else if (c.outcome()) {
        fn++;
      } else {
        tn++;
      }
    }
    return new ClassificationRates(tp, fp, tn, fn);
  }

  /** FP / (FP + TN): of those without the outcome, the share classified positive. */
  public Proportion falsePositiveRate() {
    return new Proportion(falsePositives, falsePositives + trueNegatives);
  }

  /** FN / (FN + TP): of those with the outcome, the share classified negative. */
  public Proportion falseNegativeRate() {
    return new Proportion(falseNegatives, falseNegatives + truePositives);
  }

  /** TP / (TP + FP): of those classified positive, the share with the outcome. */
  public Proportion positivePredictiveValue() {
    return new Proportion(truePositives, truePositives + falsePositives);
  }

  /** TN / (TN + FN): of those classified negative, the share without the outcome. */
  public Proportion negativePredictiveValue() {
    return new Proportion(trueNegatives, trueNegatives + falseNegatives);
  }

  /** TP / (TP + FN), sensitivity: of those with the outcome, the share classified positive. */
  public Proportion truePositiveRate() {
    return new Proportion(truePositives, truePositives + falseNegatives);
  }

  /** TN / (TN + FP), specificity: of those without the outcome, the share classified negative. */
  public Proportion trueNegativeRate() {
    return new Proportion(trueNegatives, trueNegatives + falsePositives);
  }

  public long total() {
    return truePositives + falsePositives + trueNegatives + falseNegatives;
  }
}
