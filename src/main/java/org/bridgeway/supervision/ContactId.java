package org.bridgeway.supervision;

import java.io.Serializable;
import java.util.UUID;
import org.bridgeway.shared.Identifier;

/** Identifies a contact with a person on supervision. */
public record ContactId(UUID value) implements Identifier, Serializable {

  public static ContactId random() {
    return new ContactId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
