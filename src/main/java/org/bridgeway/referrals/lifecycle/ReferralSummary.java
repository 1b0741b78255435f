package org.bridgeway.referrals.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.UserId;
import org.bridgeway.referrals.ReferralId;
import org.bridgeway.referrals.ReferralState;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.supervision.PersonId;

/**
 * A referral as a line of a list (the referrer's list, the provider's inbox, the expired report).
 *
 * @param person the person's id; null in the provider's lists (the provider knows the person only
 *     through the referral)
 * @param dueSoon awaiting an answer and past the reminder time, not yet overdue
 * @param followUpDue off the platform: when the referrer is to confirm the outcome by phone
 */
public record ReferralSummary(
    ReferralId id,
    long version,
    ReferralState state,
    PersonId person,
    String personName,
    String serviceName,
    OrganizationId providerOrganization,
    boolean offPlatform,
    String offPlatformProvider,
    NeedDomain needDomain,
    Urgency urgency,
    Instant createdAt,
    Instant sentAt,
    Instant respondBy,
    boolean overdue,
    boolean dueSoon,
    UserId assignedCaseworker,
    LocalDate followUpDue) {}
