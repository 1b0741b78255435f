package org.bridgeway.referrals.lifecycle;

/** Why the referrer withdrew a referral (always with free text besides). */
public enum WithdrawReason {
  NO_LONGER_NEEDED,
  SUPERVISION_ENDED,
  PERSON_DECLINED,
  REFERRED_ELSEWHERE,
  ENTERED_IN_ERROR,
  OTHER
}
