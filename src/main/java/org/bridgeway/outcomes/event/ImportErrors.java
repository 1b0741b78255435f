package org.bridgeway.outcomes.event;

import java.util.ArrayList;
import java.util.List;

/** Collects an import's errors, keeping the first ones for the report and counting them all. */
public final class ImportErrors {

  private final int keep;
  private final List<ImportError> kept = new ArrayList<>();
  private int count;

  public ImportErrors(int keep) {
    this.keep = keep;
  }

  public void add(String file, int row, String column, String code, String message) {
    count++;
    if (kept.size() < keep) {
      kept.add(new ImportError(file, row, column, code, message));
    }
  }

  public boolean any() {
    return count > 0;
  }

  public int count() {
    return count;
  }

  public List<ImportError> kept() {
    return List.copyOf(kept);
  }
}
