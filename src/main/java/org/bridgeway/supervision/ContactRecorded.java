package org.bridgeway.supervision;

import java.time.Instant;

/**
 * A contact with a person on supervision was recorded with its outcome. Codes only, no notes: a
 * listener that needs more reads it through the module's API.
 *
 * @param kind the contact kind: OFFICE, HOME, FIELD, PHONE, VIDEO or COLLATERAL
 * @param outcome COMPLETED, ATTEMPTED_NOT_FOUND, NO_SHOW, CANCELLED or RESCHEDULED
 */
public record ContactRecorded(
    ContactId contact,
    CaseId supervisionCase,
    PersonId person,
    String kind,
    String outcome,
    Instant happenedAt) {}
