/**
 * Referrals: the closed loop between a referrer (usually a probation officer) and a service of the
 * directory. A referral is drafted with what the provider needs to know, sent to a service on the
 * platform or recorded as sent off the platform, answered by the provider (accept, decline,
 * waitlist, schedule intake) within a response deadline, followed through to completion or an early
 * end, and withdrawn or amended by the referrer; reminders and escalations keep none unanswered.
 *
 * <p>Every change publishes {@link org.bridgeway.referrals.ReferralChanged}: notifications,
 * webhooks and measures listen to it.
 *
 * <p>Allowed dependencies: {@code shared}, {@code identity} (who acts for which organization),
 * {@code audit} (every read and change), {@code directory} (the service referred to and its
 * provider), {@code supervision} (the person and who sees them), {@code consent} (what may be
 * shared with the provider) and {@code matching} (whether the person is eligible for the service,
 * and the next best match after a decline).
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Referrals",
    allowedDependencies = {
      "shared",
      "shared :: *",
      "identity",
      "audit",
      "directory",
      "supervision",
      "consent",
      "matching"
    })
package org.bridgeway.referrals;
