package org.bridgeway.outcomes.statistics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Primary and complementary cell suppression for a published table of counts of people, as
 * statistical agencies do it (Hundepool et al., Statistical Disclosure Control, Wiley 2012, chapter
 * 5; the CMS cell size suppression policy for the threshold of 11).
 *
 * <p>The table is taken with its margins: the row totals, the column totals and the grand total are
 * all published, so the figures satisfy one equation per row and per column of the extended {@code
 * (rows + 1) x (columns + 1)} table (the totals row sums to the grand total, and so does the totals
 * column). A 1-row (or 1-column) table is a plain list: its column (row) totals are its cells, and
 * the same rules keep them consistent.
 *
 * <ol>
 *   <li>Primary: every count, total or grand total with {@code 0 < count < threshold} is
 *       suppressed. Zeros are shown.
 *   <li>Complementary: in every row and column of the extended table, the number of suppressed
 *       figures is 0 or at least 2; where it is exactly 1, the line's smallest published figure is
 *       suppressed too, preferring a cell over the line's total, a non-zero figure over a zero (a
 *       zero is often known anyway), and a cell whose crossing line also needs a partner.
 *   <li>No chain of equations either: a suppressed figure can still be recomputed when it is the
 *       only link between two groups of suppressed figures (a bridge in the graph whose nodes are
 *       the table's lines and whose edges are the suppressed figures). Each such bridge is closed
 *       into a cycle by suppressing the smallest figure that joins the two groups.
 *   <li>Repeat to a fixed point.
 * </ol>
 *
 * <p>Guarantee: no suppressed figure can be recomputed exactly from the published figures by any
 * linear combination of the table's row and column equations (in a table with margins the
 * suppressed figures are determined exactly when their edges are bridges, and none is). What it
 * does not promise: bounds. Since counts are not negative, a published row may still show that a
 * suppressed figure is at most some small number, and two suppressed zeros in one line are known to
 * be zeros; zeros are chosen as complements only when a line offers nothing else.
 */
public final class SmallCellSuppression {

  private SmallCellSuppression() {}

  /**
   * Suppresses {@code cells} (rows of counts) for publication.
   *
   * @param cells a rectangular table of counts {@code >= 0}, at least 1 x 1
   * @param threshold the smallest count that may be shown, e.g. 11; must be at least 1
   */
  public static SuppressedTable suppress(long[][] cells, long threshold) {
    if (threshold < 1) {
      throw new IllegalArgumentException(
          "the suppression threshold must be at least 1; was " + threshold);
    }
    if (cells == null || cells.length == 0 || cells[0] == null || cells[0].length == 0) {
      throw new IllegalArgumentException(
          "a table to suppress needs at least one row and one column");
    }
    int rows = cells.length;
    int columns = cells[0].length;
    long[][] value = new long[rows + 1][columns + 1];
    for (int i = 0; i < rows; i++) {
      if (cells[i] == null || cells[i].length != columns) {
        throw new IllegalArgumentException(
            "the table must be rectangular: row " + i + " does not have " + columns + " columns");
      }
      for (int j = 0; j < columns; j++) {
        long count = cells[i][j];
        if (count < 0) {
          throw new IllegalArgumentException(
              "counts cannot be negative: row " + i + ", column " + j + " is " + count);
        }
        value[i][j] = count;
        value[i][columns] = Math.addExact(value[i][columns], count);
        value[rows][j] = Math.addExact(value[rows][j], count);
        value[rows][columns] = Math.addExact(value[rows][columns], count);
      }
    }
    boolean[][] hidden = new boolean[rows + 1][columns + 1];
    for (int i = 0; i <= rows; i++) {
      for (int j = 0; j <= columns; j++) {
        hidden[i][j] = value[i][j] > 0 && value[i][j] < threshold;
      }
    }
    new Suppressor(value, hidden).run();
    return result(value, hidden, rows, columns);
  }

  /**
   * Suppresses a list of counts (a 1-row table) whose total is published: the first row of the
   * result holds the list; its row total is the list's total.
   */
  public static SuppressedTable suppressList(long[] counts, long threshold) {
    if (counts == null) {
      throw new IllegalArgumentException("a list to suppress needs at least one count");
    }
    return suppress(new long[][] {counts.clone()}, threshold);
  }

  /** The complementary steps over the extended table; {@code hidden} is updated in place. */
  private record Suppressor(long[][] value, boolean[][] hidden) {

    int lastRow() {
      return value.length - 1;
    }

    int lastColumn() {
      return value[0].length - 1;
    }

    void run() {
      boolean changed = true;
      while (changed) {
        changed = pairLoneSuppressions();
        if (!changed) {
          changed = closeOneBridge();
        }
      }
    }

    /** One pass over all lines; true if any figure was suppressed. */
    boolean pairLoneSuppressions() {
      boolean changed = false;
      for (int i = 0; i <= lastRow(); i++) {
        List<int[]> line = new ArrayList<>();
        for (int j = 0; j <= lastColumn(); j++) {
          line.add(new int[] {i, j});
        }
        changed |= pairIfAlone(line, false);
      }
      for (int j = 0; j <= lastColumn(); j++) {
        List<int[]> line = new ArrayList<>();
        for (int i = 0; i <= lastRow(); i++) {
          line.add(new int[] {i, j});
        }
        changed |= pairIfAlone(line, true);
      }
      return changed;
    }

    private boolean pairIfAlone(List<int[]> line, boolean isColumn) {
      int hiddenCount = 0;
      for (int[] entry : line) {
        hiddenCount += hidden[entry[0]][entry[1]] ? 1 : 0;
      }
      if (hiddenCount != 1) {
        return false;
      }
      int lineTotal = line.size() - 1;
      int[] best = null;
      long[] bestKey = null;
      for (int position = 0; position < line.size(); position++) {
        int[] entry = line.get(position);
        if (hidden[entry[0]][entry[1]]) {
          continue;
        }
        long v = value[entry[0]][entry[1]];
        boolean crossingNeedsPartner =
            isColumn ? hiddenInRow(entry[0]) == 1 : hiddenInColumn(entry[1]) == 1;
        long[] key = {
          isGrandTotal(entry) ? 1 : 0,
          position == lineTotal ? 1 : 0,
          v == 0 ? 1 : 0,
          v,
          crossingNeedsPartner ? 0 : 1,
          position
        };
        if (bestKey == null || Arrays.compare(key, bestKey) < 0) {
          best = entry;
          bestKey = key;
        }
      }
      // A line of two or more figures with one hidden always has a published one left.
      hidden[best[0]][best[1]] = true;
      return true;
    }

    private boolean isGrandTotal(int[] entry) {
      return entry[0] == lastRow() && entry[1] == lastColumn();
    }

    private int hiddenInRow(int i) {
      int count = 0;
      for (int j = 0; j <= lastColumn(); j++) {
        count += hidden[i][j] ? 1 : 0;
      }
      return count;
    }

    private int hiddenInColumn(int j) {
      int count = 0;
      for (int i = 0; i <= lastRow(); i++) {
        count += hidden[i][j] ? 1 : 0;
      }
      return count;
    }

    /**
     * Finds one bridge of the suppression graph (row nodes {@code 0..lastRow}, column nodes after
     * them, an edge per suppressed figure) and closes it with the smallest figure joining its two
     * sides. True if a bridge was found.
     */
    boolean closeOneBridge() {
      int[] bridge = findBridge();
      if (bridge == null) {
        return false;
      }
      int row = bridge[0];
      int column = bridge[1];
      hidden[row][column] = false;
      boolean[] rowSide = new boolean[lastRow() + 1];
      boolean[] columnSide = new boolean[lastColumn() + 1];
      markComponent(row, rowSide, columnSide);
      hidden[row][column] = true;
      int[] best = null;
      long[] bestKey = null;
      for (int i = 0; i <= lastRow(); i++) {
        for (int j = 0; j <= lastColumn(); j++) {
          // The row and the column lie on different sides of the bridge.
          if (hidden[i][j] || rowSide[i] == columnSide[j]) {
            continue;
          }
          long v = value[i][j];
          int[] entry = {i, j};
          long[] key = {
            isGrandTotal(entry) ? 1 : 0,
            (i == lastRow() || j == lastColumn()) ? 1 : 0,
            v == 0 ? 1 : 0,
            v,
            i,
            j
          };
          if (bestKey == null || Arrays.compare(key, bestKey) < 0) {
            best = entry;
            bestKey = key;
          }
        }
      }
      if (best == null) {
        throw new IllegalStateException("no figure joins the two sides of a suppression bridge");
      }
      hidden[best[0]][best[1]] = true;
      return true;
    }

    private void markComponent(int startRow, boolean[] rowSide, boolean[] columnSide) {
      Deque<int[]> queue = new ArrayDeque<>();
      rowSide[startRow] = true;
      queue.add(new int[] {0, startRow});
      while (!queue.isEmpty()) {
        int[] node = queue.poll();
        if (node[0] == 0) {
          for (int j = 0; j <= lastColumn(); j++) {
            if (hidden[node[1]][j] && !columnSide[j]) {
              columnSide[j] = true;
              queue.add(new int[] {1, j});
            }
          }
        } else {
          for (int i = 0; i <= lastRow(); i++) {
            if (hidden[i][node[1]] && !rowSide[i]) {
              rowSide[i] = true;
              queue.add(new int[] {0, i});
            }
          }
        }
      }
    }

    /** A bridge as {row, column}, by Tarjan's low-link depth-first search; null if none. */
    private int[] findBridge() {
      int nodes = lastRow() + 1 + lastColumn() + 1;
      int[] discovery = new int[nodes];
      int[] low = new int[nodes];
      Arrays.fill(discovery, -1);
      int[] clock = {0};
      for (int start = 0; start < nodes; start++) {
        if (discovery[start] < 0) {
          int[] bridge = bridgeFrom(start, -1, discovery, low, clock);
          if (bridge != null) {
            return bridge;
          }
        }
      }
      return null;
    }

    private int[] bridgeFrom(int node, int parent, int[] discovery, int[] low, int[] clock) {
      discovery[node] = low[node] = clock[0]++;
      for (int neighbour : neighbours(node)) {
        if (neighbour == parent) {
          continue;
        }
        if (discovery[neighbour] >= 0) {
          low[node] = Math.min(low[node], discovery[neighbour]);
          continue;
        }
        int[] bridge = bridgeFrom(neighbour, node, discovery, low, clock);
        if (bridge != null) {
          return bridge;
        }
        low[node] = Math.min(low[node], low[neighbour]);
        if (low[neighbour] > discovery[node]) {
          return isRowNode(node)
              ? new int[] {node, neighbour - lastRow() - 1}
              : new int[] {neighbour, node - lastRow() - 1};
        }
      }
      return null;
    }

    private boolean isRowNode(int node) {
      return node <= lastRow();
    }

    private int[] neighbours(int node) {
      List<Integer> found = new ArrayList<>();
      if (isRowNode(node)) {
        for (int j = 0; j <= lastColumn(); j++) {
          if (hidden[node][j]) {
            found.add(lastRow() + 1 + j);
          }
        }
      } else {
        int j = node - lastRow() - 1;
        for (int i = 0; i <= lastRow(); i++) {
          if (hidden[i][j]) {
            found.add(i);
          }
        }
      }
      return found.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  private static SuppressedTable result(long[][] value, boolean[][] hidden, int rows, int columns) {
    long[][] cells = new long[rows][columns];
    boolean[][] suppressed = new boolean[rows][columns];
    long[] rowTotals = new long[rows];
    boolean[] rowTotalSuppressed = new boolean[rows];
    long[] columnTotals = new long[columns];
    boolean[] columnTotalSuppressed = new boolean[columns];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < columns; j++) {
        suppressed[i][j] = hidden[i][j];
        cells[i][j] = shown(value[i][j], hidden[i][j]);
      }
      rowTotalSuppressed[i] = hidden[i][columns];
      rowTotals[i] = shown(value[i][columns], hidden[i][columns]);
    }
    for (int j = 0; j < columns; j++) {
      columnTotalSuppressed[j] = hidden[rows][j];
      columnTotals[j] = shown(value[rows][j], hidden[rows][j]);
    }
    return new SuppressedTable(
        cells,
        suppressed,
        rowTotals,
        columnTotals,
        rowTotalSuppressed,
        columnTotalSuppressed,
        shown(value[rows][columns], hidden[rows][columns]),
        hidden[rows][columns]);
  }

  private static long shown(long value, boolean hidden) {
    return hidden ? SuppressedTable.WITHHELD : value;
  }
}
