package org.bridgeway.outcomes.statistics;

/**
 * One person's follow-up: the time to the event, or to the end of follow-up.
 *
 * @param time time from the start event (in the caller's unit, e.g. days), finite and {@code >= 0}
 * @param event {@code true} if the event (e.g. rearrest) happened at {@code time}; {@code false} if
 *     the person was censored then (followed that long without the event)
 */
public record SurvivalObservation(double time, boolean event) {

  public SurvivalObservation {
    if (!(time >= 0) || Double.isInfinite(time)) {
      throw new IllegalArgumentException(
          "a survival time must be a finite number >= 0; was " + time);
    }
  }

  public static SurvivalObservation event(double time) {
    return new SurvivalObservation(time, true);
  }

  public static SurvivalObservation censored(double time) {
    return new SurvivalObservation(time, false);
  }
}
