package org.bridgeway.outcomes.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Small-cell suppression, checked two ways on every table: the line rule (no row or column of the
 * table with its margins has exactly one withheld figure), and an exact attack: solving the table's
 * row and column equations for the withheld figures by linear algebra, no withheld figure may come
 * out determined.
 */
class SmallCellSuppressionTest {

  private static final long THRESHOLD = 11;

  @Test
  void aListHidesItsSmallCountAndTheSmallestOtherCount() {
    // 3 < 11 is withheld; the total 93 is published, so 3 = 93 - 50 - 40 unless a second count
    // goes too: the smallest, 40.
    SuppressedTable table = SmallCellSuppression.suppress(new long[][] {{3, 50, 40}}, THRESHOLD);
    assertThat(table.suppressed()[0]).containsExactly(true, false, true);
    assertThat(table.cells()[0]).containsExactly(-1, 50, -1);
    assertThat(table.rowTotals()).containsExactly(93);
    assertThat(table.grandTotal()).isEqualTo(93);
    // In a 1-row table the column totals are the cells themselves.
    assertThat(table.columnTotalSuppressed()).containsExactly(true, false, true);
    assertCannotBeRecomputed(new long[][] {{3, 50, 40}}, table);
  }

  @Test
  void twoSmallCountsProtectEachOtherAndZerosAreShown() {
    SuppressedTable table = SmallCellSuppression.suppress(new long[][] {{3, 0, 5, 50}}, THRESHOLD);
    assertThat(table.suppressed()[0]).containsExactly(true, false, true, false);
    assertThat(table.cells()[0]).containsExactly(-1, 0, -1, 50);
    assertThat(table.rowTotals()).containsExactly(58);
    assertCannotBeRecomputed(new long[][] {{3, 0, 5, 50}}, table);
    assertThat(SmallCellSuppression.suppressList(new long[] {3, 0, 5, 50}, THRESHOLD))
        .isEqualTo(table);
  }

  @Test
  void aSmallTotalIsWithheldAndPairedInTheMargin() {
    long[][] cells = {
      {4, 0, 3},
      {20, 30, 40},
      {25, 12, 50}
    };
    // Row 0's total is 7 < 11: withheld. The row-totals column (7, 90, 87 | 184) then has one
    // withheld figure, so the smaller other total, 87, goes too; row 2 then needs a partner
    // cell (its smallest, 12), and so on to a fixed point.
    SuppressedTable table = SmallCellSuppression.suppress(cells, THRESHOLD);
    assertThat(table.rowTotalSuppressed()[0]).isTrue();
    assertThat(table.suppressed()[0]).containsExactly(true, false, true);
    assertThat(table.rowTotalSuppressed()[2]).isTrue();
    assertThat(table.rowTotalSuppressed()[1]).isFalse();
    assertThat(table.grandTotalSuppressed()).isFalse();
    assertThat(table.grandTotal()).isEqualTo(184);
    assertLineRule(table);
    assertCannotBeRecomputed(cells, table);
  }

  @Test
  void aTableWithNoSmallCountIsPublishedWhole() {
    long[][] cells = {{11, 0}, {40, 25}};
    SuppressedTable table = SmallCellSuppression.suppress(cells, THRESHOLD);
    assertThat(table.suppressedCount()).isZero();
    assertThat(table.cells()).isEqualTo(cells);
    assertThat(table.rowTotals()).containsExactly(11, 65);
    assertThat(table.columnTotals()).containsExactly(51, 25);
  }

  @Test
  void twoProtectedBlocksJoinedByOneSmallCellAreJoinedTwice() {
    // Primary cells form two 2x2 blocks (rows 0-1 x columns 0-1, rows 2-3 x columns 2-3) and
    // one more at (0, 2). Every line then holds 0 or >= 2 withheld cells, yet (0, 2) is the only
    // link between the blocks: adding rows 0 and 1 and subtracting columns 0 and 1 gives it
    // exactly. Suppression must add a second link.
    long[][] cells = {
      {2, 3, 4, 100, 100},
      {5, 6, 100, 100, 100},
      {100, 100, 7, 8, 100},
      {100, 100, 9, 10, 100}
    };
    SuppressedTable table = SmallCellSuppression.suppress(cells, THRESHOLD);
    int primaries = 9;
    assertThat(table.suppressedCount()).isGreaterThan(primaries);
    assertLineRule(table);
    assertCannotBeRecomputed(cells, table);
  }

  @Test
  void theAttackFindsAFigureThatOnlyTheLineRuleWouldMiss() {
    // The checker itself must catch what it is for: the bridge pattern above, withheld as the line
    // rule alone would leave it, lets (0, 2) be recomputed.
    long[][] cells = {
      {2, 3, 4, 100, 100},
      {5, 6, 100, 100, 100},
      {100, 100, 7, 8, 100},
      {100, 100, 9, 10, 100}
    };
    boolean[][] hidden = new boolean[4][5];
    long[][] shown = new long[4][5];
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 5; j++) {
        hidden[i][j] = cells[i][j] < THRESHOLD;
        shown[i][j] = hidden[i][j] ? SuppressedTable.WITHHELD : cells[i][j];
      }
    }
    SuppressedTable lineRuleOnly =
        new SuppressedTable(
            shown,
            hidden,
            new long[] {209, 311, 315, 319},
            new long[] {207, 209, 120, 218, 400},
            new boolean[4],
            new boolean[5],
            1154,
            false);
    assertLineRule(lineRuleOnly);
    assertThatThrownBy(() -> assertCannotBeRecomputed(cells, lineRuleOnly))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("at 0,2");
  }

  @Test
  void aTinyTableIsWithheldWhole() {
    SuppressedTable single = SmallCellSuppression.suppress(new long[][] {{4}}, THRESHOLD);
    assertThat(single.suppressed()[0][0]).isTrue();
    assertThat(single.rowTotalSuppressed()[0]).isTrue();
    assertThat(single.columnTotalSuppressed()[0]).isTrue();
    assertThat(single.grandTotalSuppressed()).isTrue();
    SuppressedTable zero = SmallCellSuppression.suppress(new long[][] {{0, 0}}, THRESHOLD);
    assertThat(zero.suppressedCount()).isZero();
  }

  @Test
  void randomTablesNeverLetAWithheldFigureBeRecomputed() {
    Random random = new Random(20261207);
    for (int trial = 0; trial < 400; trial++) {
      int rows = 1 + random.nextInt(5);
      int columns = 1 + random.nextInt(6);
      long[][] cells = new long[rows][columns];
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < columns; j++) {
          int kind = random.nextInt(4);
          cells[i][j] = kind == 0 ? 0 : kind == 1 ? 1 + random.nextInt(10) : random.nextInt(200);
        }
      }
      SuppressedTable table = SmallCellSuppression.suppress(cells, THRESHOLD);
      assertPrimariesWithheldAndTheRestTrue(cells, table);
      assertLineRule(table);
      assertCannotBeRecomputed(cells, table);
    }
  }

  @Test
  void invalidTablesAreRejected() {
    assertThatThrownBy(() -> SmallCellSuppression.suppress(new long[][] {{1, -2}}, THRESHOLD))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative");
    assertThatThrownBy(() -> SmallCellSuppression.suppress(new long[][] {{1, 2}, {3}}, THRESHOLD))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rectangular");
    assertThatThrownBy(() -> SmallCellSuppression.suppress(new long[0][], THRESHOLD))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SmallCellSuppression.suppress(new long[][] {{1}}, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threshold");
  }

  /** Every figure 0 < x < 11 is withheld; every published figure is the true one. */
  private static void assertPrimariesWithheldAndTheRestTrue(long[][] cells, SuppressedTable table) {
    long[][] extended = extend(cells);
    boolean[][] hidden = hiddenOf(table);
    long[][] shown = shownOf(table);
    for (int i = 0; i < extended.length; i++) {
      for (int j = 0; j < extended[0].length; j++) {
        long value = extended[i][j];
        if (value > 0 && value < THRESHOLD) {
          assertThat(hidden[i][j]).as("primary at %d,%d", i, j).isTrue();
        }
        assertThat(shown[i][j]).isEqualTo(hidden[i][j] ? SuppressedTable.WITHHELD : value);
      }
    }
  }

  /**
   * The brief's brute-force rule: no line of the table with margins has exactly one withheld
   * figure.
   */
  private static void assertLineRule(SuppressedTable table) {
    boolean[][] hidden = hiddenOf(table);
    for (int i = 0; i < hidden.length; i++) {
      int count = 0;
      for (boolean h : hidden[i]) {
        count += h ? 1 : 0;
      }
      assertThat(count).as("withheld figures in row %d", i).isNotEqualTo(1);
    }
    for (int j = 0; j < hidden[0].length; j++) {
      int count = 0;
      for (boolean[] row : hidden) {
        count += row[j] ? 1 : 0;
      }
      assertThat(count).as("withheld figures in column %d", j).isNotEqualTo(1);
    }
  }

  /**
   * The attack: the withheld figures are unknowns of the linear system "each row of the extended
   * table sums to its total, each column to its total", with the published figures moved to the
   * right-hand side. Unknown k is determined exactly when its column of the system's matrix is not
   * a combination of the other unknowns' columns, that is when dropping it lowers the rank.
   */
  static void assertCannotBeRecomputed(long[][] cells, SuppressedTable table) {
    boolean[][] hidden = hiddenOf(table);
    int rows = hidden.length;
    int columns = hidden[0].length;
    List<int[]> unknowns = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < columns; j++) {
        if (hidden[i][j]) {
          unknowns.add(new int[] {i, j});
        }
      }
    }
    if (unknowns.isEmpty()) {
      return;
    }
    double[][] system = new double[rows + columns][unknowns.size()];
    for (int k = 0; k < unknowns.size(); k++) {
      int i = unknowns.get(k)[0];
      int j = unknowns.get(k)[1];
      // Row equation i: cells - total = 0, and column equation j likewise.
      system[i][k] = j == columns - 1 ? -1 : 1;
      system[rows + j][k] = i == rows - 1 ? -1 : 1;
    }
    int fullRank = rank(system);
    for (int k = 0; k < unknowns.size(); k++) {
      double[][] without = new double[system.length][unknowns.size() - 1];
      for (int r = 0; r < system.length; r++) {
        for (int c = 0, d = 0; c < unknowns.size(); c++) {
          if (c != k) {
            without[r][d++] = system[r][c];
          }
        }
      }
      assertThat(rank(without))
          .as(
              "withheld figure at %d,%d of %s is determined",
              unknowns.get(k)[0], unknowns.get(k)[1], java.util.Arrays.deepToString(cells))
          .isEqualTo(fullRank);
    }
  }

  private static int rank(double[][] source) {
    if (source.length == 0 || source[0].length == 0) {
      return 0;
    }
    double[][] m = new double[source.length][];
    for (int i = 0; i < source.length; i++) {
      m[i] = source[i].clone();
    }
    int rank = 0;
    for (int c = 0; c < m[0].length && rank < m.length; c++) {
      int pivot = rank;
      for (int r = rank + 1; r < m.length; r++) {
        if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
          pivot = r;
        }
      }
      if (Math.abs(m[pivot][c]) < 1e-9) {
        continue;
      }
      double[] swap = m[pivot];
      m[pivot] = m[rank];
      m[rank] = swap;
      for (int r = 0; r < m.length; r++) {
        if (r != rank) {
          double factor = m[r][c] / m[rank][c];
          for (int s = c; s < m[0].length; s++) {
            m[r][s] -= factor * m[rank][s];
          }
        }
      }
      rank++;
    }
    return rank;
  }

  private static long[][] extend(long[][] cells) {
    int rows = cells.length;
    int columns = cells[0].length;
    long[][] extended = new long[rows + 1][columns + 1];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < columns; j++) {
        extended[i][j] = cells[i][j];
        extended[i][columns] += cells[i][j];
        extended[rows][j] += cells[i][j];
        extended[rows][columns] += cells[i][j];
      }
    }
    return extended;
  }

  private static boolean[][] hiddenOf(SuppressedTable table) {
    int rows = table.rows();
    int columns = table.columns();
    boolean[][] hidden = new boolean[rows + 1][columns + 1];
    for (int i = 0; i < rows; i++) {
      System.arraycopy(table.suppressed()[i], 0, hidden[i], 0, columns);
      hidden[i][columns] = table.rowTotalSuppressed()[i];
    }
    for (int j = 0; j < columns; j++) {
      hidden[rows][j] = table.columnTotalSuppressed()[j];
    }
    hidden[rows][columns] = table.grandTotalSuppressed();
    return hidden;
  }

  private static long[][] shownOf(SuppressedTable table) {
    int rows = table.rows();
    int columns = table.columns();
    long[][] shown = new long[rows + 1][columns + 1];
    for (int i = 0; i < rows; i++) {
      System.arraycopy(table.cells()[i], 0, shown[i], 0, columns);
      shown[i][columns] = table.rowTotals()[i];
    }
    for (int j = 0; j < columns; j++) {
      shown[rows][j] = table.columnTotals()[j];
    }
    shown[rows][columns] = table.grandTotal();
    return shown;
  }
}
