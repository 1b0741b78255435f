package org.bridgeway.outcomes.statistics;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A Kaplan-Meier curve: a right-continuous step function, one step per distinct observed time in
 * increasing order ({@code S = 1} before the first).
 */
public record SurvivalCurve(List<SurvivalStep> steps) {

  public SurvivalCurve {
    steps = List.copyOf(steps);
  }

  /**
   * {@code S(time)}: the survival of the last step at or before {@code time}; 1 before the first.
   */
  public double survivalAt(double time) {
    int index = lastStepAtOrBefore(time);
    return index < 0 ? 1 : steps.get(index).survival();
  }

  /** The step in force at {@code time}, if any step lies at or before it. */
  public Optional<SurvivalStep> stepAt(double time) {
    int index = lastStepAtOrBefore(time);
    return index < 0 ? Optional.empty() : Optional.of(steps.get(index));
  }

  /**
   * The median survival time: the smallest observed time at which {@code S(t) <= 0.5} (Collett,
   * Modelling Survival Data in Medical Research, section 2.4). Empty when the curve never falls to
   * one half, for example when fewer than half had the event before follow-up ended.
   */
  public OptionalDouble medianTime() {
    for (SurvivalStep step : steps) {
      if (step.survival() <= 0.5) {
        return OptionalDouble.of(step.time());
      }
    }
    return OptionalDouble.empty();
  }

  private int lastStepAtOrBefore(double time) {
    int low = 0;
    int high = steps.size() - 1;
    int found = -1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      if (steps.get(middle).time() <= time) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found;
  }
}
