package org.bridgeway.identity;

import java.io.Serializable;
import java.util.UUID;
import org.bridgeway.shared.Identifier;

/** Identifies a member organization of the network. */
public record OrganizationId(UUID value) implements Identifier, Serializable {

  public static OrganizationId random() {
    return new OrganizationId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
