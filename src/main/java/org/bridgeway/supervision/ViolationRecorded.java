package org.bridgeway.supervision;

import java.time.LocalDate;

/**
 * A violation of the terms of supervision was recorded on a case.
 *
 * @param condition the condition it relates to, or null
 * @param kind TECHNICAL, NEW_OFFENSE, ABSCONDING or OTHER
 * @param severity LOW, MODERATE or HIGH
 */
public record ViolationRecorded(
    ViolationId violation,
    CaseId supervisionCase,
    PersonId person,
    ConditionId condition,
    String kind,
    String severity,
    LocalDate occurredOn) {}
