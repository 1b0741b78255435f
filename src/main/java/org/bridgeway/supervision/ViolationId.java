package org.bridgeway.supervision;

import java.io.Serializable;
import java.util.UUID;
import org.bridgeway.shared.Identifier;

/** Identifies a violation of the terms of supervision. */
public record ViolationId(UUID value) implements Identifier, Serializable {

  public static ViolationId random() {
    return new ViolationId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
