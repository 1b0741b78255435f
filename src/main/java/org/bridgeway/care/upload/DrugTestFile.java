package org.bridgeway.care.upload;

import java.util.List;

/**
 * The drug test file's columns: what a provider's (or its laboratory's) system exports, one row per
 * test. A test is known by the laboratory's specimen id, unique at the provider; a test refused or
 * missed has none and is known by the provider's external id or else by its episode, day and
 * result. Substances are codes separated by semicolons ({@code COCAINE;OPIATES}).
 */
final class DrugTestFile {

  static final String EXTERNAL_ID = "external_id";
  static final String SPECIMEN_ID = "specimen_id";
  static final String EPISODE_ID = ProviderEpisodes.EPISODE_ID;
  static final String PERSON_ID = ProviderEpisodes.PERSON_ID;
  static final String PERSON_NUMBER = ProviderEpisodes.PERSON_NUMBER;
  static final String COLLECTED_ON = "collected_on";
  static final String PANEL = "panel";
  static final String METHOD = "method";
  static final String RESULT = "result";

  /** The substances found (a positive result's). */
  static final String SUBSTANCES = "substances";

  /** The substances screened for: a custom panel's; a standard panel's own when blank. */
  static final String SUBSTANCES_TESTED = "substances_tested";

  static final String CONFIRMATION = "confirmation";

  static final List<String> COLUMNS =
      List.of(
          EXTERNAL_ID,
          SPECIMEN_ID,
          EPISODE_ID,
          PERSON_ID,
          PERSON_NUMBER,
          COLLECTED_ON,
          PANEL,
          METHOD,
          RESULT,
          SUBSTANCES,
          SUBSTANCES_TESTED,
          CONFIRMATION);

  static final List<String> REQUIRED = List.of(SPECIMEN_ID, COLLECTED_ON, PANEL, METHOD, RESULT);

  private DrugTestFile() {}

  /**
   * Reads the header row, adding an error (row 1) for every column that is unknown, repeated or
   * missing.
   */
  static FileHeader header(List<String> names, UploadErrors errors) {
    FileHeader header = FileHeader.read(names, COLUMNS, REQUIRED, "the drug test file", errors);
    header.needsOneOf(errors, EPISODE_ID, PERSON_ID, PERSON_NUMBER);
    return header;
  }

  /** The header of an example file, for the upload page and the documentation. */
  static String exampleHeader() {
    return String.join(",", COLUMNS);
  }
}
