package org.bridgeway.referrals.lifecycle;

/** How an intake takes place. */
public enum IntakeMode {
  IN_PERSON,
  PHONE,
  VIDEO
}
