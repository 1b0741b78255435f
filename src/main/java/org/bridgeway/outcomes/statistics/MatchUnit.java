package org.bridgeway.outcomes.statistics;

import java.util.Arrays;
import java.util.Objects;

/**
 * One person offered to a matching: a participant ({@code treated}) or a candidate for the
 * comparison group.
 *
 * @param id a unique identifier, returned in {@link MatchResult#weights()}
 * @param treated whether the person took part in the program
 * @param stratum the already-coarsened key for coarsened exact matching (e.g. "HIGH|25-34|M|2024");
 *     may be null when only propensity scores are used
 * @param covariates the covariates for the propensity score model; all units must have the same
 *     number, all finite
 */
public record MatchUnit(String id, boolean treated, String stratum, double[] covariates) {

  public MatchUnit {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a match unit needs an id");
    }
    covariates = covariates == null ? new double[0] : covariates.clone();
    for (double value : covariates) {
      Confidence.requireFinite(value, "a covariate of unit " + id);
    }
  }

  @Override
  public double[] covariates() {
    return covariates.clone();
  }

  double covariate(int index) {
    return covariates[index];
  }

  int covariateCount() {
    return covariates.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MatchUnit that
        && id.equals(that.id)
        && treated == that.treated
        && Objects.equals(stratum, that.stratum)
        && Arrays.equals(covariates, that.covariates);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, treated, stratum, Arrays.hashCode(covariates));
  }

  @Override
  public String toString() {
    return "MatchUnit[id="
        + id
        + ", treated="
        + treated
        + ", stratum="
        + stratum
        + ", covariates="
        + Arrays.toString(covariates)
        + "]";
  }
}
