package org.bridgeway.directory.listing;

import java.util.List;
import java.util.UUID;
import org.bridgeway.directory.profile.Capacity;

/**
 * A service's capacity as its keeper sees it.
 *
 * @param current the current figures, or null if none were ever reported
 * @param stale whether the figures need confirming: older than seven days, or never reported
 * @param history recent reports, newest first
 */
public record CapacityStatus(
    UUID serviceId, Capacity current, boolean stale, List<Capacity> history) {

  public CapacityStatus {
    history = List.copyOf(history);
  }
}
