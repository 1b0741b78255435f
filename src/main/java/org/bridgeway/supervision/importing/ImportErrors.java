package org.bridgeway.supervision.importing;

import java.util.ArrayList;
import java.util.List;

/** The errors found in one file: every one is counted, the first {@code limit} are kept. */
final class ImportErrors {

  private final int limit;
  private final List<ImportError> kept = new ArrayList<>();
  private int count;

  ImportErrors(int limit) {
    this.limit = limit;
  }

  void add(int row, String column, String code, String message) {
    count++;
    if (kept.size() < limit) {
      kept.add(new ImportError(row, column, code, message));
    }
  }

  boolean any() {
    return count > 0;
  }

  int count() {
    return count;
  }

  List<ImportError> kept() {
    return List.copyOf(kept);
  }
}
