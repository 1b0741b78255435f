package org.bridgeway.referrals.lifecycle;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of the referrals module ({@code referrals.*}).
 *
 * @param maxAttachmentBytes the largest attachment accepted, in bytes
 * @param responseBusinessDays the response deadline of a provider that set none, in business days
 * @param reminderHours how long before the deadline the due-soon reminder goes out, by default
 * @param offPlatformFollowUpBusinessDays when the referrer is to confirm an off-platform referral's
 *     outcome by phone, in business days after it was sent
 */
@ConfigurationProperties("referrals")
public record ReferralProperties(
    @DefaultValue("5242880") long maxAttachmentBytes,
    @DefaultValue("3") int responseBusinessDays,
    @DefaultValue("24") int reminderHours,
    @DefaultValue("5") int offPlatformFollowUpBusinessDays) {}
