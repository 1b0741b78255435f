package org.bridgeway.shared.web;

/**
 * A request that is well-formed but breaks a business rule (an email already in use, a role the
 * caller may not grant). Pages show the message beside the named field; the API answers 422 with
 * the field in its problem details.
 */
public class DomainRuleViolation extends RuntimeException {

  private final String field;
  private final String code;

  /**
   * @param field the form or JSON field at fault, or null if the whole request is
   * @param code a message key, also the machine-readable code in API problems
   * @param message the English message, used where no message bundle is at hand
   */
  public DomainRuleViolation(String field, String code, String message) {
    super(message);
    this.field = field;
    this.code = code;
  }

  public String field() {
    return field;
  }

  public String code() {
    return code;
  }
}
