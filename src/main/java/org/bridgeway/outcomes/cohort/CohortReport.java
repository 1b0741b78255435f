package org.bridgeway.outcomes.cohort;

import java.util.List;
import java.util.Map;
import org.bridgeway.outcomes.event.ImportError;

/**
 * What a cohort import did: per file, the rows added, changed and unchanged; or, when any row of
 * any file is wrong, nothing written and every error by file, row and column.
 */
public record CohortReport(
    boolean written, Map<String, FileCounts> files, int errorCount, List<ImportError> errors) {

  /** The counts of one file. */
  public record FileCounts(int rows, int added, int changed, int unchanged) {}

  public static CohortReport rejected(int errorCount, List<ImportError> errors) {
    return new CohortReport(false, Map.of(), errorCount, List.copyOf(errors));
  }

  public boolean truncated() {
    return errors.size() < errorCount;
  }

  /** Whether the import was written but changed nothing (it was loaded before). */
  public boolean nothingChanged() {
    return written && files.values().stream().allMatch(c -> c.added() == 0 && c.changed() == 0);
  }
}
