package org.bridgeway.outcomes.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The estimates the measures report: Wilson intervals for proportions, Kaplan-Meier survival with
 * Greenwood variance and log-log intervals, and the log-rank test. Kept small and local to the
 * measures so the dashboards do not wait on the shared statistics package; the formulas are the
 * textbook ones (Wilson 1927; Kalbfleisch and Prentice for the log-log interval) and the tests
 * check them against figures computed independently.
 */
public final class Estimates {

  /** The normal quantile of a two-sided 95% interval. */
  static final double Z95 = 1.959963984540054;

  private Estimates() {}

  /** A proportion with its 95% Wilson score interval; all null when there is no one to count. */
  public record Rate(long count, long of, Double value, Double low, Double high) {}

  public static Rate wilson(long count, long of) {
    if (of == 0) {
      return new Rate(count, of, null, null, null);
    }
    double n = of;
    double p = count / n;
    double z2 = Z95 * Z95;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2 * n)) / denominator;
    double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
    return new Rate(count, of, p, Math.max(0, centre - half), Math.min(1, centre + half));
  }

  /** One step of a survival curve: the survival just after the day, with its 95% interval. */
  public record Step(int day, int atRisk, int events, double survival, double low, double high) {}

  /**
   * The Kaplan-Meier estimate. Each subject has a time in days and whether the event happened then
   * (otherwise it was censored then). On a day with both, events are counted before censoring, the
   * usual convention.
   */
  public static List<Step> kaplanMeier(int[] days, boolean[] events) {
    TreeMap<Integer, int[]> byDay = new TreeMap<>();
    for (int i = 0; i < days.length; i++) {
      int[] counts = byDay.computeIfAbsent(days[i], d -> new int[2]);
      counts[events[i] ? 0 : 1]++;
    }
    List<Step> steps = new ArrayList<>();
    int atRisk = days.length;
    double survival = 1;
    double greenwood = 0;
    for (var entry : byDay.entrySet()) {
      int died = entry.getValue()[0];
      int censored = entry.getValue()[1];
      if (died > 0) {
        survival *= 1 - (double) died / atRisk;
        if (atRisk > died) {
          greenwood += (double) died / ((double) atRisk * (atRisk - died));
        }
        double low = survival;
        double high = survival;
        if (survival > 0 && survival < 1) {
          // log-log interval: stays within (0, 1)
          double logS = Math.log(survival);
          double se = Math.sqrt(greenwood) / Math.abs(logS);
          low = Math.pow(survival, Math.exp(Z95 * se));
          high = Math.pow(survival, Math.exp(-Z95 * se));
        }
        steps.add(new Step(entry.getKey(), atRisk, died, survival, low, high));
      }
      atRisk -= died + censored;
    }
    return steps;
  }

  /**
   * The log-rank test of equal survival across groups: its chi-square statistic and p-value, with
   * groups minus one degrees of freedom; null when fewer than two groups have anyone.
   */
  public record LogRank(double chiSquare, int degreesOfFreedom, double p) {}

  public static LogRank logRank(List<int[]> groupDays, List<boolean[]> groupEvents) {
    int k = groupDays.size();
    TreeMap<Integer, int[][]> byDay = new TreeMap<>();
    int[] atRisk = new int[k];
    int present = 0;
    for (int g = 0; g < k; g++) {
      int[] days = groupDays.get(g);
      atRisk[g] = days.length;
      if (days.length > 0) {
        present++;
      }
      for (int i = 0; i < days.length; i++) {
        int[][] counts = byDay.computeIfAbsent(days[i], d -> new int[k][2]);
        counts[g][groupEvents.get(g)[i] ? 0 : 1]++;
      }
    }
    if (present < 2) {
      return null;
    }
    double[] observedMinusExpected = new double[k];
    double[][] covariance = new double[k][k];
    for (int[][] counts : byDay.values()) {
      int n = 0;
      int d = 0;
      for (int g = 0; g < k; g++) {
        n += atRisk[g];
        d += counts[g][0];
      }
      if (d > 0 && n > 0) {
        double factor = n > 1 ? (double) d * (n - d) / ((double) n * n * (n - 1)) : 0;
        for (int g = 0; g < k; g++) {
          observedMinusExpected[g] += counts[g][0] - (double) d * atRisk[g] / n;
          for (int h = 0; h < k; h++) {
            double delta = g == h ? 1 : 0;
            covariance[g][h] += factor * atRisk[g] * (delta * n - atRisk[h]);
          }
        }
      }
      for (int g = 0; g < k; g++) {
        atRisk[g] -= counts[g][0] + counts[g][1];
      }
    }
    // the statistic over the first k-1 groups (the covariance of all k is singular)
    int m = k - 1;
    double[][] v = new double[m][m];
    double[] u = new double[m];
    for (int g = 0; g < m; g++) {
      u[g] = observedMinusExpected[g];
      System.arraycopy(covariance[g], 0, v[g], 0, m);
    }
    double[] solved = solve(v, u);
    if (solved == null) {
      return null;
    }
    double chi = 0;
    for (int g = 0; g < m; g++) {
      chi += u[g] * solved[g];
    }
    int df = present - 1;
    return new LogRank(chi, df, chiSquareSurvival(chi, df));
  }

  /** Solves v x = u by Gaussian elimination with partial pivoting; null when v is singular. */
  private static double[] solve(double[][] v, double[] u) {
    int m = u.length;
    double[][] a = new double[m][m + 1];
    for (int i = 0; i < m; i++) {
      System.arraycopy(v[i], 0, a[i], 0, m);
      a[i][m] = u[i];
    }
    for (int col = 0; col < m; col++) {
      int pivot = col;
      for (int r = col + 1; r < m; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
          pivot = r;
        }
      }
      if (Math.abs(a[pivot][col]) < 1e-12) {
        return null;
      }
      double[] swap = a[col];
      a[col] = a[pivot];
      a[pivot] = swap;
      for (int r = 0; r < m; r++) {
        if (r != col) {
          double f = a[r][col] / a[col][col];
          for (int c = col; c <= m; c++) {
            a[r][c] -= f * a[col][c];
          }
        }
      }
    }
    double[] x = new double[m];
    for (int i = 0; i < m; i++) {
      x[i] = a[i][m] / a[i][i];
    }
    return x;
  }

  /** P(X >= x) for a chi-square with df degrees of freedom: the regularized upper gamma Q. */
  static double chiSquareSurvival(double x, int df) {
    if (x <= 0) {
      return 1;
    }
    return upperGamma(df / 2.0, x / 2.0);
  }

  // Numerical Recipes' gammq: series below a+1, continued fraction above.
  private static double upperGamma(double a, double x) {
    double lnGammaA = logGamma(a);
    if (x < a + 1) {
      double sum = 1 / a;
      double term = sum;
      for (int n = 1; n < 500; n++) {
        term *= x / (a + n);
        sum += term;
        if (Math.abs(term) < Math.abs(sum) * 1e-15) {
          break;
        }
      }
      return 1 - sum * Math.exp(-x + a * Math.log(x) - lnGammaA);
    }
    double b = x + 1 - a;
    double c = 1 / 1e-300;
    double d = 1 / b;
    double h = d;
    for (int i = 1; i < 500; i++) {
      double an = -i * (i - a);
      b += 2;
      d = an * d + b;
      if (Math.abs(d) < 1e-300) {
        d = 1e-300;
      }
      c = b + an / c;
      if (Math.abs(c) < 1e-300) {
        c = 1e-300;
      }
      d = 1 / d;
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) < 1e-15) {
        break;
      }
    }
    return Math.exp(-x + a * Math.log(x) - lnGammaA) * h;
  }

  // Lanczos approximation (g = 7, n = 9), accurate to about 15 digits for a > 0.
  private static double logGamma(double a) {
    double[] coefficients = {
      0.99999999999980993,
      676.5203681218851,
      -1259.1392167224028,
      771.32342877765313,
      -176.61502916214059,
      12.507343278686905,
      -0.13857109526572012,
      9.9843695574905664e-6,
      1.5056327351493116e-7
    };
    if (a < 0.5) {
      return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * a))) - logGamma(1 - a);
    }
    double x = coefficients[0];
    double shifted = a - 1;
    for (int i = 1; i < 9; i++) {
      x += coefficients[i] / (shifted + i);
    }
    double t = shifted + 7.5;
    return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(t) - t + Math.log(x);
  }
}
