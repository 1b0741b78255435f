package org.bridgeway.care.record;

import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A goal of a treatment plan. It keeps its {@code goalId} across the plan's revisions, so that
 * progress reports and the discharge summary refer to it.
 */
@Table("care_treatment_plan_goal")
public record PlanGoal(UUID goalId, String description) {

  /** The longest goal description, in characters. */
  public static final int MAX_DESCRIPTION = 300;
}
