package org.bridgeway.outcomes.statistics;

/** Covariate balance between treated and comparison groups, before and after matching. */
public final class Balance {

  private Balance() {}

  /**
   * The standardized mean difference of one covariate (P. C. Austin, "Balance diagnostics for
   * comparing the distribution of baseline covariates between treatment groups in propensity-score
   * matched samples", Statistics in Medicine 2009; Stuart, Statistical Science 2010):
   *
   * <pre>
   *   SMD = (m_T - m_C) / sqrt((s_T^2 + s_C^2) / 2)
   * </pre>
   *
   * where {@code m_T} and {@code m_C} are the weighted means (the matching weights) and {@code
   * s_T}, {@code s_C} the standard deviations of the UNWEIGHTED groups (sample variance with {@code
   * n - 1}; 0 for a single value). Keeping the denominator from before matching means the figures
   * before and after matching differ only by their means, so a smaller SMD really is better balance
   * (Stuart 2010). When both standard deviations are 0 the result is 0 if the means are equal, and
   * otherwise an infinity of the sign of the difference (the groups do not overlap at all). An
   * absolute SMD below 0.1 is the usual mark of good balance.
   *
   * @param treatedWeights weights {@code >= 0} with a positive sum, one per treated value; null for
   *     all 1
   * @param controlWeights the same for the controls
   */
  public static double standardizedMeanDifference(
      double[] treated, double[] treatedWeights, double[] control, double[] controlWeights) {
    double treatedMean = weightedMean(treated, treatedWeights, "treated");
    double controlMean = weightedMean(control, controlWeights, "control");
    double pooledSd = Math.sqrt((sampleVariance(treated) + sampleVariance(control)) / 2);
    double difference = treatedMean - controlMean;
    if (pooledSd == 0) {
      return difference == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, difference);
    }
    return difference / pooledSd;
  }

  /** The unweighted standardized mean difference. */
  public static double standardizedMeanDifference(double[] treated, double[] control) {
    return standardizedMeanDifference(treated, null, control, null);
  }

  /**
   * The ratio of the weighted variances, treated over control (Austin 2009): near 1 when the
   * spreads agree; {@code NaN} when both are 0.
   */
  public static double varianceRatio(
      double[] treated, double[] treatedWeights, double[] control, double[] controlWeights) {
    double treatedVariance = weightedVariance(treated, treatedWeights, "treated");
    double controlVariance = weightedVariance(control, controlWeights, "control");
    return treatedVariance / controlVariance;
  }

  static double weightedMean(double[] values, double[] weights, String group) {
    check(values, weights, group);
    double sum = 0;
    double weightSum = 0;
    for (int i = 0; i < values.length; i++) {
      double w = weights == null ? 1 : weights[i];
      sum += w * values[i];
      weightSum += w;
    }
    return sum / weightSum;
  }

  /** Weighted variance with the reliability-weights correction, {@code V1 / (V1^2 - V2)}. */
  private static double weightedVariance(double[] values, double[] weights, String group) {
    double mean = weightedMean(values, weights, group);
    double v1 = 0;
    double v2 = 0;
    double sum = 0;
    for (int i = 0; i < values.length; i++) {
      double w = weights == null ? 1 : weights[i];
      v1 += w;
      v2 += w * w;
      sum += w * (values[i] - mean) * (values[i] - mean);
    }
    double denominator = v1 * v1 - v2;
    return denominator > 0 ? sum * v1 / denominator : 0;
  }

  static double sampleVariance(double[] values) {
    if (values.length < 2) {
      return 0;
    }
    double mean = 0;
    for (double value : values) {
      mean += value;
    }
    mean /= values.length;
    double sum = 0;
    for (double value : values) {
      sum += (value - mean) * (value - mean);
    }
    return sum / (values.length - 1);
  }

  private static void check(double[] values, double[] weights, String group) {
    if (values == null || values.length == 0) {
      throw new IllegalArgumentException("the " + group + " group has no values");
    }
    if (weights != null && weights.length != values.length) {
      throw new IllegalArgumentException(
          "the "
              + group
              + " group has "
              + values.length
              + " values but "
              + weights.length
              + " weights");
    }
    double weightSum = 0;
    for (int i = 0; i < values.length; i++) {
      Confidence.requireFinite(values[i], "a " + group + " value");
      if (weights != null) {
        if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
          throw new IllegalArgumentException(
              "weights must be finite and >= 0; a " + group + " weight is " + weights[i]);
        }
        weightSum += weights[i];
      }
    }
    if (weights != null && weightSum <= 0) {
      throw new IllegalArgumentException("the " + group + " weights sum to 0");
    }
  }
}
