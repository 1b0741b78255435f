package org.bridgeway.outcomes.event;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows of an uploaded CSV file by column name: UTF-8 text with a header row. Values are
 * trimmed; a blank value is null. Row numbers count the header as row 1, as a spreadsheet shows
 * them.
 */
public final class ImportRows {

  /** One data row. */
  public record Row(int number, Map<String, String> values) {

    public String get(String column) {
      return values.get(column);
    }
  }

  private ImportRows() {}

  /**
   * Reads the file, reporting what makes it unreadable as errors of row 0 (or of the malformed
   * row): not UTF-8, no header, unknown or missing columns.
   *
   * @param file the file's name in a cohort ZIP, or null
   * @param required columns every file must have
   * @param known every column the file may have
   */
  public static List<Row> read(
      byte[] bytes,
      String file,
      Set<String> required,
      Set<String> known,
      ImportErrors errors,
      EventMessages messages) {
    String text;
    try {
      int start =
          bytes.length >= 3
                  && (bytes[0] & 0xff) == 0xef
                  && (bytes[1] & 0xff) == 0xbb
                  && (bytes[2] & 0xff) == 0xbf
              ? 3
              : 0;
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
              .toString();
    } catch (CharacterCodingException e) {
      errors.add(file, 0, null, "NotText", messages.error("notText"));
      return List.of();
    }
    if (text.indexOf('\0') >= 0) {
      errors.add(file, 0, null, "NotText", messages.error("notText"));
      return List.of();
    }
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .setAllowMissingColumnNames(true)
            .get();
    List<Row> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      List<String> header =
          parser.getHeaderNames().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
      if (header.isEmpty() || header.stream().allMatch(String::isEmpty)) {
        errors.add(file, 0, null, "Empty", messages.error("empty"));
        return List.of();
      }
      for (String column : header) {
        if (!column.isEmpty() && !known.contains(column)) {
          errors.add(file, 1, column, "Unknown", messages.error("unknownColumn", known));
        }
      }
      for (String column : required) {
        if (!header.contains(column)) {
          errors.add(file, 1, column, "Required", messages.error("missingColumn"));
        }
      }
      int number = 1;
      for (CSVRecord record : parser) {
        number++;
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < header.size() && i < record.size(); i++) {
          String value = record.get(i);
          if (value != null && !value.isBlank() && !header.get(i).isEmpty()) {
            values.put(header.get(i), value.strip());
          }
        }
        if (record.size() > header.size()) {
          errors.add(file, number, null, "TooManyFields", messages.error("tooManyFields"));
        }
        rows.add(new Row(number, values));
      }
    } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
      // commons-csv reports a malformed record (an unterminated quote) this way.
      errors.add(file, rows.size() + 2, null, "Malformed", messages.error("malformed"));
      return List.of();
    } catch (IllegalArgumentException e) {
      // A duplicated header name.
      errors.add(file, 1, null, "DuplicateColumn", messages.error("duplicateColumn"));
      return List.of();
    }
    return rows;
  }
}
