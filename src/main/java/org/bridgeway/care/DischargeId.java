package org.bridgeway.care;

import java.io.Serializable;
import java.util.UUID;
import org.bridgeway.shared.Identifier;

/** Identifies the discharge summary that ended a treatment episode. */
public record DischargeId(UUID value) implements Identifier, Serializable {

  public static DischargeId random() {
    return new DischargeId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
