package org.bridgeway.referrals.lifecycle;

import java.util.List;
import org.bridgeway.shared.web.FieldViolation;

/**
 * A referral request that breaks a rule its shape cannot express (a service not on the platform, a
 * caseworker of another organization, an attachment of the wrong type): one violation per field at
 * fault. Nothing was written. The API answers 400 with the fields named.
 */
public class ReferralInputRejected extends RuntimeException {

  private final List<FieldViolation> violations;

  public ReferralInputRejected(List<FieldViolation> violations) {
    super("The referral request was rejected: " + violations);
    this.violations = List.copyOf(violations);
  }

  public static ReferralInputRejected of(String field, String code, String message) {
    return new ReferralInputRejected(List.of(new FieldViolation(field, code, message)));
  }

  public List<FieldViolation> violations() {
    return violations;
  }
}
