package org.bridgeway.supervision.office;

import java.io.Serializable;
import java.util.UUID;
import org.bridgeway.shared.Identifier;

/** Identifies an office of a supervising agency. */
public record OfficeId(UUID value) implements Identifier, Serializable {

  public static OfficeId random() {
    return new OfficeId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
