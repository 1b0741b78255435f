package org.bridgeway.care.record;

import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** How far one goal of the episode's plan was reached at discharge. */
@Table("care_discharge_goal")
public record GoalOutcome(UUID goalId, GoalAttainment outcome) {}
