package org.bridgeway.identity.user;

/** Where an account stands. */
public enum UserStatus {
  /** Invited; has not yet set a password. */
  INVITED,
  ACTIVE,
  DISABLED
}
