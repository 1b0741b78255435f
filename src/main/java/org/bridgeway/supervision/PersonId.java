package org.bridgeway.supervision;

import java.io.Serializable;
import java.util.UUID;
import org.bridgeway.shared.Identifier;

/** Identifies a person on supervision. */
public record PersonId(UUID value) implements Identifier, Serializable {

  public static PersonId random() {
    return new PersonId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
