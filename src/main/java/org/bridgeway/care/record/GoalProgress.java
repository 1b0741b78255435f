package org.bridgeway.care.record;

import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** Progress toward one goal of the episode's plan in a progress report. */
@Table("care_progress_goal")
public record GoalProgress(UUID goalId, GoalProgressLevel progress) {}
