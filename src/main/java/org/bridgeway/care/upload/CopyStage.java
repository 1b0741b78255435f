package org.bridgeway.care.upload;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * A COPY stream into an upload's temporary staging table, on the transaction's connection: rows in
 * PostgreSQL's text format, sent in blocks of about a megabyte. Each kind of file stages its own
 * columns (ADR 0023).
 */
final class CopyStage {

  private static final int BLOCK = 1 << 20;

  private final CopyIn copy;
  private final StringBuilder buffer = new StringBuilder(BLOCK + 4096);
  private int rows;

  private CopyStage(CopyIn copy) {
    this.copy = copy;
  }

  /** Opens COPY ({@code COPY ... FROM STDIN}) on the connection of the current transaction. */
  static CopyStage open(DataSource dataSource, String copySql) {
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      return new CopyStage(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql));
    } catch (SQLException e) {
      throw new IllegalStateException("Could not open COPY into the staging table", e);
    }
  }

  /** Adds one row: its cells in the COPY's column order; null is NULL, anything else its text. */
  void add(Object... cells) {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        buffer.append('\t');
      }
      cell(cells[i]);
    }
    buffer.append('\n');
    rows++;
    if (buffer.length() >= BLOCK) {
      send();
    }
  }

  int rows() {
    return rows;
  }

  /** Abandons the COPY (after an error), so that the transaction can be rolled back. */
  void cancel() {
    if (copy.isActive()) {
      try {
        copy.cancelCopy();
      } catch (SQLException e) {
        // The transaction is rolled back either way.
      }
    }
  }

  /** Sends what is left and ends the COPY. */
  long finish() {
    send();
    try {
      return copy.endCopy();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not copy the rows into the staging table", e);
    }
  }

  private void cell(Object value) {
    if (value == null) {
      buffer.append("\\N");
      return;
    }
    if (value instanceof Boolean b) {
      buffer.append(b ? 't' : 'f');
      return;
    }
    String text = value.toString();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> buffer.append("\\\\");
        case '\t' -> buffer.append("\\t");
        case '\n' -> buffer.append("\\n");
        case '\r' -> buffer.append("\\r");
        default -> buffer.append(c);
      }
    }
  }

  private void send() {
    if (buffer.isEmpty()) {
      return;
    }
    byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
    try {
      copy.writeToCopy(bytes, 0, bytes.length);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not copy the rows into the staging table", e);
    }
    buffer.setLength(0);
  }
}
