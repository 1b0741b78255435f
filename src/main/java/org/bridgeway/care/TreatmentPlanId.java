package org.bridgeway.care;

import java.io.Serializable;
import java.util.UUID;
import org.bridgeway.shared.Identifier;

/** Identifies one revision of the treatment plan of a treatment episode. */
public record TreatmentPlanId(UUID value) implements Identifier, Serializable {

  public static TreatmentPlanId random() {
    return new TreatmentPlanId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
