package org.bridgeway.supervision;

import java.time.LocalDate;
import org.bridgeway.identity.OrganizationId;

/**
 * A supervision case was opened for a person. Published in the opening transaction; listeners run
 * after commit (outcomes starts a follow-up period from it). Ids and the start day only.
 */
public record SupervisionCaseOpened(
    CaseId supervisionCase, PersonId person, OrganizationId agency, LocalDate startDate) {}
