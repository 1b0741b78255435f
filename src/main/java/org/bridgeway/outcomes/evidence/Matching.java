package org.bridgeway.outcomes.evidence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Coarsened exact matching and propensity-score matching of participants to a comparison pool. Both
 * give each unit a weight (0 when unmatched), so that the balance table and the outcome comparison
 * are computed the same way whichever method matched.
 */
final class Matching {

  private Matching() {}

  /**
   * One person's first followed spell as matching sees it.
   *
   * @param covariates coarsened covariate values by covariate name, in a fixed order
   */
  record Unit(UUID id, boolean treated, Map<String, String> covariates, boolean outcome) {

    String stratum() {
      return String.join("|", covariates.values());
    }
  }

  /** A unit with its matching weight. */
  record Weighted(Unit unit, double weight) {}

  /**
   * Coarsened exact matching (Iacus, King and Porro 2012): a stratum is one combination of the
   * coarsened covariates; strata without both a participant and a comparison person are dropped.
   * Participants weigh 1; a comparison person in stratum s weighs (m_T,s / m_C,s) · (m_C / m_T), m
   * the matched counts, so the comparison group takes the participants' mix of strata.
   */
  static List<Weighted> coarsenedExact(List<Unit> units) {
    Map<String, long[]> counts = new HashMap<>();
    for (Unit unit : units) {
      counts.computeIfAbsent(unit.stratum(), s -> new long[2])[unit.treated() ? 0 : 1]++;
    }
    long matchedTreated = 0;
    long matchedControls = 0;
    for (long[] c : counts.values()) {
      if (c[0] > 0 && c[1] > 0) {
        matchedTreated += c[0];
        matchedControls += c[1];
      }
    }
    List<Weighted> result = new ArrayList<>();
    for (Unit unit : units) {
      long[] c = counts.get(unit.stratum());
      boolean matched = c[0] > 0 && c[1] > 0;
      double weight =
          !matched
              ? 0
              : unit.treated()
                  ? 1
                  : ((double) c[0] / c[1]) * ((double) matchedControls / matchedTreated);
      result.add(new Weighted(unit, weight));
    }
    return result;
  }

  /**
   * Propensity-score matching: a logistic regression of participation on the covariates (one
   * indicator per value), then 1:1 nearest-neighbour matching on the logit of the score without
   * replacement, within a caliper of {@code caliper} standard deviations of that logit (Austin 2011
   * recommends 0.2). Participants are matched highest score first, as they have the fewest close
   * neighbours; ties are broken by id so the result is reproducible.
   */
  static List<Weighted> propensity(List<Unit> units, double caliper) {
    double[] logits = logits(units);
    double mean = 0;
    for (double l : logits) {
      mean += l;
    }
    mean /= logits.length;
    double variance = 0;
    for (double l : logits) {
      variance += (l - mean) * (l - mean);
    }
    double sd = logits.length > 1 ? Math.sqrt(variance / (logits.length - 1)) : 0;
    double width = caliper * sd;
    List<Integer> treated = new ArrayList<>();
    List<Integer> controls = new ArrayList<>();
    for (int i = 0; i < units.size(); i++) {
      (units.get(i).treated() ? treated : controls).add(i);
    }
    treated.sort(
        Comparator.<Integer>comparingDouble(i -> -logits[i]).thenComparing(i -> units.get(i).id()));
    controls.sort(
        Comparator.<Integer>comparingDouble(i -> logits[i]).thenComparing(i -> units.get(i).id()));
    boolean[] used = new boolean[units.size()];
    double[] weights = new double[units.size()];
    for (int t : treated) {
      int best = -1;
      double distance = Double.MAX_VALUE;
      for (int c : controls) {
        if (!used[c]) {
          double d = Math.abs(logits[c] - logits[t]);
          if (d < distance) {
            distance = d;
            best = c;
          }
        }
      }
      if (best >= 0 && distance <= width + 1e-12) {
        used[best] = true;
        weights[t] = 1;
        weights[best] = 1;
      }
    }
    List<Weighted> result = new ArrayList<>();
    for (int i = 0; i < units.size(); i++) {
      result.add(new Weighted(units.get(i), weights[i]));
    }
    return result;
  }

  /** The fitted logit of participation per unit (Newton-Raphson, with a light ridge). */
  static double[] logits(List<Unit> units) {
    Map<String, Integer> columns = new LinkedHashMap<>();
    for (Unit unit : units) {
      for (var covariate : unit.covariates().entrySet()) {
        columns.putIfAbsent(covariate.getKey() + "=" + covariate.getValue(), columns.size() + 1);
      }
    }
    int p = columns.size() + 1;
    double[][] x = new double[units.size()][p];
    double[] y = new double[units.size()];
    for (int i = 0; i < units.size(); i++) {
      x[i][0] = 1;
      for (var covariate : units.get(i).covariates().entrySet()) {
        x[i][columns.get(covariate.getKey() + "=" + covariate.getValue())] = 1;
      }
      y[i] = units.get(i).treated() ? 1 : 0;
    }
    // One indicator per value makes the design rank-deficient (the values of a covariate sum to
    // the intercept); the ridge keeps the system solvable and the fitted scores are unaffected in
    // the limit. It also keeps coefficients finite when a value predicts participation perfectly.
    double ridge = 1e-3;
    double[] beta = new double[p];
    for (int iteration = 0; iteration < 50; iteration++) {
      double[] gradient = new double[p];
      double[][] hessian = new double[p][p];
      for (int i = 0; i < x.length; i++) {
        double eta = 0;
        for (int j = 0; j < p; j++) {
          eta += x[i][j] * beta[j];
        }
        double mu = 1 / (1 + Math.exp(-eta));
        double w = mu * (1 - mu);
        for (int j = 0; j < p; j++) {
          if (x[i][j] == 0) {
            continue;
          }
          gradient[j] += x[i][j] * (y[i] - mu);
          for (int k = 0; k < p; k++) {
            hessian[j][k] += w * x[i][j] * x[i][k];
          }
        }
      }
      for (int j = 1; j < p; j++) {
        gradient[j] -= ridge * beta[j];
        hessian[j][j] += ridge;
      }
      hessian[0][0] += 1e-9;
      double[] step = solve(hessian, gradient);
      double change = 0;
      for (int j = 0; j < p; j++) {
        beta[j] += step[j];
        change = Math.max(change, Math.abs(step[j]));
      }
      if (change < 1e-8) {
        break;
      }
    }
    double[] logits = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < p; j++) {
        logits[i] += x[i][j] * beta[j];
      }
    }
    return logits;
  }

  /** Gaussian elimination with partial pivoting; the matrix is symmetric positive definite. */
  private static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      m[i] = java.util.Arrays.copyOf(a[i], n + 1);
      m[i][n] = b[i];
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int row = col + 1; row < n; row++) {
        if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) {
          pivot = row;
        }
      }
      double[] swap = m[col];
      m[col] = m[pivot];
      m[pivot] = swap;
      if (Math.abs(m[col][col]) < 1e-300) {
        continue;
      }
      for (int row = col + 1; row < n; row++) {
        double factor = m[row][col] / m[col][col];
        for (int k = col; k <= n; k++) {
          m[row][k] -= factor * m[col][k];
        }
      }
    }
    double[] solution = new double[n];
    for (int row = n - 1; row >= 0; row--) {
      double sum = m[row][n];
      for (int k = row + 1; k < n; k++) {
        sum -= m[row][k] * solution[k];
      }
      solution[row] = Math.abs(m[row][row]) < 1e-300 ? 0 : sum / m[row][row];
    }
    return solution;
  }
}
