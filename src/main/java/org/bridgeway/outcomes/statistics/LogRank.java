package org.bridgeway.outcomes.statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** The log-rank (Mantel-Haenszel) test that survival curves are equal. */
public final class LogRank {

  private LogRank() {}

  /** Relative size below which a pivot of the covariance matrix counts as zero. */
  private static final double SINGULARITY_TOLERANCE = 1e-10;

  /**
   * Compares the survival of {@code k >= 2} groups (N. Mantel 1966; R. Peto and J. Peto 1972;
   * Collett, Modelling Survival Data in Medical Research, section 2.6). At each distinct event time
   * with {@code n} at risk and {@code d} events in all, {@code n_g} at risk and {@code d_g} events
   * in group {@code g}:
   *
   * <pre>
   *   O_g - E_g = sum (d_g - d n_g / n)
   *   V_gh      = sum d (n - d) / (n - 1) * (n_g / n) (delta_gh - n_h / n)
   *   chi^2     = (O - E)' V^- (O - E)   on the first k - 1 groups
   * </pre>
   *
   * As in R's {@code survdiff}, {@code V^-} is a generalized inverse (a Cholesky decomposition that
   * drops zero pivots), and the degrees of freedom are the rank of {@code V}: a group that is empty
   * or never at risk at any event time adds nothing. With no event at all, or fewer than two groups
   * at risk, the result is chi-square 0 on 0 degrees of freedom with p-value 1.
   */
  public static LogRankTest compare(List<List<SurvivalObservation>> groups) {
    int k = groups.size();
    if (k < 2) {
      throw new IllegalArgumentException(
          "the log-rank test compares at least two groups; got " + k);
    }
    record Tagged(double time, boolean event, int group) {}
    List<Tagged> all = new ArrayList<>();
    long[] atRisk = new long[k];
    for (int g = 0; g < k; g++) {
      for (SurvivalObservation observation : groups.get(g)) {
        all.add(new Tagged(observation.time(), observation.event(), g));
      }
      atRisk[g] = groups.get(g).size();
    }
    all.sort(Comparator.comparingDouble(Tagged::time));
    double[] observedMinusExpected = new double[k];
    double[][] variance = new double[k][k];
    long total = all.size();
    long[] events = new long[k];
    long[] leaving = new long[k];
    int i = 0;
    while (i < all.size()) {
      double time = all.get(i).time();
      Arrays.fill(events, 0);
      Arrays.fill(leaving, 0);
      long eventsNow = 0;
      while (i < all.size() && all.get(i).time() == time) {
        Tagged t = all.get(i++);
        leaving[t.group()]++;
        if (t.event()) {
          events[t.group()]++;
          eventsNow++;
        }
      }
      if (eventsNow > 0) {
        double n = total;
        double d = eventsNow;
        double spread = total > 1 ? d * (n - d) / (n - 1) : 0;
        for (int g = 0; g < k; g++) {
          double share = atRisk[g] / n;
          observedMinusExpected[g] += events[g] - d * share;
          for (int h = 0; h < k; h++) {
            variance[g][h] += spread * share * ((g == h ? 1 : 0) - atRisk[h] / n);
          }
        }
      }
      for (int g = 0; g < k; g++) {
        atRisk[g] -= leaving[g];
        total -= leaving[g];
      }
    }
    return fromScores(observedMinusExpected, variance, k - 1);
  }

  /**
   * {@code u' V^- u} over the first {@code m} coordinates by an LDL' decomposition with zero pivots
   * dropped.
   */
  private static LogRankTest fromScores(double[] u, double[][] v, int m) {
    double[][] a = new double[m][m];
    double largestDiagonal = 0;
    for (int r = 0; r < m; r++) {
      System.arraycopy(v[r], 0, a[r], 0, m);
      largestDiagonal = Math.max(largestDiagonal, Math.abs(a[r][r]));
    }
    double tolerance = largestDiagonal * SINGULARITY_TOLERANCE;
    boolean[] kept = new boolean[m];
    int rank = 0;
    for (int c = 0; c < m; c++) {
      double pivot = a[c][c];
      if (!(pivot > tolerance)) {
        for (int r = c; r < m; r++) {
          a[r][c] = 0;
        }
        continue;
      }
      kept[c] = true;
      rank++;
      // R's cholesky2: row r's multiplier is stored in place, then the rows below are updated
      // from the column's entries that are not yet overwritten.
      for (int r = c + 1; r < m; r++) {
        double factor = a[r][c] / pivot;
        a[r][c] = factor;
        a[r][r] -= factor * factor * pivot;
        for (int s = r + 1; s < m; s++) {
          a[s][r] -= factor * a[s][c];
        }
      }
    }
    if (rank == 0) {
      return new LogRankTest(0, 0, 1);
    }
    // Solve L y = u, then chi^2 = sum y_c^2 / D_c over the kept pivots.
    double[] y = new double[m];
    double chiSquare = 0;
    for (int c = 0; c < m; c++) {
      double value = u[c];
      for (int s = 0; s < c; s++) {
        value -= a[c][s] * y[s];
      }
      y[c] = kept[c] ? value : 0;
      if (kept[c]) {
        chiSquare += value * value / a[c][c];
      }
    }
    return new LogRankTest(chiSquare, rank, ChiSquare.upperTail(chiSquare, rank));
  }
}
