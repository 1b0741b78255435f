package org.bridgeway.supervision;

import java.util.UUID;
import org.bridgeway.identity.OrganizationId;

/**
 * The case plan of a case was created or changed. Published in the changing transaction; listeners
 * run after commit.
 *
 * @param change what happened: {@code CREATED}, {@code GOAL_ADDED}, {@code GOAL_CHANGED}, {@code
 *     TASK_ADDED}, {@code TASK_CHANGED}, {@code NOTE_ADDED} or {@code SIGNED}
 * @param goal the goal concerned, or null for the plan as a whole
 */
public record CasePlanChanged(
    CasePlanId plan,
    CaseId supervisionCase,
    PersonId person,
    OrganizationId agency,
    Change change,
    UUID goal,
    long version) {

  /** What changed in the plan. */
  public enum Change {
    CREATED,
    GOAL_ADDED,
    GOAL_CHANGED,
    TASK_ADDED,
    TASK_CHANGED,
    NOTE_ADDED,
    SIGNED
  }
}
