package org.bridgeway.care.transition;

import java.io.Serializable;
import java.util.UUID;
import org.bridgeway.shared.Identifier;

/** Identifies a transition of care. */
public record TransitionId(UUID value) implements Identifier, Serializable {

  public static TransitionId random() {
    return new TransitionId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
