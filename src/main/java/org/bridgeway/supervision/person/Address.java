package org.bridgeway.supervision.person;

import java.time.LocalDate;

/**
 * Where a person lives or lived, from one date to another; an address without an end date is the
 * current one.
 */
public record Address(
    String line1,
    String line2,
    String city,
    String state,
    String postalCode,
    LocalDate validFrom,
    LocalDate validTo) {

  public boolean isCurrent() {
    return validTo == null;
  }
}
