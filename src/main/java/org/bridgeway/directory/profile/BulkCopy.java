package org.bridgeway.directory.profile;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Loads rows into a temporary staging table with PostgreSQL COPY (CSV), then runs the statements
 * that move them into place, all on the caller's transactional connection. The bulk path of the
 * data generator: a state's 25,000 profiles are one COPY and one {@code INSERT ... SELECT}.
 */
final class BulkCopy {

  private final StringBuilder csv = new StringBuilder();
  private boolean firstCell = true;

  /** Appends a cell: null is SQL NULL, anything else is quoted text. */
  BulkCopy cell(Object value) {
    if (!firstCell) {
      csv.append(',');
    }
    firstCell = false;
    if (value != null) {
      quote(value.toString());
    }
    return this;
  }

  /** Appends a text array cell as a PostgreSQL array literal: {@code {"A","B"}}. */
  BulkCopy array(Collection<String> values) {
    StringBuilder literal = new StringBuilder("{");
    boolean first = true;
    for (String value : values) {
      if (!first) {
        literal.append(',');
      }
      first = false;
      literal.append('"');
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == '"' || c == '\\') {
          literal.append('\\');
        }
        literal.append(c);
      }
      literal.append('"');
    }
    return cell(literal.append('}').toString());
  }

  BulkCopy endRow() {
    csv.append('\n');
    firstCell = true;
    return this;
  }

  boolean isEmpty() {
    return csv.isEmpty();
  }

  private void quote(String value) {
    csv.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') {
        csv.append('"');
      }
      csv.append(c);
    }
    csv.append('"');
  }

  /**
   * Creates the staging table if needed (emptied at commit), copies the rows in, runs the
   * statements and empties the table again.
   *
   * @return the update counts of the statements
   */
  int[] load(
      DataSource dataSource,
      String stageDefinition,
      String stage,
      String columns,
      String... statements) {
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      try (var statement = connection.createStatement()) {
        statement.execute(
            "CREATE TEMP TABLE IF NOT EXISTS "
                + stage
                + " ("
                + stageDefinition
                + ") ON COMMIT DELETE ROWS");
      }
      connection
          .unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(
              "COPY " + stage + " (" + columns + ") FROM STDIN WITH (FORMAT csv)",
              new StringReader(csv.toString()));
      int[] counts = new int[statements.length];
      for (int i = 0; i < statements.length; i++) {
        try (var statement = connection.createStatement()) {
          counts[i] = statement.executeUpdate(statements[i]);
        }
      }
      try (var statement = connection.createStatement()) {
        statement.execute("TRUNCATE " + stage);
      }
      return counts;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not load rows through " + stage, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }
}
