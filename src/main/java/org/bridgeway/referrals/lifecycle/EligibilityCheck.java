package org.bridgeway.referrals.lifecycle;

import java.util.List;
import org.bridgeway.directory.ServiceId;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.supervision.PersonId;

/**
 * Whether a person is eligible for a service, asked before a referral is sent. An ineligible
 * verdict blocks the send (422 naming {@code service} and the failed rules) unless the referrer
 * gives a justification, which is kept on the referral, in its timeline and in the audit trail.
 *
 * <p>{@link MatchingEligibility} answers with the matching module's eligibility: the person's facts
 * against the service's structured eligibility.
 */
interface EligibilityCheck {

  /**
   * The verdict, with the rules the person fails (codes such as {@code age}); empty if eligible.
   */
  record Verdict(List<String> failedRules) {

    public Verdict {
      failedRules = List.copyOf(failedRules);
    }

    static Verdict allowed() {
      return new Verdict(List.of());
    }

    boolean eligible() {
      return failedRules.isEmpty();
    }
  }

  /** The verdict for a person the viewer sees (the caller has checked that). */
  Verdict check(BridgewayPrincipal viewer, PersonId person, ServiceId service);
}
