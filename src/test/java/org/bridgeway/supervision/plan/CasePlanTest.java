package org.bridgeway.supervision.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.supervision.CaseId;
import org.bridgeway.supervision.CasePlanId;
import org.bridgeway.supervision.NeedSeverity;
import org.bridgeway.supervision.PersonId;
import org.junit.jupiter.api.Test;

class CasePlanTest {

  static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  static final LocalDate TODAY = LocalDate.parse("2026-12-01");

  @Test
  void theDraftProposesAGoalPerModerateOrHighNeedInTheOrderGiven() {
    Map<NeedDomain, NeedSeverity> needs = new LinkedHashMap<>();
    needs.put(NeedDomain.SUBSTANCE_USE, NeedSeverity.HIGH);
    needs.put(NeedDomain.HOUSING, NeedSeverity.HIGH);
    needs.put(NeedDomain.ASSOCIATES, NeedSeverity.MODERATE);
    needs.put(NeedDomain.FOOD, NeedSeverity.NONE);
    CasePlan plan = draft(needs);
    assertThat(plan.goals())
        .extracting(Goal::domain)
        .containsExactly(NeedDomain.SUBSTANCE_USE, NeedDomain.HOUSING, NeedDomain.ASSOCIATES);
    assertThat(plan.goals()).allSatisfy(goal -> assertThat(goal.description()).isNull());
    assertThat(plan.goals()).extracting(Goal::status).containsOnly(GoalStatus.ACTIVE);
  }

  @Test
  void theOfficerRewordsAndReordersAGoalAndAnEndedGoalChangesNoMore() {
    CasePlan plan = draft(Map.of(NeedDomain.HOUSING, NeedSeverity.HIGH));
    Goal added = plan.addGoal(NeedDomain.FOOD, "Regular meals", null, NOW);
    UUID housing = plan.goals().getFirst().id();
    plan.reviseGoal(
        added.id(), "Three meals a day", TODAY.plusMonths(2), GoalStatus.ACTIVE, 0, NOW);
    assertThat(plan.goals()).extracting(Goal::id).containsExactly(added.id(), housing);
    assertThat(plan.goals().getFirst().description()).isEqualTo("Three meals a day");

    plan.reviseGoal(housing, "Stable housing", null, GoalStatus.ACHIEVED, null, NOW);
    assertThatThrownBy(() -> plan.reviseGoal(housing, "Again", null, GoalStatus.ACTIVE, null, NOW))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> plan.addTask(housing, "More", TaskOwner.PERSON, null, null, NOW))
        .isInstanceOf(IllegalStateException.class);
    plan.addNote(housing, TODAY, "Moved in.", TODAY, "t", NOW);
    assertThat(plan.goal(housing).orElseThrow().notes()).hasSize(1);
  }

  @Test
  void aTaskIsDoneOrCancelledOnceAndAnotherOwnerMustBeNamed() {
    CasePlan plan = draft(Map.of(NeedDomain.HOUSING, NeedSeverity.HIGH));
    UUID goal = plan.goals().getFirst().id();
    assertThatThrownBy(() -> plan.addTask(goal, "Ask", TaskOwner.OTHER, " ", null, NOW))
        .isInstanceOf(IllegalArgumentException.class);
    Goal.Task task = plan.addTask(goal, "Ask", TaskOwner.OTHER, "Housing navigator", null, NOW);
    Goal.Task mine = plan.addTask(goal, "Apply", TaskOwner.PERSON, "ignored", null, NOW);
    assertThat(mine.ownerName()).isNull();
    plan.recordTask(goal, task.id(), TaskStatus.DONE, NOW);
    plan.recordTask(goal, task.id(), TaskStatus.DONE, NOW);
    assertThatThrownBy(() -> plan.recordTask(goal, task.id(), TaskStatus.OPEN, NOW))
        .isInstanceOf(IllegalStateException.class);
    assertThat(plan.goal(goal).orElseThrow().tasks())
        .extracting(Goal.Task::status)
        .containsExactly(TaskStatus.DONE, TaskStatus.OPEN);
  }

  @Test
  void notesAreDatedNotInTheFutureAndHaveAtMost4000Characters() {
    CasePlan plan = draft(Map.of(NeedDomain.HOUSING, NeedSeverity.HIGH));
    UUID goal = plan.goals().getFirst().id();
    assertThatThrownBy(() -> plan.addNote(goal, TODAY.plusDays(1), "Later", TODAY, "t", NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> plan.addNote(goal, TODAY, "x".repeat(4001), TODAY, "t", NOW))
        .isInstanceOf(IllegalArgumentException.class);
    plan.addNote(goal, TODAY, "x".repeat(4000), TODAY, "t", NOW);
  }

  @Test
  void theSignatureIsNotBeforeThePlanNorInTheFuture() {
    CasePlan plan = draft(Map.of());
    assertThatThrownBy(() -> plan.signedBy(TODAY.minusDays(1), TODAY.plusDays(5), NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> plan.signedBy(TODAY.plusDays(1), TODAY, NOW))
        .isInstanceOf(IllegalArgumentException.class);
    plan.signedBy(TODAY, TODAY, NOW);
    assertThat(plan.signedOn()).isEqualTo(TODAY);
  }

  private static CasePlan draft(Map<NeedDomain, NeedSeverity> needs) {
    return CasePlan.draft(
        CasePlanId.random(),
        new OrganizationId(UUID.randomUUID()),
        CaseId.random(),
        new PersonId(UUID.randomUUID()),
        needs,
        null,
        TODAY,
        NOW);
  }
}
