package org.bridgeway.supervision.assessment;

import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.supervision.NeedSeverity;

/**
 * How one need domain changed between two assessments of a person.
 *
 * @param before the severity in the earlier assessment, null if it did not cover the domain
 * @param after the severity in the later assessment, null if it did not cover the domain
 */
public record DomainChange(
    NeedDomain domain, NeedSeverity before, NeedSeverity after, Trend trend) {

  /** Which way a need moved. */
  public enum Trend {
    IMPROVED,
    UNCHANGED,
    WORSENED,
    /** One of the two assessments did not cover the domain. */
    NOT_COMPARABLE;

    public String messageKey() {
      return "trend." + name();
    }
  }

  static DomainChange between(NeedDomain domain, NeedSeverity before, NeedSeverity after) {
    Trend trend;
    if (before == null || after == null) {
      trend = Trend.NOT_COMPARABLE;
    } else if (after.compareTo(before) < 0) {
      trend = Trend.IMPROVED;
    } else if (after.compareTo(before) > 0) {
      trend = Trend.WORSENED;
    } else {
      trend = Trend.UNCHANGED;
    }
    return new DomainChange(domain, before, after, trend);
  }
}
