package org.bridgeway.outcomes.statistics;

/** Binary logistic regression by maximum likelihood, for propensity scores. */
public final class LogisticRegression {

  private LogisticRegression() {}

  /**
   * Ridge penalty on the standardized scale, small enough to leave ordinary fits unchanged to about
   * 1e-6 and large enough to keep the estimates finite under complete separation.
   */
  static final double RIDGE = 1e-6;

  static final int MAX_ITERATIONS = 200;
  static final double TOLERANCE = 1e-10;

  /**
   * Fits {@code P(y = 1 | x) = 1 / (1 + exp(-(b0 + b1 x1 + ... + bp xp)))} by Newton-Raphson, which
   * for the logistic model is iteratively reweighted least squares (McCullagh and Nelder,
   * Generalized Linear Models, section 4.4; Hastie, Tibshirani and Friedman, The Elements of
   * Statistical Learning, section 4.4.1):
   *
   * <pre>
   *   b <- b + (X' W X + lambda I)^-1 (X' (y - p) - lambda b),   W = diag(p (1 - p))
   * </pre>
   *
   * <ul>
   *   <li>The intercept is added internally and is {@code coefficients[0]}; the covariates follow
   *       in their order. Covariates are centred and scaled before fitting and the coefficients
   *       mapped back, so the ridge {@code lambda = 1e-6} treats them alike whatever their units.
   *   <li>The small ridge keeps the estimate finite when the classes are completely separated or
   *       all {@code y} are equal (the unpenalized maximum likelihood then lies at infinity); the
   *       fitted probabilities then approach 0 and 1 as they should.
   *   <li>Each step is halved until the penalized log-likelihood does not fall, so the iteration
   *       cannot oscillate; it stops when no coefficient moves by more than 1e-10 (on the
   *       standardized scale) or after 200 iterations.
   *   <li>A covariate that is constant gets coefficient 0.
   * </ul>
   *
   * @param x one row per unit, each with the same number of finite covariates (possibly none)
   * @param y the outcomes, one per row
   * @return {@code p + 1} coefficients, intercept first
   */
  public static double[] fit(double[][] x, boolean[] y) {
    int n = x.length;
    if (n == 0 || y.length != n) {
      throw new IllegalArgumentException(
          "logistic regression needs one outcome per row and at least one row; got "
              + n
              + " rows and "
              + y.length
              + " outcomes");
    }
    int p = x[0].length;
    double[] mean = new double[p];
    double[] scale = new double[p];
    for (double[] row : x) {
      if (row.length != p) {
        throw new IllegalArgumentException("every row needs " + p + " covariates");
      }
      for (int j = 0; j < p; j++) {
        mean[j] += Confidence.requireFinite(row[j], "a covariate") / n;
      }
    }
    for (double[] row : x) {
      for (int j = 0; j < p; j++) {
        scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
      }
    }
    for (int j = 0; j < p; j++) {
      scale[j] = scale[j] > 0 ? Math.sqrt(scale[j]) : 0;
    }
    int k = p + 1;
    double[][] design = new double[n][k];
    for (int i = 0; i < n; i++) {
      design[i][0] = 1;
      for (int j = 0; j < p; j++) {
        design[i][j + 1] = scale[j] > 0 ? (x[i][j] - mean[j]) / scale[j] : 0;
      }
    }
    double[] gamma = new double[k];
    double objective = penalizedLogLikelihood(design, y, gamma);
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double[] gradient = new double[k];
      double[][] hessian = new double[k][k];
      for (int i = 0; i < n; i++) {
        double eta = dot(design[i], gamma);
        double prob = sigmoid(eta);
        double weight = prob * (1 - prob);
        double residual = (y[i] ? 1 : 0) - prob;
        for (int a = 0; a < k; a++) {
          gradient[a] += design[i][a] * residual;
          for (int b = 0; b <= a; b++) {
            hessian[a][b] += weight * design[i][a] * design[i][b];
          }
        }
      }
      for (int a = 0; a < k; a++) {
        gradient[a] -= RIDGE * gamma[a];
        hessian[a][a] += RIDGE;
        for (int b = 0; b < a; b++) {
          hessian[b][a] = hessian[a][b];
        }
      }
      double[] step = solveSymmetricPositiveDefinite(hessian, gradient);
      double factor = 1;
      double[] candidate = new double[k];
      double candidateObjective;
      do {
        for (int a = 0; a < k; a++) {
          candidate[a] = gamma[a] + factor * step[a];
        }
        candidateObjective = penalizedLogLikelihood(design, y, candidate);
        factor /= 2;
      } while (candidateObjective < objective && factor > 1e-12);
      double largestMove = 0;
      for (int a = 0; a < k; a++) {
        largestMove = Math.max(largestMove, Math.abs(candidate[a] - gamma[a]));
      }
      if (candidateObjective >= objective) {
        gamma = candidate.clone();
        objective = candidateObjective;
      }
      if (largestMove < TOLERANCE || candidateObjective < objective) {
        break;
      }
    }
    double[] coefficients = new double[k];
    coefficients[0] = gamma[0];
    for (int j = 0; j < p; j++) {
      if (scale[j] > 0) {
        coefficients[j + 1] = gamma[j + 1] / scale[j];
        coefficients[0] -= gamma[j + 1] * mean[j] / scale[j];
      }
    }
    return coefficients;
  }

  /** {@code 1 / (1 + exp(-(coefficients[0] + sum coefficients[j+1] x[j])))}. */
  public static double predict(double[] coefficients, double[] x) {
    return sigmoid(linearPredictor(coefficients, x));
  }

  /** {@code coefficients[0] + sum coefficients[j+1] x[j]}: the logit of the prediction. */
  public static double linearPredictor(double[] coefficients, double[] x) {
    if (coefficients.length != x.length + 1) {
      throw new IllegalArgumentException(
          "expected "
              + (coefficients.length - 1)
              + " covariates for these coefficients; got "
              + x.length);
    }
    double eta = coefficients[0];
    for (int j = 0; j < x.length; j++) {
      eta += coefficients[j + 1] * x[j];
    }
    return eta;
  }

  static double sigmoid(double eta) {
    if (eta >= 0) {
      return 1 / (1 + Math.exp(-eta));
    }
    double e = Math.exp(eta);
    return e / (1 + e);
  }

  /** {@code sum (y eta - log(1 + e^eta)) - lambda/2 |gamma|^2}, with log(1 + e^eta) kept stable. */
  private static double penalizedLogLikelihood(double[][] design, boolean[] y, double[] gamma) {
    double sum = 0;
    for (int i = 0; i < design.length; i++) {
      double eta = dot(design[i], gamma);
      double softplus = eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
      sum += (y[i] ? eta : 0) - softplus;
    }
    return sum - RIDGE / 2 * dot(gamma, gamma);
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  /** Cholesky solve; the ridge keeps the matrix positive definite. */
  private static double[] solveSymmetricPositiveDefinite(double[][] matrix, double[] rhs) {
    int k = rhs.length;
    double[][] lower = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = matrix[i][j];
        for (int s = 0; s < j; s++) {
          sum -= lower[i][s] * lower[j][s];
        }
        if (i == j) {
          lower[i][i] = Math.sqrt(Math.max(sum, RIDGE));
        } else {
          lower[i][j] = sum / lower[j][j];
        }
      }
    }
    double[] z = new double[k];
    for (int i = 0; i < k; i++) {
      double sum = rhs[i];
      for (int s = 0; s < i; s++) {
        sum -= lower[i][s] * z[s];
      }
      z[i] = sum / lower[i][i];
    }
    double[] solution = new double[k];
    for (int i = k - 1; i >= 0; i--) {
      double sum = z[i];
      for (int s = i + 1; s < k; s++) {
        sum -= lower[s][i] * solution[s];
      }
      solution[i] = sum / lower[i][i];
    }
    return solution;
  }
}
