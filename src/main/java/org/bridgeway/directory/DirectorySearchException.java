package org.bridgeway.directory;

import java.util.List;
import org.bridgeway.shared.web.FieldViolation;

/**
 * A search that cannot run as asked: each violation names the field (as the search API's parameter
 * is named) and the rule it breaks. Nothing about the directory is revealed.
 */
public class DirectorySearchException extends RuntimeException {

  private final transient List<FieldViolation> violations;

  public DirectorySearchException(List<FieldViolation> violations) {
    super("The search is not valid: " + violations);
    this.violations = List.copyOf(violations);
  }

  public List<FieldViolation> violations() {
    return violations;
  }
}
