package org.bridgeway.referrals.pages;

/**
 * The authorization rules of the referral pages; which referrals is decided by the service (the
 * referrer's agency and caseload, the provider it was sent to).
 */
final class ReferralPageRoles {

  /** Staff of a supervising agency who refer people, and its administrators. */
  static final String REFERRER =
      "hasAnyRole('OFFICER','SUPERVISOR','ORGANIZATION_ADMIN','NETWORK_ADMIN')";

  /** Staff of a provider who answer referrals, and its administrators. */
  static final String PROVIDER =
      "hasAnyRole('PROVIDER_STAFF','ORGANIZATION_ADMIN','NETWORK_ADMIN')";

  /** The administrators of an organization, who set its response deadline. */
  static final String ADMINISTRATOR = "hasAnyRole('ORGANIZATION_ADMIN','NETWORK_ADMIN')";

  private ReferralPageRoles() {}
}
