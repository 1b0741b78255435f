package org.bridgeway.supervision.assessment;

import java.util.UUID;

/** Identifies one version of an assessment instrument. */
public record InstrumentId(UUID value) {

  public static InstrumentId random() {
    return new InstrumentId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
