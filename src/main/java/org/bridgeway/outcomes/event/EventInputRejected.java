package org.bridgeway.outcomes.event;

import java.util.List;
import org.bridgeway.shared.web.FieldViolation;

/**
 * An outcome event that breaks the rules a request shape cannot express (a date in the future,
 * before the person's birth, an offense category on an employment event): one violation per field
 * at fault. Nothing was written; the API answers 400 naming the fields.
 */
public class EventInputRejected extends RuntimeException {

  private final List<FieldViolation> violations;

  public EventInputRejected(List<FieldViolation> violations) {
    super("The outcome event was rejected: " + violations);
    this.violations = List.copyOf(violations);
  }

  public List<FieldViolation> violations() {
    return violations;
  }
}
