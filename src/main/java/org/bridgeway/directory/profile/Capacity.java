package org.bridgeway.directory.profile;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * How much room a service has now, as last reported by its provider.
 *
 * @param estimatedWaitDays null when the provider gives no estimate
 * @param updatedBy who reported it ({@code user:<id>} or an API client)
 */
public record Capacity(
    UUID serviceId,
    int openSlots,
    int waitlistLength,
    Integer estimatedWaitDays,
    Instant updatedAt,
    String updatedBy,
    int version) {

  /** Figures older than this are shown as stale: nobody has confirmed them for a week. */
  public static final Duration FRESHNESS = Duration.ofDays(7);

  public boolean isStale(Instant now) {
    return updatedAt.plus(FRESHNESS).isBefore(now);
  }

  public boolean hasOpenSlots() {
    return openSlots > 0;
  }
}
