package org.bridgeway.outcomes.evidence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.outcomes.statistics.CoarsenedExactMatching;
import org.bridgeway.outcomes.statistics.MatchResult;
import org.bridgeway.outcomes.statistics.MatchUnit;
import org.bridgeway.outcomes.statistics.PropensityScoreMatching;

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
   * Coarsened exact matching (Iacus, King and Porro 2012) by the statistics library: a stratum is
   * one combination of the coarsened covariates; strata without both a participant and a comparison
   * person are dropped; participants weigh 1, a comparison person in stratum s weighs (m_T,s /
   * m_C,s) · (m_C / m_T), so the comparison group takes the participants' mix of strata.
   */
  static List<Weighted> coarsenedExact(List<Unit> units) {
    return weighted(units, CoarsenedExactMatching.match(matchUnits(units)));
  }

  /**
   * Propensity-score matching by the statistics library: a logistic regression of participation on
   * the covariates (one indicator per value but the first seen of each covariate), then 1:1
   * nearest-neighbour matching on the logit without replacement, highest score first, within a
   * caliper of {@code caliper} standard deviations of the logit (Austin 2011 recommends 0.2).
   */
  static List<Weighted> propensity(List<Unit> units, double caliper) {
    return weighted(units, PropensityScoreMatching.match(matchUnits(units), caliper));
  }

  /** The units as the library takes them: the stratum, and the covariates as indicators. */
  private static List<MatchUnit> matchUnits(List<Unit> units) {
    // The first value seen of each covariate is its reference level and has no indicator, so that
    // the indicators of a covariate do not sum to the intercept.
    Map<String, String> reference = new LinkedHashMap<>();
    Map<String, Integer> columns = new LinkedHashMap<>();
    for (Unit unit : units) {
      for (var covariate : unit.covariates().entrySet()) {
        if (reference.putIfAbsent(covariate.getKey(), covariate.getValue()) != null
            && !reference.get(covariate.getKey()).equals(covariate.getValue())) {
          columns.putIfAbsent(covariate.getKey() + "=" + covariate.getValue(), columns.size());
        }
      }
    }
    List<MatchUnit> result = new ArrayList<>(units.size());
    for (Unit unit : units) {
      double[] x = new double[columns.size()];
      for (var covariate : unit.covariates().entrySet()) {
        Integer column = columns.get(covariate.getKey() + "=" + covariate.getValue());
        if (column != null) {
          x[column] = 1;
        }
      }
      result.add(new MatchUnit(unit.id().toString(), unit.treated(), unit.stratum(), x));
    }
    return result;
  }

  private static List<Weighted> weighted(List<Unit> units, MatchResult matched) {
    List<Weighted> result = new ArrayList<>(units.size());
    for (Unit unit : units) {
      result.add(new Weighted(unit, matched.weightOf(unit.id().toString())));
    }
    return result;
  }
}
