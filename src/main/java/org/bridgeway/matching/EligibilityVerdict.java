package org.bridgeway.matching;

import java.util.List;
import org.bridgeway.directory.ServiceId;
import org.bridgeway.supervision.PersonId;

/**
 * Whether a person meets a service's eligibility rules, with every rule they fail (codes {@code
 * excluded.*} of {@link Reason}). Distance is not an eligibility rule. Facts the agency has not
 * recorded (such as insurance) fail no rule.
 */
public record EligibilityVerdict(PersonId person, ServiceId service, List<Reason> failedRules) {

  public EligibilityVerdict {
    failedRules = List.copyOf(failedRules);
  }

  public boolean eligible() {
    return failedRules.isEmpty();
  }
}
