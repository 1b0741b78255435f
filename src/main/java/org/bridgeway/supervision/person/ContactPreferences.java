package org.bridgeway.supervision.person;

import java.util.Objects;

/**
 * How a person may be reached: their phone and email, the method they prefer, and quiet hours.
 *
 * @param quietHours null for none
 */
public record ContactPreferences(
    String phone, String email, ContactMethod method, QuietHours quietHours) {

  public ContactPreferences {
    Objects.requireNonNull(method, "method");
  }
}
