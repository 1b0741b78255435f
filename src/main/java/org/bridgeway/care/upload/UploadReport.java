package org.bridgeway.care.upload;

import java.util.List;

/**
 * What an upload did, or why it wrote nothing.
 *
 * @param written true if the file was written, false if it was rejected (then every count is 0)
 * @param rows the data rows of the file
 * @param created appointments the file added (with their attendance)
 * @param updated appointments whose details or attendance the file changed (the earlier state is
 *     kept in the appointment's history)
 * @param unchanged appointments the file gave exactly as they were stored (a re-sent file)
 * @param errorCount every error found; {@code errors} lists the first of them
 */
public record UploadReport(
    boolean written,
    int rows,
    int created,
    int updated,
    int unchanged,
    int errorCount,
    List<UploadError> errors) {

  public UploadReport {
    errors = List.copyOf(errors);
  }

  static UploadReport rejected(int rows, int errorCount, List<UploadError> errors) {
    return new UploadReport(false, rows, 0, 0, 0, errorCount, errors);
  }

  static UploadReport written(int rows, int created, int updated, int unchanged) {
    return new UploadReport(true, rows, created, updated, unchanged, 0, List.of());
  }

  /** Whether the report lists fewer errors than were found. */
  public boolean truncated() {
    return errors.size() < errorCount;
  }
}
