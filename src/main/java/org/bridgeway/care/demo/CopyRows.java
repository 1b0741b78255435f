package org.bridgeway.care.demo;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;

/**
 * The rows of one table built in memory in PostgreSQL's COPY text format and copied straight into
 * the table: the generator's bulk path. Null is {@code \N}; values are written as text that
 * PostgreSQL casts to the column's type.
 */
final class CopyRows {

  private final String table;
  private final String columns;
  private final StringBuilder text = new StringBuilder(1 << 16);
  private boolean firstCell = true;
  private int pending;
  private long written;

  CopyRows(String table, String columns) {
    this.table = table;
    this.columns = columns;
  }

  CopyRows row(Object... values) {
    for (Object value : values) {
      if (!firstCell) {
        text.append('\t');
      }
      firstCell = false;
      if (value == null) {
        text.append("\\N");
        continue;
      }
      String s = value.toString();
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        switch (c) {
          case '\\' -> text.append("\\\\");
          case '\t' -> text.append("\\t");
          case '\n' -> text.append("\\n");
          case '\r' -> text.append("\\r");
          default -> text.append(c);
        }
      }
    }
    text.append('\n');
    firstCell = true;
    pending++;
    return this;
  }

  String table() {
    return table;
  }

  /** Rows copied so far plus those waiting. */
  long count() {
    return written + pending;
  }

  /** The rows waiting to be copied, as text (for tests of determinism). */
  String text() {
    return text.toString();
  }

  void flush(Connection connection) {
    if (pending == 0) {
      return;
    }
    try {
      connection
          .unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(
              "COPY " + table + " (" + columns + ") FROM STDIN", new StringReader(text.toString()));
    } catch (SQLException | java.io.IOException e) {
      throw new IllegalStateException("Could not copy rows into " + table, e);
    }
    written += pending;
    pending = 0;
    text.setLength(0);
  }
}
