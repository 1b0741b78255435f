package org.bridgeway.supervision;

import java.io.Serializable;
import java.util.UUID;
import org.bridgeway.shared.Identifier;

/** Identifies a condition of supervision on a case. */
public record ConditionId(UUID value) implements Identifier, Serializable {

  public static ConditionId random() {
    return new ConditionId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
