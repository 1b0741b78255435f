package org.bridgeway.notifications.inbox;

import java.util.Optional;
import org.bridgeway.referrals.ReferralChanged.Change;

/** What a notification is about, as users choose how they want to hear of it. */
public enum Category {
  /** A referral sent, assigned, amended or withdrawn: work arriving or changing at a provider. */
  NEW_REFERRALS(EmailMode.IMMEDIATE),
  /** The provider's answers and the referral's progress, for the referrer. */
  REFERRAL_RESPONSES(EmailMode.DIGEST),
  /** A response deadline near or passed (escalation). */
  DEADLINES(EmailMode.IMMEDIATE),
  /**
   * A treatment alert raised for one's caseload, or escalated to one as supervisor: someone may be
   * slipping, so it is mailed at once unless the user chooses otherwise.
   */
  TREATMENT_ALERTS(EmailMode.IMMEDIATE);

  private final EmailMode defaultEmail;

  Category(EmailMode defaultEmail) {
    this.defaultEmail = defaultEmail;
  }

  /** How a user who has chosen nothing hears of this category by email (ADR 0018). */
  public EmailMode defaultEmail() {
    return defaultEmail;
  }

  /** The category of a change; empty for a change nobody is notified of. */
  public static Optional<Category> of(Change change) {
    return switch (change) {
      case SENT, ASSIGNED, WITHDRAWN, AMENDED -> Optional.of(NEW_REFERRALS);
      case ACCEPTED, DECLINED, WAITLISTED, INTAKE_SCHEDULED, STARTED, COMPLETED, ENDED_EARLY ->
          Optional.of(REFERRAL_RESPONSES);
      case RESPONSE_DUE_SOON, RESPONSE_OVERDUE -> Optional.of(DEADLINES);
      case SENT_OFF_PLATFORM -> Optional.empty();
    };
  }
}
