package org.bridgeway.outcomes.event;

import java.util.List;

/**
 * What an outcome-event import did: written (added, changed, unchanged) or, when any row is wrong,
 * nothing written and every error by row and column.
 *
 * @param rows the data rows of the file
 * @param people the people whose events were added or changed
 * @param errorCount all errors found; {@code errors} keeps the first ones
 */
public record EventImportReport(
    boolean written,
    int rows,
    int added,
    int changed,
    int unchanged,
    int people,
    int errorCount,
    List<ImportError> errors) {

  public static EventImportReport rejected(int rows, int errorCount, List<ImportError> errors) {
    return new EventImportReport(false, rows, 0, 0, 0, 0, errorCount, List.copyOf(errors));
  }

  /** Whether the file was written but changed nothing (it was sent before). */
  public boolean nothingChanged() {
    return written && added == 0 && changed == 0;
  }

  public boolean truncated() {
    return errors.size() < errorCount;
  }
}
