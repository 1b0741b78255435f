package org.bridgeway.consent;

import java.io.Serializable;
import java.util.UUID;
import org.bridgeway.shared.Identifier;

/** Identifies a consent directive. */
public record ConsentDirectiveId(UUID value) implements Identifier, Serializable {

  public static ConsentDirectiveId random() {
    return new ConsentDirectiveId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
