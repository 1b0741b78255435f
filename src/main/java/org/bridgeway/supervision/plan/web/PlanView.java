package org.bridgeway.supervision.plan.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.bridgeway.supervision.plan.CasePlan;
import org.bridgeway.supervision.plan.Goal;

/** A case plan as the API answers it: the goals in the plan's order. */
record PlanView(
    UUID id,
    long version,
    UUID caseId,
    UUID personId,
    LocalDate createdOn,
    UUID basedOnAssessmentId,
    LocalDate signedOn,
    List<Goal> goals,
    Instant updatedAt) {

  static PlanView of(CasePlan plan) {
    return new PlanView(
        plan.id().value(),
        plan.version(),
        plan.caseId().value(),
        plan.personId().value(),
        plan.createdOn(),
        plan.basedOn() == null ? null : plan.basedOn().value(),
        plan.signedOn(),
        plan.goals(),
        plan.updatedAt());
  }
}
