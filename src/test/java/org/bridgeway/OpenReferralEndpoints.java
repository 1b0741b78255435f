package org.bridgeway;

/** The authorization matrix rows of the public Open Referral HSDS API under /hsds. */
final class OpenReferralEndpoints {

  private OpenReferralEndpoints() {}

  static void register() {}
}
