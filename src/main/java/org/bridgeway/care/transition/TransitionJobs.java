package org.bridgeway.care.transition;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Ends the sending episode of hand-offs whose overlap is over. Hourly rather than daily, so that a
 * hand-off ends within the hour after midnight wherever the node's clock stands, through the
 * database-backed scheduler (one node runs it).
 */
@Configuration(proxyBeanMethods = false)
class TransitionJobs {

  @Bean
  RecurringTask<Void> endHandOffOverlapsTask(Transitions transitions) {
    return Tasks.recurring("care-end-handoff-overlaps", FixedDelay.of(Duration.ofHours(1)))
        .execute((instance, context) -> transitions.endOverlaps());
  }
}
