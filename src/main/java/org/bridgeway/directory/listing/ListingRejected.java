package org.bridgeway.directory.listing;

import java.util.List;
import org.bridgeway.shared.web.FieldViolation;

/**
 * An edit of a listing that breaks the directory's rules: one violation per field at fault (an age
 * above 120, a minimum above the maximum, an email HSDS would not accept). Nothing was written.
 */
public class ListingRejected extends RuntimeException {

  private final List<FieldViolation> violations;

  public ListingRejected(List<FieldViolation> violations) {
    super("The listing edit was rejected: " + violations);
    this.violations = List.copyOf(violations);
  }

  public List<FieldViolation> violations() {
    return violations;
  }
}
