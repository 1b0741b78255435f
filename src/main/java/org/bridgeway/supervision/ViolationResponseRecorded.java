package org.bridgeway.supervision;

import java.time.LocalDate;

/**
 * A sanction was given in response to a violation.
 *
 * @param sanction the sanction code, such as WRITTEN_WARNING or JAIL_SANCTION
 * @param withinRange whether it was within the agency's suggested range (ADR 0011)
 */
public record ViolationResponseRecorded(
    ViolationId violation,
    CaseId supervisionCase,
    PersonId person,
    String sanction,
    LocalDate respondedOn,
    boolean withinRange) {}
