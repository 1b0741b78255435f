package org.bridgeway.referrals.lifecycle;

import org.bridgeway.referrals.ReferralState;
import org.bridgeway.shared.web.DomainRuleViolation;

/**
 * A transition the referral's state does not allow (accepting a withdrawn referral, sending one
 * twice). The API answers 422 naming the current state.
 */
public class ReferralTransitionRejected extends DomainRuleViolation {

  public static final String CODE = "referrals.transition.illegal";

  private final String action;
  private final ReferralState state;

  public ReferralTransitionRejected(String action, ReferralState state) {
    super(
        null,
        CODE,
        "A referral that is " + state + " cannot be " + action + "; it is " + state + " now.");
    this.action = action;
    this.state = state;
  }

  /** What was attempted, as a past participle ("accepted", "sent"). */
  public String action() {
    return action;
  }

  public ReferralState state() {
    return state;
  }
}
