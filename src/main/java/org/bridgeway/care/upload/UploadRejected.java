package org.bridgeway.care.upload;

/**
 * An upload refused at once, before any job: too large, not UTF-8 CSV with the expected header,
 * empty or with too many rows. Nothing was stored.
 */
public class UploadRejected extends RuntimeException {

  private final transient UploadReport report;
  private final boolean tooLarge;

  UploadRejected(UploadReport report, boolean tooLarge) {
    super("The upload was refused: " + report.errorCount() + " errors");
    this.report = report;
    this.tooLarge = tooLarge;
  }

  public UploadReport report() {
    return report;
  }

  /** Whether the file was refused for its size (413 rather than 400). */
  public boolean tooLarge() {
    return tooLarge;
  }
}
