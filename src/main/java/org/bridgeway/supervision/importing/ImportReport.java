package org.bridgeway.supervision.importing;

import java.util.List;

/**
 * What an import did, or why it wrote nothing.
 *
 * @param written true if the file was imported, false if it was rejected (then every count is 0)
 * @param rows the data rows of the file
 * @param errorCount every error found; {@code errors} lists the first of them
 */
public record ImportReport(
    boolean written,
    int rows,
    int peopleCreated,
    int peopleUpdated,
    int peopleUnchanged,
    int casesCreated,
    int casesUnchanged,
    int errorCount,
    List<ImportError> errors) {

  public ImportReport {
    errors = List.copyOf(errors);
  }

  static ImportReport rejected(int rows, int errorCount, List<ImportError> errors) {
    return new ImportReport(false, rows, 0, 0, 0, 0, 0, errorCount, errors);
  }

  /** Whether the report lists fewer errors than were found. */
  public boolean truncated() {
    return errors.size() < errorCount;
  }
}
