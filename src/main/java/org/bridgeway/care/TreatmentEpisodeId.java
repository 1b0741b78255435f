package org.bridgeway.care;

import java.io.Serializable;
import java.util.UUID;
import org.bridgeway.shared.Identifier;

/** Identifies a person's treatment episode at a treatment provider. */
public record TreatmentEpisodeId(UUID value) implements Identifier, Serializable {

  public static TreatmentEpisodeId random() {
    return new TreatmentEpisodeId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
