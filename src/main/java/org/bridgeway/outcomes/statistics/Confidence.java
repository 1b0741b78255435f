package org.bridgeway.outcomes.statistics;

/** Checks a confidence level and turns it into the two-sided normal quantile. */
final class Confidence {

  private Confidence() {}

  /**
   * The {@code z} with {@code P(-z < Z < z) = confidence} for a standard normal {@code Z}: the
   * quantile at {@code 1 - (1 - confidence) / 2} (1.959964 for 0.95).
   */
  static double twoSidedZ(double confidence) {
    check(confidence);
    return Normal.quantile(1 - (1 - confidence) / 2);
  }

  static void check(double confidence) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException(
          "confidence must be strictly between 0 and 1, e.g. 0.95; was " + confidence);
    }
  }

  static double requireFinite(double value, String what) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(what + " must be a finite number; was " + value);
    }
    return value;
  }
}
