/**
 * Notifications: tells staff what happened to the referrals they work on and which treatment alerts
 * need them, in the application (always), by email (immediately or in a daily digest, as each user
 * prefers), and tells partner systems of referral changes through signed webhooks. It only listens
 * to {@link org.bridgeway.referrals.ReferralChanged} and {@link
 * org.bridgeway.care.TreatmentAlertNotice}; what it sends is a neutral sentence and a link, never
 * content about a person (ADR 0018).
 *
 * <p>Allowed dependencies: {@code shared}, {@code identity} (who works where, in which role, and
 * their address), {@code audit} (changes of preferences and webhook endpoints) and {@code
 * referrals} and {@code care} (the events it listens to).
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Notifications",
    allowedDependencies = {"shared", "shared :: *", "identity", "audit", "referrals", "care"})
package org.bridgeway.notifications;
