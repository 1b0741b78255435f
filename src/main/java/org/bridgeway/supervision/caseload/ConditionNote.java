package org.bridgeway.supervision.caseload;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A dated note on a condition.
 *
 * @param notedOn the day the note is about
 * @param writtenBy actor reference of the writer
 */
@Table("supervision_condition_note")
public record ConditionNote(LocalDate notedOn, String text, String writtenBy, Instant writtenAt) {}
