package org.bridgeway.care.episode;

/** Why a treatment episode ended. */
public enum EndReason {
  COMPLETED,
  LEFT_AGAINST_ADVICE,
  NON_ATTENDANCE,
  TRANSFERRED,
  OTHER;

  public String messageKey() {
    return "care.endReason." + name();
  }
}
