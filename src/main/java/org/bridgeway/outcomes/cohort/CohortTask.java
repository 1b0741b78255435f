package org.bridgeway.outcomes.cohort;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.util.UUID;
import javax.sql.DataSource;
import org.bridgeway.shared.jobs.JobScheduling;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code outcomes-cohort-import} task of the database-backed scheduler, one execution per
 * cohort import (the instance id is the import's id), scheduled in the transaction that stores the
 * upload; a node that dies while running it leaves a dead execution that the scheduler revives.
 */
@Configuration(proxyBeanMethods = false)
class CohortTask {

  static final String TASK = "outcomes-cohort-import";

  @Bean
  OneTimeTask<Void> outcomesCohortImportTask(CohortRunner runner) {
    return Tasks.oneTime(TASK)
        .onDeadExecutionRevive()
        .execute((instance, context) -> runner.run(UUID.fromString(instance.getId())));
  }

  @Bean
  Scheduling outcomesCohortScheduling(
      OneTimeTask<Void> outcomesCohortImportTask,
      ObjectProvider<Scheduler> scheduler,
      DataSource dataSource) {
    return new Scheduling(outcomesCohortImportTask, scheduler, dataSource);
  }

  /** Schedules cohort imports (see {@link JobScheduling}). */
  static final class Scheduling extends JobScheduling {

    Scheduling(OneTimeTask<Void> task, ObjectProvider<Scheduler> scheduler, DataSource dataSource) {
      super(task, scheduler, dataSource);
    }
  }
}
