package org.bridgeway.notifications.inbox;

/** How a user wants a category by email; in-app notifications are always on. */
public enum EmailMode {
  IMMEDIATE,
  DIGEST,
  NONE
}
