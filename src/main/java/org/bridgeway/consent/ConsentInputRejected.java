package org.bridgeway.consent;

import java.util.List;
import org.bridgeway.shared.web.FieldViolation;

/**
 * A consent request that breaks a rule the request's shape cannot express (a missing element of a
 * directive, an expiry before the signature, an unknown recipient): one violation per field at
 * fault. Nothing was written. The API answers 400 with the fields named.
 */
public class ConsentInputRejected extends RuntimeException {

  private final List<FieldViolation> violations;

  public ConsentInputRejected(List<FieldViolation> violations) {
    super("The consent request was rejected: " + violations);
    this.violations = List.copyOf(violations);
  }

  public static ConsentInputRejected of(String field, String code, String message) {
    return new ConsentInputRejected(List.of(new FieldViolation(field, code, message)));
  }

  public List<FieldViolation> violations() {
    return violations;
  }
}
