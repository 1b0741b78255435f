/**
 * Care coordination with treatment providers: the treatment episodes of people on supervision at
 * treatment providers, and the reports providers post on them (attendance, progress, drug tests,
 * discharge), shown to the supervising officer only as far as the person's consent allows. The
 * provider's records (appointments and attendance, plan, progress, tests, discharge) publish {@link
 * org.bridgeway.care.CareSignal}.
 *
 * <p>Allowed dependencies: {@code shared}, {@code identity} (who acts for which organization, the
 * network's providers), {@code audit} (every read and change), {@code supervision} (the person and
 * who sees them) and {@code consent} (every disclosure of a provider's reports; this module tells
 * the engine when treatment ended), {@code referrals} (an accepted referral to a treatment provider
 * opens the person's episode there) and {@code directory} (the programs providers keep, for
 * generated episodes).
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Care",
    allowedDependencies = {
      "shared",
      "shared :: *",
      "identity",
      "audit",
      "supervision",
      "consent",
      "referrals",
      "directory"
    })
package org.bridgeway.care;
