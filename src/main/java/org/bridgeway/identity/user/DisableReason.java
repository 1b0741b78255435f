package org.bridgeway.identity.user;

/** Why an account was disabled. */
public enum DisableReason {
  BY_ADMINISTRATOR,
  DORMANT
}
