package org.bridgeway.directory;

import java.io.Serializable;
import java.util.UUID;
import org.bridgeway.shared.Identifier;

/** Identifies a service of the directory: its HSDS service id. */
public record ServiceId(UUID value) implements Identifier, Serializable {

  @Override
  public String toString() {
    return value.toString();
  }
}
