package org.bridgeway.supervision;

import java.util.List;
import org.bridgeway.shared.web.FieldViolation;

/**
 * A request about a person, case or condition that breaks the supervision rules a request shape
 * cannot express (a birth date in the future, an expected end before the start, an identifier
 * another person of the agency already has): one violation per field at fault. Nothing was written.
 * The API answers 400 with the fields named.
 */
public class SupervisionInputRejected extends RuntimeException {

  private final List<FieldViolation> violations;

  public SupervisionInputRejected(List<FieldViolation> violations) {
    super("The supervision request was rejected: " + violations);
    this.violations = List.copyOf(violations);
  }

  public static SupervisionInputRejected of(String field, String code, String message) {
    return new SupervisionInputRejected(List.of(new FieldViolation(field, code, message)));
  }

  public List<FieldViolation> violations() {
    return violations;
  }
}
