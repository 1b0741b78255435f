package org.bridgeway.referrals.lifecycle;

/** Why a provider declined a referral (always with free text besides). */
public enum DeclineReason {
  NO_CAPACITY,
  NOT_ELIGIBLE,
  SERVICE_NOT_APPROPRIATE,
  PERSON_UNREACHABLE,
  PERSON_DECLINED,
  SAFETY_CONCERN,
  DUPLICATE,
  OTHER
}
