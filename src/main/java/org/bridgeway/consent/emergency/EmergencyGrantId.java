package org.bridgeway.consent.emergency;

import java.io.Serializable;
import java.util.UUID;
import org.bridgeway.shared.Identifier;

/** Identifies a medical-emergency (break-glass) grant. */
public record EmergencyGrantId(UUID value) implements Identifier, Serializable {

  public static EmergencyGrantId random() {
    return new EmergencyGrantId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
