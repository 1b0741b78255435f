package org.bridgeway.care.upload;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The attendance file's columns: what a provider's system exports, one row per appointment. The
 * header names the columns in any order; a column the upload does not know is refused (a misspelt
 * name would otherwise be ignored silently).
 */
final class AttendanceFile {

  static final String EXTERNAL_ID = "external_id";
  static final String APPOINTMENT_ID = "appointment_id";
  static final String EPISODE_ID = "episode_id";
  static final String PERSON_ID = "person_id";
  static final String STARTS_AT = "starts_at";
  static final String DURATION_MINUTES = "duration_minutes";
  static final String KIND = "kind";
  static final String MODE = "mode";
  static final String ATTENDANCE = "attendance";
  static final String REASON = "reason";

  static final List<String> COLUMNS =
      List.of(
          EXTERNAL_ID,
          APPOINTMENT_ID,
          EPISODE_ID,
          PERSON_ID,
          STARTS_AT,
          DURATION_MINUTES,
          KIND,
          MODE,
          ATTENDANCE,
          REASON);

  static final List<String> REQUIRED = List.of(STARTS_AT, KIND, MODE, ATTENDANCE);

  /** A session's length when the file does not give one. */
  static final int DEFAULT_DURATION = 60;

  private AttendanceFile() {}

  /** Where each known column is in a row; -1 if the file does not have it. */
  record Header(Map<String, Integer> positions, int width) {

    int at(String column) {
      return positions.getOrDefault(column, -1);
    }
  }

  /**
   * Reads the header row, adding an error (row 1) for every column that is unknown, repeated or
   * missing.
   */
  static Header header(List<String> names, UploadErrors errors) {
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i) == null ? "" : names.get(i).strip().toLowerCase(Locale.ROOT);
      if (!COLUMNS.contains(name)) {
        errors.add(
            1,
            null,
            "UnknownColumn",
            "column " + (i + 1) + " is not a column of the attendance file (" + COLUMNS + ")");
      } else if (positions.putIfAbsent(name, i) != null) {
        errors.add(1, name, "Duplicate", "the column is named twice");
      }
    }
    for (String column : REQUIRED) {
      if (!positions.containsKey(column)) {
        errors.add(1, column, "MissingColumn", "the file needs this column");
      }
    }
    if (!positions.containsKey(EXTERNAL_ID) && !positions.containsKey(APPOINTMENT_ID)) {
      errors.add(1, EXTERNAL_ID, "MissingColumn", "the file needs external_id or appointment_id");
    }
    if (!positions.containsKey(EPISODE_ID) && !positions.containsKey(PERSON_ID)) {
      errors.add(1, EPISODE_ID, "MissingColumn", "the file needs episode_id or person_id");
    }
    return new Header(Map.copyOf(positions), names.size());
  }

  /** The header of an example file, for the upload page and the documentation. */
  static String exampleHeader() {
    return String.join(",", new ArrayList<>(COLUMNS));
  }
}
