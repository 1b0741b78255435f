package org.bridgeway.outcomes.statistics;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks shared by the matchings. */
final class Units {

  private Units() {}

  static void requireUniqueIds(List<MatchUnit> units) {
    Set<String> seen = new HashSet<>();
    for (MatchUnit unit : units) {
      if (!seen.add(unit.id())) {
        throw new IllegalArgumentException("match unit ids must be unique; repeated: " + unit.id());
      }
    }
  }
}
