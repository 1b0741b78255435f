package org.bridgeway.referrals.lifecycle;

/** The provider inbox's views. */
public enum InboxFilter {
  /** Sent and not yet assigned to a caseworker. */
  NEW,
  /** Awaiting an answer, past the reminder time, not yet overdue. */
  DUE_SOON,
  /** Awaiting an answer past the deadline. */
  OVERDUE,
  /** Open and assigned to the caller. */
  ASSIGNED_TO_ME,
  WAITLISTED,
  /** Every open referral (never drafts). */
  OPEN
}
