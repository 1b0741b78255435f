package org.bridgeway.supervision.caseload;

import java.util.List;

/** A case with its conditions, as it is read. */
public record CaseDetails(SupervisionCase supervisionCase, List<Condition> conditions) {

  public CaseDetails {
    conditions = List.copyOf(conditions);
  }
}
