package org.bridgeway.outcomes.event;

/**
 * The person already has this event: the same kind on the same day (with the same offense category
 * or housing status), whoever recorded it. The API answers 409.
 */
public class DuplicateOutcomeEvent extends RuntimeException {

  public DuplicateOutcomeEvent(String message) {
    super(message);
  }
}
