package org.bridgeway.care;

import java.io.Serializable;
import java.util.UUID;
import org.bridgeway.shared.Identifier;

/** Identifies a report a treatment provider posted on a treatment episode. */
public record ProviderReportId(UUID value) implements Identifier, Serializable {

  public static ProviderReportId random() {
    return new ProviderReportId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
