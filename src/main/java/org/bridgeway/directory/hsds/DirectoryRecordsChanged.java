package org.bridgeway.directory.hsds;

import java.util.Set;
import java.util.UUID;

/**
 * Published, inside the writing transaction, whenever directory records, service profiles or
 * capacity change: the ids of the records written (for profiles and capacity, the service id).
 * Search listens to keep its projection in step within the same transaction.
 */
public record DirectoryRecordsChanged(Set<UUID> recordIds) {}
