package org.bridgeway.matching;

/** One part of a recommendation's score; see ADR 0016 for how each is valued. */
public enum Factor {
  /** How well the service addresses the person's needs, highest severity first. */
  NEED_FIT,
  /** How far the person must travel, weighing more with a transportation barrier. */
  DISTANCE,
  /** Open slots now, else the waitlist; stale or unreported capacity counts as unknown. */
  CAPACITY,
  /** The person's language and accessibility needs. */
  LANGUAGE_ACCESS,
  /** Free, sliding scale, insurance or fixed fee. */
  COST,
  /** The program's completion rate; neutral until outcomes are recorded. */
  COMPLETION;

  public String messageKey() {
    return "matching.factor." + name();
  }
}
