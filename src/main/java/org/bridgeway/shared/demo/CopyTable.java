package org.bridgeway.shared.demo;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;

/**
 * The rows of one table built in memory as CSV and written with PostgreSQL COPY straight into the
 * table: the demo data generators' bulk path. Null is SQL NULL, everything else quoted text that
 * PostgreSQL casts to the column's type (ISO dates and instants, UUIDs, true/false).
 */
public final class CopyTable {

  private final String table;
  private final String columns;
  private final StringBuilder csv = new StringBuilder(1 << 16);
  private boolean firstCell = true;
  private int rows;
  private long written;

  public CopyTable(String table, String columns) {
    this.table = table;
    this.columns = columns;
  }

  public CopyTable cell(Object value) {
    if (!firstCell) {
      csv.append(',');
    }
    firstCell = false;
    if (value != null) {
      String text = value.toString();
      csv.append('"');
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '"') {
          csv.append('"');
        }
        csv.append(c);
      }
      csv.append('"');
    }
    return this;
  }

  /** Several cells in column order. */
  public CopyTable row(Object... values) {
    for (Object value : values) {
      cell(value);
    }
    return endRow();
  }

  public CopyTable endRow() {
    csv.append('\n');
    firstCell = true;
    rows++;
    return this;
  }

  public String table() {
    return table;
  }

  public int rows() {
    return rows;
  }

  /** Rows written so far by {@link #flush}. */
  public long written() {
    return written;
  }

  /** The rows built since the last flush, as CSV (for tests of determinism). */
  public String text() {
    return csv.toString();
  }

  /** Copies the rows built since the last flush into the table and forgets them. */
  public void flush(Connection connection) {
    if (rows == 0) {
      return;
    }
    try {
      connection
          .unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(
              "COPY " + table + " (" + columns + ") FROM STDIN WITH (FORMAT csv)",
              new StringReader(csv.toString()));
    } catch (SQLException e) {
      throw new IllegalStateException("Could not copy rows into " + table, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    written += rows;
    csv.setLength(0);
    rows = 0;
  }
}
