package org.bridgeway.matching;

import java.util.List;
import org.bridgeway.shared.web.FieldViolation;

/** A matching request or weights change that breaks a rule: each violation names its field. */
public class MatchingInputRejected extends RuntimeException {

  private final transient List<FieldViolation> violations;

  public MatchingInputRejected(List<FieldViolation> violations) {
    super("The request is not valid: " + violations);
    this.violations = List.copyOf(violations);
  }

  public List<FieldViolation> violations() {
    return violations;
  }
}
