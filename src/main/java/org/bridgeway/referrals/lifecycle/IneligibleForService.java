package org.bridgeway.referrals.lifecycle;

import java.util.List;
import org.bridgeway.shared.web.DomainRuleViolation;

/**
 * The eligibility check found the person ineligible for the service and no justification was given.
 * The API answers 422 naming field {@code service} and the failed rules.
 */
public class IneligibleForService extends DomainRuleViolation {

  public static final String CODE = "referrals.service.ineligible";

  private final List<String> failedRules;

  public IneligibleForService(List<String> failedRules) {
    super(
        "service",
        CODE,
        "The person is not eligible for the service ("
            + String.join(", ", failedRules)
            + "); give a justification to send it anyway.");
    this.failedRules = List.copyOf(failedRules);
  }

  public List<String> failedRules() {
    return failedRules;
  }
}
