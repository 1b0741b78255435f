package org.bridgeway.referrals.lifecycle;

/** How soon the person needs the service. */
public enum Urgency {
  ROUTINE,
  URGENT,
  /** Needed at once (a safety or health emergency is handled outside the referral). */
  EMERGENT
}
