package org.bridgeway.supervision.caseload;

import java.time.Instant;
import org.bridgeway.identity.UserId;
import org.bridgeway.supervision.office.OfficeId;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One assignment of a case to an officer of an office: the first one when the case was opened, then
 * one per transfer. Where a transfer came from is the assignment before it.
 *
 * @param assignedBy actor reference ({@code user:<uuid>}, {@code token:<uuid>}) of who assigned
 * @param reason why it was transferred; null for the first assignment
 */
@Table("supervision_case_assignment")
public record Assignment(
    UserId officerId, OfficeId officeId, Instant assignedAt, String assignedBy, String reason) {}
