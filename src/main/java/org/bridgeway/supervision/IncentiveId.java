package org.bridgeway.supervision;

import java.io.Serializable;
import java.util.UUID;
import org.bridgeway.shared.Identifier;

/** Identifies an incentive given on a supervision case. */
public record IncentiveId(UUID value) implements Identifier, Serializable {

  public static IncentiveId random() {
    return new IncentiveId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
