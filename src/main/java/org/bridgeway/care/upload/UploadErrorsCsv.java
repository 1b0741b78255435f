package org.bridgeway.care.upload;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.bridgeway.shared.web.SpreadsheetCells;

/**
 * A rejected upload's errors as CSV, to open beside the file in a spreadsheet. Cells can repeat
 * text from the uploaded file (a column name), so cells are guarded against formula injection.
 */
final class UploadErrorsCsv {

  private UploadErrorsCsv() {}

  static String of(UploadReport report) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
      printer.printRecord("row", "column", "code", "message");
      for (UploadError error : report.errors()) {
        printer.printRecord(
            error.row() == 0 ? "" : Integer.toString(error.row()),
            SpreadsheetCells.guard(error.column()),
            SpreadsheetCells.guard(error.code()),
            SpreadsheetCells.guard(error.message()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
