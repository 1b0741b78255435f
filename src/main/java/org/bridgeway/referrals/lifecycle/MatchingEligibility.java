package org.bridgeway.referrals.lifecycle;

import org.bridgeway.directory.ServiceCandidates;
import org.bridgeway.directory.ServiceId;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.matching.Reason;
import org.bridgeway.matching.Recommendations;
import org.bridgeway.supervision.PersonId;
import org.springframework.stereotype.Component;

/**
 * Eligibility as the matching module decides it. The failed rules are matching's codes without
 * their {@code excluded.} prefix ({@code ageBelow}, {@code offense}, {@code residence}...): codes
 * only, so that they can be audited; the values behind them (the person's age, say) stay on the
 * recommendations page.
 */
@Component
class MatchingEligibility implements EligibilityCheck {

  private static final String EXCLUDED = "excluded.";

  private final Recommendations recommendations;
  private final ServiceCandidates candidates;

  MatchingEligibility(Recommendations recommendations, ServiceCandidates candidates) {
    this.recommendations = recommendations;
    this.candidates = candidates;
  }

  @Override
  public Verdict check(BridgewayPrincipal viewer, PersonId person, ServiceId service) {
    // A service matching does not list states no rule to fail (the referral has checked that it is
    // active and on the platform). Asked first, because matching's not-found would roll back the
    // caller's transaction.
    if (candidates.find(service).isEmpty()) {
      return Verdict.allowed();
    }
    return new Verdict(
        recommendations.eligibility(viewer, person, service).failedRules().stream()
            .map(Reason::code)
            .map(code -> code.startsWith(EXCLUDED) ? code.substring(EXCLUDED.length()) : code)
            .toList());
  }
}
