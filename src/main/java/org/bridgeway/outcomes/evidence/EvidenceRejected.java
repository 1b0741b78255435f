package org.bridgeway.outcomes.evidence;

import org.bridgeway.shared.web.FieldViolation;

/**
 * A request for evidence that cannot be answered, naming the parameter at fault: an unknown program
 * or instrument, years outside 1 to 3, a reversed period, or a group too small to compare. Pages
 * show it beside the field; the API answers 400 with the field in its problem details.
 */
public class EvidenceRejected extends RuntimeException {

  private final transient FieldViolation violation;

  public EvidenceRejected(String field, String code, String message) {
    super(field + " " + message);
    this.violation = new FieldViolation(field, code, message);
  }

  public FieldViolation violation() {
    return violation;
  }
}
