package org.bridgeway.care.upload;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV records straight from the uploaded bytes, without copying the file into a
 * string: a million rows of attendance are read in about a second. Separators and quotes are ASCII,
 * so a field's bytes are found first and only then decoded as UTF-8. A field is null when it is
 * blank, and is trimmed of surrounding spaces.
 *
 * <p>A record with an unterminated quote, or text after a closing quote, is malformed: the reader
 * reports it and then skips to the end of the line, so every following record is still read.
 */
final class CsvRecords {

  /** What the reader found at the next record. */
  enum Outcome {
    RECORD,
    MALFORMED,
    END
  }

  private final byte[] bytes;
  private int position;
  private final List<String> fields = new ArrayList<>(16);
  private String problem;

  CsvRecords(byte[] bytes) {
    this.bytes = bytes;
    // A byte order mark is not part of the first column's name.
    if (bytes.length >= 3
        && (bytes[0] & 0xff) == 0xef
        && (bytes[1] & 0xff) == 0xbb
        && (bytes[2] & 0xff) == 0xbf) {
      position = 3;
    }
  }

  /** Whether the bytes are UTF-8 text without NUL characters. */
  static boolean isUtf8Text(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    for (byte b : bytes) {
      if (b == 0) {
        return false;
      }
    }
    try {
      decoder.decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** The fields of the record just read (valid until the next call of {@link #next}). */
  List<String> fields() {
    return fields;
  }

  /** Why the record just read is malformed. */
  String problem() {
    return problem;
  }

  /** Reads the next record; a blank line is skipped. */
  Outcome next() {
    fields.clear();
    problem = null;
    while (position < bytes.length && (bytes[position] == '\n' || bytes[position] == '\r')) {
      position++;
    }
    if (position >= bytes.length) {
      return Outcome.END;
    }
    while (true) {
      if (position < bytes.length && bytes[position] == '"') {
        if (!quoted()) {
          skipLine();
          return Outcome.MALFORMED;
        }
      } else {
        unquoted();
      }
      if (position >= bytes.length) {
        return Outcome.RECORD;
      }
      byte b = bytes[position++];
      if (b == ',') {
        if (position >= bytes.length || bytes[position] == '\n' || bytes[position] == '\r') {
          fields.add(null);
          endLine();
          return Outcome.RECORD;
        }
        continue;
      }
      // A line end.
      if (b == '\r' && position < bytes.length && bytes[position] == '\n') {
        position++;
      }
      return Outcome.RECORD;
    }
  }

  private void unquoted() {
    int start = position;
    while (position < bytes.length) {
      byte b = bytes[position];
      if (b == ',' || b == '\n' || b == '\r') {
        break;
      }
      position++;
    }
    fields.add(text(start, position));
  }

  /** Reads a quoted field; false if it is malformed. */
  private boolean quoted() {
    int opening = position;
    int start = ++position;
    boolean doubled = false;
    while (true) {
      if (position >= bytes.length) {
        problem = "a quoted cell is not closed";
        // The rest of the line is skipped, not the rest of the file.
        position = opening;
        return false;
      }
      if (bytes[position] == '"') {
        if (position + 1 < bytes.length && bytes[position + 1] == '"') {
          doubled = true;
          position += 2;
          continue;
        }
        break;
      }
      position++;
    }
    int end = position++;
    // Spaces may follow the closing quote; anything else may not.
    while (position < bytes.length && bytes[position] == ' ') {
      position++;
    }
    if (position < bytes.length
        && bytes[position] != ','
        && bytes[position] != '\n'
        && bytes[position] != '\r') {
      problem = "text follows a closing quote";
      return false;
    }
    String text = text(start, end);
    fields.add(doubled ? text.replace("\"\"", "\"") : text);
    return true;
  }

  private void endLine() {
    if (position < bytes.length && bytes[position] == '\r') {
      position++;
    }
    if (position < bytes.length && bytes[position] == '\n') {
      position++;
    }
  }

  private void skipLine() {
    while (position < bytes.length && bytes[position] != '\n') {
      position++;
    }
  }

  private String text(int start, int end) {
    int from = start;
    int to = end;
    while (from < to && bytes[from] == ' ') {
      from++;
    }
    while (to > from && bytes[to - 1] == ' ') {
      to--;
    }
    if (from == to) {
      return null;
    }
    return new String(bytes, from, to - from, StandardCharsets.UTF_8);
  }
}
