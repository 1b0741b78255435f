package org.bridgeway.referrals;

import java.time.Instant;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.UserId;

/**
 * Something happened to a referral. Published in the transaction of the change and persisted by the
 * event publication registry (the outbox), so that listeners (notifications, webhooks, measures)
 * miss nothing. Codes and parties only, no content about the person: a listener that needs more
 * reads it through the module's API, under the reader's rights and the consent.
 *
 * @param change what happened
 * @param state the referral's state after the change
 * @param referringOrganization the organization that made the referral
 * @param referringOfficer the user who owns the referral on the referrer's side
 * @param providerOrganization the network organization that provides the service; null for a
 *     referral recorded off the platform
 * @param assignedCaseworker the provider's caseworker assigned to it; null while unassigned
 * @param actor the user who made the change; null when the system did (reminders, escalations)
 * @param occurredAt when the change happened
 * @param version the referral's version after the change (orders the changes of one referral)
 */
public record ReferralChanged(
    ReferralId referral,
    Change change,
    ReferralState state,
    OrganizationId referringOrganization,
    UserId referringOfficer,
    OrganizationId providerOrganization,
    UserId assignedCaseworker,
    UserId actor,
    Instant occurredAt,
    long version) {

  /** The kinds of change. */
  public enum Change {
    SENT,
    SENT_OFF_PLATFORM,
    ASSIGNED,
    ACCEPTED,
    DECLINED,
    WAITLISTED,
    INTAKE_SCHEDULED,
    STARTED,
    COMPLETED,
    ENDED_EARLY,
    WITHDRAWN,
    AMENDED,
    /** The response deadline is near and no answer has come. */
    RESPONSE_DUE_SOON,
    /** The response deadline passed without an answer: escalated. */
    RESPONSE_OVERDUE
  }
}
