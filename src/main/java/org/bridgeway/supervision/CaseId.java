package org.bridgeway.supervision;

import java.io.Serializable;
import java.util.UUID;
import org.bridgeway.shared.Identifier;

/** Identifies a supervision case. */
public record CaseId(UUID value) implements Identifier, Serializable {

  public static CaseId random() {
    return new CaseId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
