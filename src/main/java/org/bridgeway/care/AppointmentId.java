package org.bridgeway.care;

import java.io.Serializable;
import java.util.UUID;
import org.bridgeway.shared.Identifier;

/** Identifies an appointment of a treatment episode (intake, individual or group session). */
public record AppointmentId(UUID value) implements Identifier, Serializable {

  public static AppointmentId random() {
    return new AppointmentId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
