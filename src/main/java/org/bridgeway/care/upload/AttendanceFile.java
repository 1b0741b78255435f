package org.bridgeway.care.upload;

import java.util.List;

/**
 * The attendance file's columns: what a provider's system exports, one row per appointment. The
 * header names the columns in any order; a column the upload does not know is refused (a misspelt
 * name would otherwise be ignored silently).
 */
final class AttendanceFile {

  static final String EXTERNAL_ID = "external_id";
  static final String APPOINTMENT_ID = "appointment_id";
  static final String EPISODE_ID = ProviderEpisodes.EPISODE_ID;
  static final String PERSON_ID = ProviderEpisodes.PERSON_ID;
  static final String PERSON_NUMBER = ProviderEpisodes.PERSON_NUMBER;
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
          PERSON_NUMBER,
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

  /**
   * Reads the header row, adding an error (row 1) for every column that is unknown, repeated or
   * missing.
   */
  static FileHeader header(List<String> names, UploadErrors errors) {
    FileHeader header = FileHeader.read(names, COLUMNS, REQUIRED, "the attendance file", errors);
    header.needsOneOf(errors, EXTERNAL_ID, APPOINTMENT_ID);
    header.needsOneOf(errors, EPISODE_ID, PERSON_ID, PERSON_NUMBER);
    return header;
  }

  /** The header of an example file, for the upload page and the documentation. */
  static String exampleHeader() {
    return String.join(",", COLUMNS);
  }
}
