package org.bridgeway.directory.listing;

import java.time.Instant;

/**
 * One field change of a listing as HSDS metadata records it.
 *
 * @param resourceType the HSDS object changed (service, phone)
 * @param action update or delete
 * @param recordedAt when the change was written
 */
public record FieldChangeEntry(
    String resourceType,
    String field,
    String previousValue,
    String replacementValue,
    String action,
    String updatedBy,
    Instant recordedAt) {}
