package org.bridgeway.outcomes.ingest;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.LocalTime;
import org.bridgeway.identity.OrganizationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Rebuilds every agency's read model nightly through the database-backed scheduler (one node runs
 * it): records written without an event (imports, generated data, person details) and any event
 * that failed are caught up by the next morning.
 */
@Configuration(proxyBeanMethods = false)
class ReadModelRepair {

  private static final Logger log = LoggerFactory.getLogger(ReadModelRepair.class);

  private final OutcomesReadModel readModel;

  ReadModelRepair(OutcomesReadModel readModel) {
    this.readModel = readModel;
  }

  @Bean
  RecurringTask<Void> outcomesReadModelRepairTask() {
    return Tasks.recurring("outcomes-read-model-repair", Schedules.daily(LocalTime.of(3, 40)))
        .execute((instance, context) -> repairAll());
  }

  /** Rebuilds each agency in its own transaction, so that one failure spoils no other. */
  void repairAll() {
    for (OrganizationId agency : readModel.agencies()) {
      try {
        readModel.rebuild(agency);
      } catch (RuntimeException failed) {
        log.warn("The outcomes read model of agency {} was not rebuilt", agency.value(), failed);
      }
    }
  }
}
