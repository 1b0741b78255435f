package org.bridgeway.supervision.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.shared.vocabulary.SupervisionType;
import org.bridgeway.supervision.caseload.Assignment;
import org.bridgeway.supervision.caseload.CaseStatus;
import org.bridgeway.supervision.caseload.ClosureReason;
import org.bridgeway.supervision.caseload.Condition;
import org.bridgeway.supervision.caseload.ConditionKind;
import org.bridgeway.supervision.caseload.ConditionStatus;
import org.bridgeway.supervision.caseload.Offense;
import org.bridgeway.supervision.caseload.SupervisionCase;

/**
 * A supervision case as the API answers it: terms, officer and office, assignments (oldest first,
 * each with its office), conditions.
 */
record CaseView(
    UUID id,
    long version,
    UUID personId,
    SupervisionType supervisionType,
    String court,
    String docketNumber,
    LocalDate startDate,
    LocalDate expectedEndDate,
    SupervisionLevel level,
    UUID officerId,
    UUID officeId,
    CaseStatus status,
    LocalDate closedOn,
    ClosureReason closureReason,
    List<Offense> offenses,
    List<AssignmentView> assignments,
    List<ConditionView> conditions) {

  record AssignmentView(UUID officerId, UUID officeId, Instant assignedAt, String reason) {
    static AssignmentView of(Assignment assignment) {
      return new AssignmentView(
          assignment.officerId().value(),
          assignment.officeId().value(),
          assignment.assignedAt(),
          assignment.reason());
    }
  }

  record NoteView(LocalDate notedOn, String text, Instant writtenAt) {}

  record ConditionView(
      UUID id,
      long version,
      ConditionKind kind,
      boolean special,
      String description,
      ConditionStatus status,
      List<NoteView> notes,
      Instant updatedAt) {

    static ConditionView of(Condition condition) {
      return new ConditionView(
          condition.id().value(),
          condition.version(),
          condition.kind(),
          condition.special(),
          condition.description(),
          condition.status(),
          condition.notes().stream()
              .map(note -> new NoteView(note.notedOn(), note.text(), note.writtenAt()))
              .toList(),
          condition.updatedAt());
    }
  }

  static CaseView of(SupervisionCase c, List<Condition> conditions) {
    return new CaseView(
        c.id().value(),
        c.version(),
        c.personId().value(),
        c.supervisionType(),
        c.court(),
        c.docketNumber(),
        c.startDate(),
        c.expectedEndDate(),
        c.level(),
        c.officerId().value(),
        c.officeId().value(),
        c.status(),
        c.closedOn(),
        c.closureReason(),
        c.offenses(),
        c.assignments().stream().map(AssignmentView::of).toList(),
        conditions.stream().map(ConditionView::of).toList());
  }
}
