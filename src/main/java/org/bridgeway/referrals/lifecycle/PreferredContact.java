package org.bridgeway.referrals.lifecycle;

/** How the provider should reach the person. */
public enum PreferredContact {
  PHONE,
  EMAIL,
  TEXT,
  THROUGH_OFFICER
}
