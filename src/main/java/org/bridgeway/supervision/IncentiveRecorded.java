package org.bridgeway.supervision;

import java.time.LocalDate;

/**
 * An incentive was given to a person on a case.
 *
 * @param kind PRAISE, REDUCED_REPORTING, EARLY_DISCHARGE_RECOMMENDATION, CERTIFICATE or OTHER
 */
public record IncentiveRecorded(
    IncentiveId incentive,
    CaseId supervisionCase,
    PersonId person,
    String kind,
    LocalDate givenOn) {}
