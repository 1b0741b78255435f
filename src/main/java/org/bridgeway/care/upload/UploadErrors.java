package org.bridgeway.care.upload;

import java.util.ArrayList;
import java.util.List;

/** The errors found in one file: every one is counted, the first {@code limit} are kept. */
final class UploadErrors {

  private final int limit;
  private final List<UploadError> kept = new ArrayList<>();
  private long count;

  UploadErrors(int limit) {
    this.limit = limit;
  }

  void add(int row, String column, String code, String message) {
    count++;
    if (kept.size() < limit) {
      kept.add(new UploadError(row, column, code, message));
    }
  }

  /** Counts errors found by a set-based check of which only some were fetched. */
  void addCounted(long total, List<UploadError> fetched) {
    count += total;
    for (UploadError error : fetched) {
      if (kept.size() >= limit) {
        break;
      }
      kept.add(error);
    }
  }

  /** How many more errors would be kept. */
  int room() {
    return Math.max(0, limit - kept.size());
  }

  boolean any() {
    return count > 0;
  }

  int count() {
    return (int) Math.min(Integer.MAX_VALUE, count);
  }

  /** The kept errors by row, then column, as a reader goes through the file. */
  List<UploadError> kept() {
    List<UploadError> sorted = new ArrayList<>(kept);
    sorted.sort(
        java.util.Comparator.comparingInt(UploadError::row)
            .thenComparing(e -> e.column() == null ? "" : e.column()));
    return List.copyOf(sorted);
  }
}
