package org.bridgeway.care;

import java.io.Serializable;
import java.util.UUID;
import org.bridgeway.shared.Identifier;

/** Identifies a provider's progress report on a treatment episode. */
public record ProgressReportId(UUID value) implements Identifier, Serializable {

  public static ProgressReportId random() {
    return new ProgressReportId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
