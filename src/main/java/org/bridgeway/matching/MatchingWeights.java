package org.bridgeway.matching;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.bridgeway.shared.web.FieldViolation;

/**
 * How much each factor counts in an agency's recommendations, each from 0 (ignored) to 10. A score
 * is the weighted mean of the factors' values, so only the ratios between weights matter. The
 * defaults and why are in ADR 0016.
 */
public record MatchingWeights(
    int needFit, int distance, int capacity, int languageAccess, int cost, int completion) {

  public static final int MAX = 10;

  /** What an agency that has set nothing gets (ADR 0016). */
  public static final MatchingWeights DEFAULTS = new MatchingWeights(10, 5, 6, 4, 3, 2);

  /** The weight of one factor. */
  public int of(Factor factor) {
    return switch (factor) {
      case NEED_FIT -> needFit;
      case DISTANCE -> distance;
      case CAPACITY -> capacity;
      case LANGUAGE_ACCESS -> languageAccess;
      case COST -> cost;
      case COMPLETION -> completion;
    };
  }

  /** The weights by factor, in the factors' order. */
  public Map<Factor, Integer> byFactor() {
    Map<Factor, Integer> weights = new EnumMap<>(Factor.class);
    for (Factor factor : Factor.values()) {
      weights.put(factor, of(factor));
    }
    return weights;
  }

  public int total() {
    return needFit + distance + capacity + languageAccess + cost + completion;
  }

  /** The rules the weights break, each naming its field; empty when they can be used. */
  public List<FieldViolation> violations() {
    List<FieldViolation> violations = new ArrayList<>();
    for (Factor factor : Factor.values()) {
      int weight = of(factor);
      if (weight < 0 || weight > MAX) {
        violations.add(
            new FieldViolation(fieldOf(factor), "Range", "must be between 0 and " + MAX));
      }
    }
    if (violations.isEmpty() && total() == 0) {
      violations.add(
          new FieldViolation("needFit", "AllZero", "at least one weight must be above 0"));
    }
    return violations;
  }

  /** The request field of a factor's weight: {@code needFit}, {@code languageAccess}, ... */
  public static String fieldOf(Factor factor) {
    return switch (factor) {
      case NEED_FIT -> "needFit";
      case DISTANCE -> "distance";
      case CAPACITY -> "capacity";
      case LANGUAGE_ACCESS -> "languageAccess";
      case COST -> "cost";
      case COMPLETION -> "completion";
    };
  }
}
