package org.bridgeway.supervision;

import java.time.LocalDate;
import org.bridgeway.identity.OrganizationId;

/**
 * A supervision case was closed. Published in the closing transaction; listeners run after commit
 * (outcomes ends the follow-up period and derives the closure, revocation or absconding).
 *
 * @param reason SUCCESSFUL_COMPLETION, EARLY_DISCHARGE, REVOCATION, ABSCONDING, DEATH or
 *     TRANSFER_OUT
 */
public record SupervisionCaseClosed(
    CaseId supervisionCase,
    PersonId person,
    OrganizationId agency,
    LocalDate closedOn,
    String reason) {}
