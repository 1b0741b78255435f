package org.bridgeway.supervision.importing;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.bridgeway.shared.vocabulary.Gender;
import org.bridgeway.shared.vocabulary.OffenseCategory;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.shared.vocabulary.SupervisionType;

/**
 * Reads the legacy case-management export (docs/supervision.md): one UTF-8 CSV file with a header,
 * one row per case, a person repeated on each of their cases. Checks everything a row can show by
 * itself (form, codes, dates, lengths) and reports every error by row and column; the checks that
 * need the database are {@link PeopleImport}'s.
 */
final class PeopleCsv {

  static final String AGENCY_ID = "agency_id";
  static final String STATE_ID = "state_id";
  static final String GIVEN_NAME = "given_name";
  static final String MIDDLE_NAME = "middle_name";
  static final String FAMILY_NAME = "family_name";
  static final String DATE_OF_BIRTH = "date_of_birth";
  static final String GENDER = "gender";
  static final String LANGUAGE = "language";
  static final String PHONE = "phone";
  static final String EMAIL = "email";
  static final String ADDRESS_LINE1 = "address_line1";
  static final String ADDRESS_LINE2 = "address_line2";
  static final String CITY = "city";
  static final String STATE = "state";
  static final String POSTAL_CODE = "postal_code";
  static final String SUPERVISION_TYPE = "supervision_type";
  static final String COURT = "court";
  static final String DOCKET_NUMBER = "docket_number";
  static final String OFFENSE_CATEGORY = "offense_category";
  static final String OFFENSE_DESCRIPTION = "offense_description";
  static final String START_DATE = "start_date";
  static final String EXPECTED_END_DATE = "expected_end_date";
  static final String LEVEL = "level";
  static final String OFFICER_EMAIL = "officer_email";

  static final List<String> PERSON_REQUIRED =
      List.of(AGENCY_ID, GIVEN_NAME, FAMILY_NAME, DATE_OF_BIRTH);
  static final List<String> PERSON_OPTIONAL =
      List.of(
          STATE_ID,
          MIDDLE_NAME,
          GENDER,
          LANGUAGE,
          PHONE,
          EMAIL,
          ADDRESS_LINE1,
          ADDRESS_LINE2,
          CITY,
          STATE,
          POSTAL_CODE);

  /** The case columns: all of them or none; a row with all of them blank has no case. */
  static final List<String> CASE_COLUMNS =
      List.of(
          SUPERVISION_TYPE,
          COURT,
          DOCKET_NUMBER,
          OFFENSE_CATEGORY,
          OFFENSE_DESCRIPTION,
          START_DATE,
          EXPECTED_END_DATE,
          LEVEL,
          OFFICER_EMAIL);

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ./-]*");
  private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");
  private static final Pattern PHONE_NUMBER = Pattern.compile("\\+?[0-9 ()./-]{7,30}");
  private static final Pattern EMAIL_ADDRESS = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern STATE_CODE = Pattern.compile("[A-Z]{2}");
  private static final Pattern ZIP = Pattern.compile("\\d{5}(-\\d{4})?");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t]]");
  private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

  /** A person's columns as one row gives them; equal on every row of the same person. */
  record PersonFields(
      String agencyId,
      String stateId,
      String given,
      String middle,
      String family,
      LocalDate dateOfBirth,
      Gender gender,
      String language,
      String phone,
      String email,
      String line1,
      String line2,
      String city,
      String state,
      String postalCode) {

    boolean hasAddress() {
      return line1 != null;
    }
  }

  /** A case's columns. */
  record CaseFields(
      SupervisionType type,
      String court,
      String docketNumber,
      OffenseCategory offenseCategory,
      String offenseDescription,
      LocalDate startDate,
      LocalDate expectedEndDate,
      SupervisionLevel level,
      String officerEmail) {}

  /**
   * One data row that passed every check of its own.
   *
   * @param row the row as a spreadsheet numbers it (the header is row 1)
   * @param supervisionCase null for a row without a case
   */
  record Row(int row, PersonFields person, CaseFields supervisionCase) {}

  /**
   * Receives each data row of a file in order.
   *
   * <p>{@code row} is null when the row failed a check of its own (its errors are reported); {@code
   * officer} is the officer email the row names, if well-formed, whether or not the rest of the row
   * is valid, so that an unknown officer is reported on an invalid row too.
   */
  @FunctionalInterface
  interface RowHandler {
    void accept(int rowNumber, Row row, String officer);
  }

  /** The file has too many rows: it is refused as too large. */
  static final class TooManyRows extends RuntimeException {
    TooManyRows() {
      super("too many rows");
    }
  }

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(false).get();
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private PeopleCsv() {}

  /**
   * Checks what can be checked of a file at once, without the database: that it is UTF-8 text, is
   * well-formed CSV with this export's header, and has at least one and at most {@code maxRows}
   * data rows. Reads the file as a stream and keeps no row.
   *
   * @return the number of data rows (valid or not)
   * @throws TooManyRows if the file has more than {@code maxRows} data rows (an error is added)
   */
  static int precheck(byte[] bytes, int maxRows, ImportErrors errors) {
    if (bytes.length == 0) {
      errors.add(0, null, "Empty", "the file is empty: it needs a header and at least one row");
      return 0;
    }
    if (!utf8(bytes)) {
      errors.add(0, null, "Encoding", "the file is not UTF-8 text: save it as CSV UTF-8");
      return 0;
    }
    for (byte b : bytes) {
      if (b == 0) {
        errors.add(0, null, "Binary", "the file is not a CSV text file");
        return 0;
      }
    }
    int dataRows = 0;
    try (CSVParser parser = CSVParser.parse(reader(bytes), FORMAT)) {
      Iterator<CSVRecord> records = parser.iterator();
      if (!records.hasNext()) {
        errors.add(0, null, "Empty", "the file is empty: it needs a header and at least one row");
        return 0;
      }
      if (header(records.next(), errors) == null) {
        return 0;
      }
      while (records.hasNext()) {
        records.next();
        dataRows++;
        if (dataRows > maxRows) {
          errors.add(
              dataRows + 1,
              null,
              "TooManyRows",
              "the file has more than " + maxRows + " rows: split it into smaller files");
          throw new TooManyRows();
        }
      }
    } catch (IOException | UncheckedIOException | IllegalStateException malformed) {
      errors.add(
          0,
          null,
          "Malformed",
          "the file is not well-formed CSV (a quote is not closed or a cell is malformed)");
      return dataRows;
    }
    if (dataRows == 0) {
      errors.add(0, null, "Empty", "the file has a header but no rows");
    }
    return dataRows;
  }

  /**
   * Reads a file that passed {@link #precheck} row by row, checks the cells of each row and hands
   * it to the handler; every error is reported by row and column. Keeps no row.
   */
  static void scan(byte[] bytes, LocalDate today, ImportErrors errors, RowHandler handler) {
    try (CSVParser parser = CSVParser.parse(reader(bytes), FORMAT)) {
      Iterator<CSVRecord> records = parser.iterator();
      Map<String, Integer> header = records.hasNext() ? header(records.next(), errors) : null;
      if (header == null) {
        throw new IllegalStateException("the file no longer passes its check at upload");
      }
      int rowNumber = 1;
      while (records.hasNext()) {
        CSVRecord record = records.next();
        rowNumber++;
        if (record.size() != header.size()) {
          errors.add(
              rowNumber,
              null,
              "ColumnCount",
              "has " + record.size() + " cells where the header has " + header.size());
          handler.accept(rowNumber, null, null);
          continue;
        }
        RowReader reader = new RowReader(rowNumber, record, header, today, errors);
        Row row = reader.read();
        handler.accept(rowNumber, row, reader.officer);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file's text as a stream, without a byte-order mark. */
  private static Reader reader(byte[] bytes) {
    int skip = Arrays.equals(bytes, 0, Math.min(3, bytes.length), BOM, 0, 3) ? 3 : 0;
    return new BufferedReader(
        new InputStreamReader(
            new ByteArrayInputStream(bytes, skip, bytes.length - skip), StandardCharsets.UTF_8),
        64 * 1024);
  }

  /** Whether the bytes are UTF-8, decoded in chunks rather than into one string. */
  private static boolean utf8(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(8192);
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isError()) {
        return false;
      }
      out.clear();
      if (result.isUnderflow()) {
        break;
      }
    }
    while (true) {
      CoderResult result = decoder.flush(out);
      if (result.isError()) {
        return false;
      }
      out.clear();
      if (result.isUnderflow()) {
        return true;
      }
    }
  }

  /** The columns by name, or null (with errors) if the header is not this export's. */
  private static Map<String, Integer> header(CSVRecord record, ImportErrors errors) {
    Map<String, Integer> columns = new HashMap<>();
    Set<String> known = new LinkedHashSet<>();
    known.addAll(PERSON_REQUIRED);
    known.addAll(PERSON_OPTIONAL);
    known.addAll(CASE_COLUMNS);
    boolean ok = true;
    for (int i = 0; i < record.size(); i++) {
      String name = record.get(i).strip().toLowerCase(Locale.ROOT);
      if (!known.contains(name)) {
        errors.add(
            1,
            abbreviate(record.get(i)),
            "UnknownColumn",
            "is not a column of the export: see the documented columns");
        ok = false;
      } else if (columns.putIfAbsent(name, i) != null) {
        errors.add(1, name, "DuplicateColumn", "appears twice in the header");
        ok = false;
      }
    }
    for (String required : PERSON_REQUIRED) {
      if (!columns.containsKey(required)) {
        errors.add(1, required, "MissingColumn", "the header needs this column");
        ok = false;
      }
    }
    boolean anyCase = CASE_COLUMNS.stream().anyMatch(columns::containsKey);
    if (anyCase) {
      for (String required : CASE_COLUMNS) {
        if (!columns.containsKey(required)) {
          errors.add(
              1, required, "MissingColumn", "the header has case columns, so it needs this one");
          ok = false;
        }
      }
    }
    return ok ? columns : null;
  }

  private static String abbreviate(String text) {
    String stripped = CONTROL.matcher(text).replaceAll("?").strip();
    return stripped.length() > 40 ? stripped.substring(0, 40) + "…" : stripped;
  }

  /** Checks the cells of one row. */
  private static final class RowReader {

    private final int row;
    private final CSVRecord record;
    private final Map<String, Integer> header;
    private final LocalDate today;
    private final ImportErrors errors;
    private boolean failed;
    private String officer;

    RowReader(
        int row,
        CSVRecord record,
        Map<String, Integer> header,
        LocalDate today,
        ImportErrors errors) {
      this.row = row;
      this.record = record;
      this.header = header;
      this.today = today;
      this.errors = errors;
    }

    Row read() {
      String agencyId = identifier(AGENCY_ID, true);
      String stateId = identifier(STATE_ID, false);
      String given = text(GIVEN_NAME, true, 100);
      String middle = text(MIDDLE_NAME, false, 100);
      String family = text(FAMILY_NAME, true, 100);
      LocalDate birth = date(DATE_OF_BIRTH, true);
      if (birth != null && birth.isAfter(today)) {
        error(DATE_OF_BIRTH, "PastOrPresent", "must not be in the future");
      } else if (birth != null && birth.isBefore(EARLIEST_BIRTH)) {
        error(DATE_OF_BIRTH, "Min", "must be in 1900 or later");
      }
      Gender gender = code(GENDER, Gender.class, false);
      String language = matching(LANGUAGE, LANGUAGE_TAG, 35, "must be a language tag such as es");
      String phone = matching(PHONE, PHONE_NUMBER, 30, "must be a phone number");
      String email = matching(EMAIL, EMAIL_ADDRESS, 254, "must be an email address");
      String line1 = text(ADDRESS_LINE1, false, 200);
      String line2 = text(ADDRESS_LINE2, false, 200);
      String city = text(CITY, false, 100);
      String state = matching(STATE, STATE_CODE, 2, "must be a two-letter state code");
      String postal = matching(POSTAL_CODE, ZIP, 10, "must be a ZIP code");
      boolean anyAddress =
          line1 != null || line2 != null || city != null || state != null || postal != null;
      if (anyAddress) {
        requirePresent(ADDRESS_LINE1, line1, "an address needs its first line");
        requirePresent(CITY, city, "an address needs a city");
        requirePresent(STATE, state, "an address needs a state");
        requirePresent(POSTAL_CODE, postal, "an address needs a ZIP code");
      }
      CaseFields supervisionCase = supervisionCase();
      if (failed) {
        return null;
      }
      return new Row(
          row,
          new PersonFields(
              agencyId,
              stateId,
              given,
              middle,
              family,
              birth,
              gender,
              language == null ? null : language,
              phone,
              email,
              line1,
              line2,
              city,
              state,
              postal),
          supervisionCase);
    }

    private CaseFields supervisionCase() {
      if (CASE_COLUMNS.stream().allMatch(column -> cell(column) == null)) {
        return null;
      }
      SupervisionType type = code(SUPERVISION_TYPE, SupervisionType.class, true);
      String court = text(COURT, true, 200);
      String docket = identifier(DOCKET_NUMBER, true);
      OffenseCategory category = code(OFFENSE_CATEGORY, OffenseCategory.class, true);
      String description = text(OFFENSE_DESCRIPTION, true, 300);
      LocalDate start = date(START_DATE, true);
      LocalDate end = date(EXPECTED_END_DATE, true);
      if (start != null && end != null && !end.isAfter(start)) {
        error(EXPECTED_END_DATE, "EndBeforeStart", "must be after start_date");
      }
      SupervisionLevel level = code(LEVEL, SupervisionLevel.class, true);
      String officer = matching(OFFICER_EMAIL, EMAIL_ADDRESS, 254, "must be an email address");
      requirePresent(OFFICER_EMAIL, officer, "is required for a case");
      this.officer = officer;
      return new CaseFields(type, court, docket, category, description, start, end, level, officer);
    }

    /** The cell's text, stripped; null if the column is absent or the cell blank. */
    private String cell(String column) {
      Integer index = header.get(column);
      if (index == null) {
        return null;
      }
      String value = record.get(index).strip();
      return value.isEmpty() ? null : value;
    }

    private String text(String column, boolean required, int max) {
      String value = cell(column);
      if (value == null) {
        if (required) {
          error(column, "Required", "is required");
        }
        return null;
      }
      if (CONTROL.matcher(value).find()) {
        error(column, "InvalidCharacters", "must not contain control characters");
        return null;
      }
      if (value.length() > max) {
        error(column, "Size", "must be at most " + max + " characters");
        return null;
      }
      return value;
    }

    private String identifier(String column, boolean required) {
      String value = text(column, required, 60);
      if (value != null && !IDENTIFIER.matcher(value).matches()) {
        error(
            column, "Pattern", "must be letters and digits, with spaces, dots, slashes or dashes");
        return null;
      }
      return value;
    }

    private String matching(String column, Pattern pattern, int max, String message) {
      String value = text(column, false, max);
      if (value != null && !pattern.matcher(value).matches()) {
        error(column, "Pattern", message);
        return null;
      }
      return value;
    }

    private LocalDate date(String column, boolean required) {
      String value = text(column, required, 10);
      if (value == null) {
        return null;
      }
      try {
        return LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        error(column, "InvalidDate", "must be a date as YYYY-MM-DD");
        return null;
      }
    }

    private <E extends Enum<E>> E code(String column, Class<E> type, boolean required) {
      String value = text(column, required, 40);
      if (value == null) {
        return null;
      }
      String normalized = value.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
      for (E constant : type.getEnumConstants()) {
        if (constant.name().equals(normalized)) {
          return constant;
        }
      }
      List<String> allowed = new ArrayList<>();
      for (E constant : type.getEnumConstants()) {
        allowed.add(constant.name());
      }
      error(column, "UnknownCode", "must be one of " + String.join(", ", allowed));
      return null;
    }

    private void requirePresent(String column, String value, String message) {
      if (value == null && cell(column) == null) {
        error(column, "Required", message);
      }
    }

    private void error(String column, String code, String message) {
      failed = true;
      errors.add(row, column, code, message);
    }
  }
}
