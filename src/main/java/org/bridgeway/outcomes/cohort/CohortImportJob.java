package org.bridgeway.outcomes.cohort;

import java.time.Instant;
import java.util.UUID;

/**
 * A cohort import as its page and the API show it.
 *
 * @param rows the data rows of all files, once counted (0 before)
 * @param rowsDone rows checked while validating, written while writing
 * @param report the result once finished, null before
 */
public record CohortImportJob(
    UUID id,
    UUID agency,
    CohortStatus status,
    String fileName,
    long size,
    int rows,
    int rowsDone,
    CohortReport report,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt) {

  public boolean finished() {
    return status.finished();
  }

  /** Progress of the current phase in percent. */
  public int percent() {
    if (finished()) {
      return 100;
    }
    return rows <= 0 ? 0 : (int) Math.min(100, (long) rowsDone * 100 / rows);
  }
}
