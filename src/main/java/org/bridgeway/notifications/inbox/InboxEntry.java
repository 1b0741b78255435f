package org.bridgeway.notifications.inbox;

import java.time.Instant;
import java.util.UUID;

/**
 * One notification as its recipient sees it: what kind of change, on which referral or treatment
 * alert, and the links; the sentence comes from the message bundle ({@code
 * notifications.change.<CHANGE>}).
 *
 * @param change a referral change ({@code ReferralChanged.Change}) or, for an alert, {@code
 *     ALERT_RAISED} or {@code ALERT_ESCALATED}
 * @param referralId the referral, or null for an alert
 * @param alertId the treatment alert, or null for a referral
 */
public record InboxEntry(
    UUID id,
    Category category,
    String change,
    UUID referralId,
    UUID alertId,
    Instant createdAt,
    Instant readAt) {

  public boolean read() {
    return readAt != null;
  }

  /**
   * The page to open: the referral's, or the alerts awaiting action (the alerts pages show each
   * alert only as far as the consent allows, so the link names no alert).
   */
  public String page() {
    if (referralId != null) {
      return "/referrals/" + referralId;
    }
    return Inbox.ALERT_ESCALATED.equals(change) ? "/care/alerts/escalated" : "/care/alerts";
  }

  /** The same in the API. */
  public String api() {
    return referralId != null ? "/api/v1/referrals/" + referralId : "/api/v1/care/alerts";
  }
}
