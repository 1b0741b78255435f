package org.bridgeway.consent.engine;

import java.time.LocalDate;
import java.util.Optional;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.supervision.PersonId;

/**
 * What a decision needs to know beyond the directives, asked only when a directive makes it matter:
 * whether the recipient monitors the person, when expiry events happened, which organizations are
 * Part 2 programs, and whether the recipient holds a medical-emergency grant.
 */
public interface DecisionFacts {

  /** Whether the recipient sees the person by the caseload rule (the monitoring class). */
  boolean recipientSees(PersonId person);

  Optional<LocalDate> supervisionEndedOn(PersonId person);

  Optional<LocalDate> treatmentEndedOn(PersonId person, OrganizationId program);

  boolean isPart2Program(OrganizationId organization);

  /** Whether a medical-emergency grant of the recipient for the person is in force now. */
  boolean emergencyGrantInForce(PersonId person);
}
