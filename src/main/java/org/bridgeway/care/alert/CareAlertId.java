package org.bridgeway.care.alert;

import java.util.UUID;

/** Identifies an alert. */
public record CareAlertId(UUID value) {

  public static CareAlertId random() {
    return new CareAlertId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
