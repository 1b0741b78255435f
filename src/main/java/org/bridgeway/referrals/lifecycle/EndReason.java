package org.bridgeway.referrals.lifecycle;

/** Why a service in progress ended before completion (always with free text besides). */
public enum EndReason {
  NON_ATTENDANCE,
  PERSON_WITHDREW,
  PROGRAM_RULES,
  MOVED_AWAY,
  IN_CUSTODY,
  TRANSFERRED,
  OTHER
}
