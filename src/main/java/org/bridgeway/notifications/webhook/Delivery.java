package org.bridgeway.notifications.webhook;

import java.time.Instant;
import java.util.UUID;

/** One event for one endpoint, as its delivery log shows it. */
public record Delivery(
    UUID id,
    UUID referralId,
    long referralVersion,
    String type,
    Status status,
    int attempts,
    Integer lastStatusCode,
    Instant nextAttemptAt,
    Instant createdAt,
    Instant deliveredAt) {

  /** Where a delivery stands. */
  public enum Status {
    PENDING,
    DELIVERED,
    FAILED
  }
}
