package org.bridgeway.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The table a benchmark prints: one row per measured operation, with the figures and the ratio
 * against the baseline measured in the same run (machines here are shared and noisy, so ratios mean
 * more than absolute times).
 */
public final class BenchmarkReport {

  private final String title;
  private final List<String[]> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  public BenchmarkReport(String title) {
    this.title = title;
  }

  public void row(String... cells) {
    rows.add(cells);
  }

  public void note(String line) {
    notes.add(line);
  }

  public static String millis(double value) {
    return String.format(Locale.ROOT, "%.2f ms", value);
  }

  public static String ratio(double value) {
    return String.format(Locale.ROOT, "%.2fx", value);
  }

  public static String number(double value) {
    return String.format(Locale.ROOT, "%,.0f", value);
  }

  /** Prints the table to standard output, columns aligned. */
  public void print() {
    int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder("\n=== ").append(title).append(" ===\n");
    for (int r = 0; r < rows.size(); r++) {
      String[] row = rows.get(r);
      for (int i = 0; i < row.length; i++) {
        out.append(i == 0 ? "" : " | ").append(String.format("%-" + widths[i] + "s", row[i]));
      }
      out.append('\n');
      if (r == 0) {
        for (int i = 0; i < columns; i++) {
          out.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
        }
        out.append('\n');
      }
    }
    notes.forEach(note -> out.append("  ").append(note).append('\n'));
    System.out.println(out);
  }
}
