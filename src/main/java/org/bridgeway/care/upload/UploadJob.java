package org.bridgeway.care.upload;

import java.time.Instant;
import java.util.UUID;

/**
 * An upload as its page and the API show it.
 *
 * @param kind what the file holds
 * @param rows the data rows of the file, counted at upload
 * @param rowsValidated rows checked so far
 * @param rowsWritten rows written so far (not committed until the job succeeds)
 * @param report the result, once finished; null before
 */
public record UploadJob(
    UUID id,
    UUID organizationId,
    UploadKind kind,
    UploadStatus status,
    String fileName,
    long size,
    int rows,
    int rowsValidated,
    int rowsWritten,
    int errorCount,
    UploadReport report,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt) {

  public boolean finished() {
    return status.finished();
  }

  /** Rows done in the current phase: checked while validating, written while writing. */
  public int done() {
    return switch (status) {
      case VALIDATING -> rowsValidated;
      case WRITING, SUCCEEDED -> rowsWritten;
      default -> 0;
    };
  }

  /** Progress of the current phase in percent. */
  public int percent() {
    if (finished()) {
      return 100;
    }
    return rows <= 0 ? 0 : (int) Math.min(100, (long) done() * 100 / rows);
  }
}
