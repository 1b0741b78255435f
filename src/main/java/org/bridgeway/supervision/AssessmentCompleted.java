package org.bridgeway.supervision;

import java.time.LocalDate;
import org.bridgeway.identity.OrganizationId;

/**
 * A needs assessment of a person was recorded: completed with an agency instrument or imported from
 * an external one. Published in the recording transaction; listeners run after commit.
 *
 * @param external whether the results were imported from an external instrument
 */
public record AssessmentCompleted(
    AssessmentId assessment,
    PersonId person,
    OrganizationId agency,
    LocalDate assessedOn,
    RiskLevel riskLevel,
    boolean external) {}
