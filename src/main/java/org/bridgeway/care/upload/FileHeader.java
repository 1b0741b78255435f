package org.bridgeway.care.upload;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where each known column of an uploaded file is. The header names the columns in any order; a
 * column the file's kind does not know is refused (a misspelt name would otherwise be ignored
 * silently).
 *
 * @param positions each known column's position
 * @param width the number of cells every row must have
 */
record FileHeader(Map<String, Integer> positions, int width) {

  /** The column's position; -1 if the file does not have it. */
  int at(String column) {
    return positions.getOrDefault(column, -1);
  }

  boolean has(String column) {
    return positions.containsKey(column);
  }

  /**
   * Reads a header row, adding an error (row 1) for every column that is unknown, repeated, or
   * required and missing.
   *
   * @param fileName the file as the error message names it ("the attendance file")
   */
  static FileHeader read(
      List<String> names,
      List<String> columns,
      List<String> required,
      String fileName,
      UploadErrors errors) {
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i) == null ? "" : names.get(i).strip().toLowerCase(Locale.ROOT);
      if (!columns.contains(name)) {
        errors.add(
            1,
            null,
            "UnknownColumn",
            "column " + (i + 1) + " is not a column of " + fileName + " (" + columns + ")");
      } else if (positions.putIfAbsent(name, i) != null) {
        errors.add(1, name, "Duplicate", "the column is named twice");
      }
    }
    for (String column : required) {
      if (!positions.containsKey(column)) {
        errors.add(1, column, "MissingColumn", "the file needs this column");
      }
    }
    return new FileHeader(Map.copyOf(positions), names.size());
  }

  /** Adds an error unless the file has one of the columns (the first is named). */
  void needsOneOf(UploadErrors errors, String... columns) {
    for (String column : columns) {
      if (has(column)) {
        return;
      }
    }
    errors.add(1, columns[0], "MissingColumn", "the file needs " + String.join(" or ", columns));
  }
}
