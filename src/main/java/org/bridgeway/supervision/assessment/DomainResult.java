package org.bridgeway.supervision.assessment;

import java.util.Objects;
import org.bridgeway.supervision.NeedSeverity;

/**
 * The result of an assessment in one need domain.
 *
 * @param score the points, when scored by Bridgeway or given by the external instrument; may be
 *     null
 */
public record DomainResult(NeedSeverity severity, Integer score) {

  public DomainResult {
    Objects.requireNonNull(severity, "severity");
  }
}
