package org.bridgeway.care.episode;

import java.util.List;
import org.bridgeway.shared.web.FieldViolation;

/**
 * A care request that breaks a rule a request shape cannot express (a report dated in the future or
 * outside its episode, an unknown provider): one violation per field at fault. Nothing was written.
 */
public class CareInputRejected extends RuntimeException {

  private final List<FieldViolation> violations;

  public CareInputRejected(List<FieldViolation> violations) {
    super("The care request was rejected: " + violations);
    this.violations = List.copyOf(violations);
  }

  public List<FieldViolation> violations() {
    return violations;
  }
}
