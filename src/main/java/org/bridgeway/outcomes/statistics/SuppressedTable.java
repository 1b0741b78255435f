package org.bridgeway.outcomes.statistics;

import java.util.Arrays;

/**
 * A table of counts made safe to publish by {@link SmallCellSuppression}. A value that is
 * suppressed is replaced by {@value #WITHHELD}, so the true figure never leaves the suppression
 * step (a page or an export that forgets to check the flag shows an impossible count, not the
 * secret).
 *
 * @param cells the counts, {@code cells[row][column]}; {@value #WITHHELD} where suppressed
 * @param suppressed which cells are withheld
 * @param rowTotals each row's total; {@value #WITHHELD} where suppressed
 * @param columnTotals each column's total; {@value #WITHHELD} where suppressed
 * @param rowTotalSuppressed which row totals are withheld
 * @param columnTotalSuppressed which column totals are withheld
 * @param grandTotal the table's total; {@value #WITHHELD} when suppressed
 * @param grandTotalSuppressed whether the grand total is withheld
 */
public record SuppressedTable(
    long[][] cells,
    boolean[][] suppressed,
    long[] rowTotals,
    long[] columnTotals,
    boolean[] rowTotalSuppressed,
    boolean[] columnTotalSuppressed,
    long grandTotal,
    boolean grandTotalSuppressed) {

  /** What a withheld count reads as. */
  public static final long WITHHELD = -1;

  public SuppressedTable {
    cells = deepCopy(cells);
    suppressed = deepCopy(suppressed);
    rowTotals = rowTotals.clone();
    columnTotals = columnTotals.clone();
    rowTotalSuppressed = rowTotalSuppressed.clone();
    columnTotalSuppressed = columnTotalSuppressed.clone();
  }

  public int rows() {
    return cells.length;
  }

  public int columns() {
    return cells.length == 0 ? 0 : cells[0].length;
  }

  /** Whether the cell is withheld. */
  public boolean isSuppressed(int row, int column) {
    return suppressed[row][column];
  }

  /** How many cells and totals (the grand total included) are withheld. */
  public int suppressedCount() {
    int count = grandTotalSuppressed ? 1 : 0;
    for (boolean[] row : suppressed) {
      for (boolean hidden : row) {
        count += hidden ? 1 : 0;
      }
    }
    for (boolean hidden : rowTotalSuppressed) {
      count += hidden ? 1 : 0;
    }
    for (boolean hidden : columnTotalSuppressed) {
      count += hidden ? 1 : 0;
    }
    return count;
  }

  @Override
  public long[][] cells() {
    return deepCopy(cells);
  }

  @Override
  public boolean[][] suppressed() {
    return deepCopy(suppressed);
  }

  @Override
  public long[] rowTotals() {
    return rowTotals.clone();
  }

  @Override
  public long[] columnTotals() {
    return columnTotals.clone();
  }

  @Override
  public boolean[] rowTotalSuppressed() {
    return rowTotalSuppressed.clone();
  }

  @Override
  public boolean[] columnTotalSuppressed() {
    return columnTotalSuppressed.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SuppressedTable that
        && Arrays.deepEquals(cells, that.cells)
        && Arrays.deepEquals(suppressed, that.suppressed)
        && Arrays.equals(rowTotals, that.rowTotals)
        && Arrays.equals(columnTotals, that.columnTotals)
        && Arrays.equals(rowTotalSuppressed, that.rowTotalSuppressed)
        && Arrays.equals(columnTotalSuppressed, that.columnTotalSuppressed)
        && grandTotal == that.grandTotal
        && grandTotalSuppressed == that.grandTotalSuppressed;
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(cells) * 31 + Arrays.deepHashCode(suppressed);
  }

  @Override
  public String toString() {
    return "SuppressedTable[cells="
        + Arrays.deepToString(cells)
        + ", rowTotals="
        + Arrays.toString(rowTotals)
        + ", columnTotals="
        + Arrays.toString(columnTotals)
        + ", grandTotal="
        + grandTotal
        + "]";
  }

  private static long[][] deepCopy(long[][] source) {
    long[][] copy = new long[source.length][];
    for (int i = 0; i < source.length; i++) {
      copy[i] = source[i].clone();
    }
    return copy;
  }

  private static boolean[][] deepCopy(boolean[][] source) {
    boolean[][] copy = new boolean[source.length][];
    for (int i = 0; i < source.length; i++) {
      copy[i] = source[i].clone();
    }
    return copy;
  }
}
