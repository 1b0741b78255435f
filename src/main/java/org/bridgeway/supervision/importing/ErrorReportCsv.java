package org.bridgeway.supervision.importing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A rejected import's errors as CSV, to open beside the file in a spreadsheet. Cells can repeat
 * text from the uploaded file (a column name), so a cell a spreadsheet would run as a formula
 * (starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return) is
 * prefixed with a single quote, which spreadsheets show as text.
 */
final class ErrorReportCsv {

  private static final String FORMULA_STARTS = "=+-@\t\r";

  private ErrorReportCsv() {}

  static String of(ImportReport report) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
      printer.printRecord("row", "column", "code", "message");
      for (ImportError error : report.errors()) {
        printer.printRecord(
            error.row() == 0 ? "" : Integer.toString(error.row()),
            guard(error.column()),
            guard(error.code()),
            guard(error.message()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** The text, prefixed with a quote if a spreadsheet would read it as a formula. */
  static String guard(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    return FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
  }
}
