package org.bridgeway.referrals.lifecycle;

/**
 * What a timeline entry records: the changes of {@link
 * org.bridgeway.referrals.ReferralChanged.Change} and the draft's own steps before it is sent.
 */
public enum TimelineKind {
  DRAFTED,
  DRAFT_UPDATED,
  ATTACHMENT_ADDED,
  ELIGIBILITY_OVERRIDDEN,
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
  RESPONSE_DUE_SOON,
  RESPONSE_OVERDUE
}
