package org.bridgeway.notifications.inbox;

import java.time.Instant;
import java.util.UUID;
import org.bridgeway.referrals.ReferralChanged.Change;

/**
 * One notification as its recipient sees it: what kind of change, on which referral, and the links;
 * the sentence comes from the message bundle ({@code notifications.change.<CHANGE>}).
 */
public record InboxEntry(
    UUID id, Category category, Change change, UUID referralId, Instant createdAt, Instant readAt) {

  public boolean read() {
    return readAt != null;
  }

  /** The referral's page in Bridgeway. */
  public String page() {
    return "/referrals/" + referralId;
  }

  /** The referral in the API. */
  public String api() {
    return "/api/v1/referrals/" + referralId;
  }
}
