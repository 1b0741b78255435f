package org.bridgeway.supervision;

import java.io.Serializable;
import java.util.UUID;
import org.bridgeway.shared.Identifier;

/** Identifies an assessment of a person's needs. */
public record AssessmentId(UUID value) implements Identifier, Serializable {

  public static AssessmentId random() {
    return new AssessmentId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
