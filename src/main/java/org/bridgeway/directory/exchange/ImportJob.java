package org.bridgeway.directory.exchange;

import java.time.Instant;
import java.util.UUID;

/**
 * An import as its page and the API show it.
 *
 * @param done items processed in the current phase
 * @param total items in the current phase, 0 while unknown
 * @param report the result, once finished
 */
public record ImportJob(
    UUID id,
    ImportStatus status,
    String fileName,
    String kind,
    long size,
    String requestedByName,
    UUID organizationId,
    int done,
    int total,
    int errorCount,
    int createdCount,
    int updatedCount,
    int unchangedCount,
    ImportReport report,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt) {

  public boolean finished() {
    return status.finished();
  }

  /** Progress of the current phase in percent, or null while it cannot be told. */
  public Integer percent() {
    if (finished()) {
      return 100;
    }
    return total <= 0 ? null : (int) Math.min(100, (long) done * 100 / total);
  }
}
