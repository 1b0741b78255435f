package org.bridgeway.referrals.web;

/** The authorization rules of the referrals API; which referrals is decided by the service. */
final class ReferralRoles {

  /** The referrer's side: the supervising agency's staff and administrators. */
  static final String REFERRERS =
      "hasAnyRole('OFFICER','SUPERVISOR','ORGANIZATION_ADMIN','NETWORK_ADMIN')";

  /** The provider's side: provider staff and administrators. */
  static final String PROVIDERS =
      "hasAnyRole('PROVIDER_STAFF','ORGANIZATION_ADMIN','NETWORK_ADMIN')";

  /** Who sets the organization's response deadline. */
  static final String ADMINISTRATORS = "hasAnyRole('ORGANIZATION_ADMIN','NETWORK_ADMIN')";

  private ReferralRoles() {}
}
