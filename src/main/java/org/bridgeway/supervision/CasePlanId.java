package org.bridgeway.supervision;

import java.io.Serializable;
import java.util.UUID;
import org.bridgeway.shared.Identifier;

/** Identifies the case plan of a supervision case. */
public record CasePlanId(UUID value) implements Identifier, Serializable {

  public static CasePlanId random() {
    return new CasePlanId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
