package org.bridgeway.directory.listing;

import java.util.UUID;
import org.bridgeway.directory.profile.Capacity;

/**
 * A service as the "My listings" page shows it.
 *
 * @param capacity the current figures, or null if none were ever reported
 * @param stale whether the figures need confirming: older than seven days, or never reported
 */
public record ListingSummary(
    UUID serviceId,
    String serviceName,
    UUID organizationId,
    String organizationName,
    String status,
    Capacity capacity,
    boolean stale) {}
