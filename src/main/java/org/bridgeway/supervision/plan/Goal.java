package org.bridgeway.supervision.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.bridgeway.shared.vocabulary.NeedDomain;

/**
 * A goal of a case plan, tied to a need domain, with its tasks and dated progress notes. Changed
 * only through {@link CasePlan}.
 *
 * @param description the goal in words; null while it is a goal proposed from the assessment that
 *     the officer has not worded yet
 * @param targetDate may be null
 */
public record Goal(
    UUID id,
    NeedDomain domain,
    String description,
    LocalDate targetDate,
    GoalStatus status,
    List<Task> tasks,
    List<ProgressNote> notes) {

  public Goal {
    tasks = tasks == null ? List.of() : List.copyOf(tasks);
    notes = notes == null ? List.of() : List.copyOf(notes);
  }

  /**
   * A task toward a goal.
   *
   * @param ownerName who is to do it when the owner is {@link TaskOwner#OTHER}; null otherwise
   * @param dueOn may be null
   */
  public record Task(
      UUID id,
      String description,
      TaskOwner owner,
      String ownerName,
      LocalDate dueOn,
      TaskStatus status) {}

  /**
   * A dated progress note.
   *
   * @param notedOn the day the note is about
   * @param writtenBy actor reference of the writer
   */
  public record ProgressNote(
      LocalDate notedOn, String text, String writtenBy, java.time.Instant writtenAt) {}
}
