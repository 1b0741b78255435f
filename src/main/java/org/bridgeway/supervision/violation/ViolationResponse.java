package org.bridgeway.supervision.violation;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A sanction given in response to a violation.
 *
 * @param withinRange whether the sanction was within the suggested range when it was chosen
 * @param reason why a sanction outside the range was chosen; null within it
 */
@Table("supervision_violation_response")
public record ViolationResponse(
    Sanction sanction,
    LocalDate respondedOn,
    String note,
    boolean withinRange,
    String reason,
    String recordedBy,
    Instant recordedAt) {}
