package org.bridgeway.consent.directive;

import java.io.Serializable;
import java.util.UUID;
import org.bridgeway.shared.Identifier;

/** Identifies an agency's consent template. */
public record TemplateId(UUID value) implements Identifier, Serializable {

  public static TemplateId random() {
    return new TemplateId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
