package org.bridgeway.directory.listing;

import java.util.ArrayList;
import java.util.List;
import org.bridgeway.shared.web.FieldViolation;

/**
 * What a provider reports about a service's room now.
 *
 * @param estimatedWaitDays null when the provider gives no estimate
 */
public record CapacityFigures(int openSlots, int waitlistLength, Integer estimatedWaitDays) {

  /** More than any single program offers: a larger figure is a typing error. */
  public static final int MAX_COUNT = 100_000;

  /** Ten years. */
  public static final int MAX_WAIT_DAYS = 3_650;

  List<FieldViolation> violations() {
    List<FieldViolation> violations = new ArrayList<>();
    if (openSlots < 0 || openSlots > MAX_COUNT) {
      violations.add(
          new FieldViolation("openSlots", "range", "must be between 0 and " + MAX_COUNT));
    }
    if (waitlistLength < 0 || waitlistLength > MAX_COUNT) {
      violations.add(
          new FieldViolation("waitlistLength", "range", "must be between 0 and " + MAX_COUNT));
    }
    if (estimatedWaitDays != null && (estimatedWaitDays < 0 || estimatedWaitDays > MAX_WAIT_DAYS)) {
      violations.add(
          new FieldViolation(
              "estimatedWaitDays", "range", "must be between 0 and " + MAX_WAIT_DAYS));
    }
    return violations;
  }
}
