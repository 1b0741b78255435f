package org.bridgeway.care.upload;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bridgeway.care.episode.DrugTestResult;
import org.bridgeway.care.episode.Substance;
import org.bridgeway.care.episode.TreatmentEpisode;
import org.bridgeway.care.record.DrugTest;
import org.bridgeway.care.record.TestConfirmation;
import org.bridgeway.care.record.TestMethod;
import org.bridgeway.care.record.TestPanel;
import org.bridgeway.shared.web.FieldViolation;

/**
 * Checks each row of a drug test file by itself and against the provider's treatment episodes, with
 * the test's own rules ({@link DrugTest#violations}, the same as the provider's test form and API:
 * a specimen unless refused or missed, no day in the future or outside the episode, what a positive
 * result found and among what was tested), and hands every row without an error on as a {@link
 * Staged} row. What needs the rows together or the stored tests (a specimen given twice, a posted
 * test that would change) is checked set-based afterwards ({@link DrugTestLoad}).
 */
final class DrugTestRows {

  /**
   * A row that passed its own checks, with its episode resolved and its substances as the stored
   * test keeps them (codes in their declared order, comma-separated; the panel's own when the row
   * names none tested).
   */
  record Staged(
      int row,
      String externalId,
      String specimenId,
      TreatmentEpisode episode,
      LocalDate collectedOn,
      TestPanel panel,
      TestMethod method,
      String tested,
      String found,
      DrugTestResult result,
      TestConfirmation confirmation) {}

  /** Receives each staged row, in file order. */
  @FunctionalInterface
  interface Sink {
    void accept(Staged row);
  }

  /** The names the domain's rules give fields, as the file's columns. */
  private static final Map<String, String> COLUMN_OF =
      Map.of(
          "collectedOn", DrugTestFile.COLLECTED_ON,
          "panel", DrugTestFile.PANEL,
          "method", DrugTestFile.METHOD,
          "specimenId", DrugTestFile.SPECIMEN_ID,
          "externalId", DrugTestFile.EXTERNAL_ID,
          "tested", DrugTestFile.SUBSTANCES_TESTED,
          "found", DrugTestFile.SUBSTANCES,
          "result", DrugTestFile.RESULT,
          "confirmation", DrugTestFile.CONFIRMATION);

  private final FileHeader header;
  private final ProviderEpisodes episodes;
  private final LocalDate today;
  private final UploadErrors errors;
  private final Sink sink;

  /**
   * @param today the present day, as the provider's test form takes it: no test is collected later
   */
  DrugTestRows(
      FileHeader header,
      ProviderEpisodes episodes,
      LocalDate today,
      UploadErrors errors,
      Sink sink) {
    this.header = header;
    this.episodes = episodes;
    this.today = today;
    this.errors = errors;
    this.sink = sink;
  }

  /** Checks one data row; {@code row} as a spreadsheet numbers it. */
  void check(int row, List<String> cells) {
    if (!RowCells.fits(row, cells, header, errors)) {
      return;
    }
    Cells c = new Cells(row, cells);
    String externalId = c.text(DrugTestFile.EXTERNAL_ID);
    String specimenId = c.text(DrugTestFile.SPECIMEN_ID);
    LocalDate collectedOn = c.day(DrugTestFile.COLLECTED_ON);
    TestPanel panel = c.code(DrugTestFile.PANEL, TestPanel.class);
    TestMethod method = c.code(DrugTestFile.METHOD, TestMethod.class);
    DrugTestResult result = c.code(DrugTestFile.RESULT, DrugTestResult.class);
    TestConfirmation confirmation = c.code(DrugTestFile.CONFIRMATION, TestConfirmation.class, true);
    Set<Substance> found = c.substances(DrugTestFile.SUBSTANCES);
    Set<Substance> tested = c.substances(DrugTestFile.SUBSTANCES_TESTED);
    TreatmentEpisode episode = c.episode(episodes, collectedOn, "the collection day");
    if (c.failed) {
      return;
    }
    DrugTest.Content content =
        new DrugTest.Content(
            collectedOn,
            panel,
            method,
            specimenId,
            tested,
            found,
            result,
            confirmation,
            externalId);
    for (FieldViolation violation : DrugTest.violations(episode, content, today)) {
      c.error(
          COLUMN_OF.getOrDefault(violation.field(), violation.field()),
          violation.code(),
          violation.message());
    }
    if (c.failed) {
      return;
    }
    sink.accept(
        new Staged(
            row,
            externalId,
            specimenId,
            episode,
            collectedOn,
            panel,
            method,
            codes(tested.isEmpty() ? panel.screened() : tested),
            codes(found),
            result,
            confirmation == null ? TestConfirmation.NOT_SENT : confirmation));
  }

  /** Substances as a stored test keeps them: codes in their declared order, comma-separated. */
  static String codes(Set<Substance> substances) {
    return substances.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
  }

  /** The cells of one row, with the drug test file's readers. */
  private final class Cells extends RowCells {

    Cells(int row, List<String> cells) {
      super(row, cells, DrugTestRows.this.header, DrugTestRows.this.errors);
    }

    LocalDate day(String column) {
      String value = text(column);
      if (value == null) {
        error(column, "Required", "is required");
        return null;
      }
      try {
        return LocalDate.parse(value);
      } catch (DateTimeParseException notDate) {
        error(column, "Invalid", "must be a date such as 2026-12-01");
        return null;
      }
    }

    /** Substance codes separated by semicolons (or commas, in a quoted cell); none if blank. */
    Set<Substance> substances(String column) {
      String value = text(column);
      Set<Substance> substances = EnumSet.noneOf(Substance.class);
      if (value == null) {
        return substances;
      }
      for (String code : value.split("[;,|]")) {
        String name = code.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
        if (name.isEmpty()) {
          continue;
        }
        try {
          substances.add(Substance.valueOf(name));
        } catch (IllegalArgumentException unknown) {
          error(
              column,
              "Unknown",
              "must be substance codes separated by semicolons, each one of "
                  + names(Substance.class));
          return substances;
        }
      }
      return substances;
    }
  }
}
