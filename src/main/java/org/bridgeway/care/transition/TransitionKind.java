package org.bridgeway.care.transition;

/**
 * The kinds of transition of care: from custody into the community, or from one provider to another
 * at a lower, higher or the same level of care.
 */
public enum TransitionKind {
  /** Release from custody into community treatment. */
  RELEASE,
  /** To a less intensive level of care (residential to outpatient, say). */
  STEP_DOWN,
  /** To a more intensive level of care. */
  STEP_UP,
  /** To another provider at the same level (a move, a closer program). */
  MOVE;

  public boolean isHandOff() {
    return this != RELEASE;
  }

  public String messageKey() {
    return "care.transition.kind." + name();
  }
}
