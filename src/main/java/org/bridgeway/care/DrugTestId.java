package org.bridgeway.care;

import java.io.Serializable;
import java.util.UUID;
import org.bridgeway.shared.Identifier;

/** Identifies a drug or alcohol test of a person in a treatment episode. */
public record DrugTestId(UUID value) implements Identifier, Serializable {

  public static DrugTestId random() {
    return new DrugTestId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
