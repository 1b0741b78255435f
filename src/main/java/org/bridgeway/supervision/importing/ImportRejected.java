package org.bridgeway.supervision.importing;

/**
 * An import that wrote nothing, with the report of every error found.
 *
 * @param tooLarge whether the file was refused for its size or its number of rows (413)
 */
public class ImportRejected extends RuntimeException {

  private final transient ImportReport report;
  private final boolean tooLarge;

  ImportRejected(ImportReport report, boolean tooLarge) {
    super("The import was rejected with " + report.errorCount() + " errors");
    this.report = report;
    this.tooLarge = tooLarge;
  }

  public ImportReport report() {
    return report;
  }

  public boolean tooLarge() {
    return tooLarge;
  }
}
