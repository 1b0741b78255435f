package org.bridgeway.directory.exchange;

import java.util.List;

/**
 * What an import did, or why it did nothing: counts per HSDS type, and the errors and warnings by
 * file, row and field. Errors and warnings are capped (see {@code ExchangeProperties}); their
 * totals are not.
 *
 * @param kind what the upload was (JSON_DOCUMENT, JSON_LIST, JSON_ARRAY, CSV_PACKAGE, CSV_FILE)
 * @param counts per HSDS type (and {@code bridgeway_profile}, {@code bridgeway_capacity}) how many
 *     were created, updated and left unchanged; empty when rejected
 */
public record ImportReport(
    String kind,
    List<TypeCount> counts,
    List<ImportProblem> errors,
    int errorCount,
    List<ImportProblem> warnings,
    int warningCount) {

  /** What happened to the objects of one type. */
  public record TypeCount(String type, int created, int updated, int unchanged) {}

  public ImportReport {
    counts = counts == null ? List.of() : List.copyOf(counts);
    errors = errors == null ? List.of() : List.copyOf(errors);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  public int created() {
    return counts.stream().mapToInt(TypeCount::created).sum();
  }

  public int updated() {
    return counts.stream().mapToInt(TypeCount::updated).sum();
  }

  public int unchanged() {
    return counts.stream().mapToInt(TypeCount::unchanged).sum();
  }

  /** Whether more errors were found than the report lists. */
  public boolean errorsCapped() {
    return errorCount > errors.size();
  }

  public boolean warningsCapped() {
    return warningCount > warnings.size();
  }
}
