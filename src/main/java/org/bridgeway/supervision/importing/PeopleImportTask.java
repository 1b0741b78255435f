package org.bridgeway.supervision.importing;

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
 * The {@code supervision-import} task of the database-backed scheduler, one execution per import
 * job (the instance id is the job id). A job is scheduled in the same transaction as its row, so it
 * survives a restart; a node that dies while running it leaves a dead execution, which the
 * scheduler revives, and the runner starts the job over (or marks it failed after too many starts).
 */
@Configuration(proxyBeanMethods = false)
class PeopleImportTask {

  static final String TASK = "supervision-import";

  @Bean
  OneTimeTask<Void> supervisionImportTask(PeopleImportRunner runner) {
    return Tasks.oneTime(TASK)
        .onDeadExecutionRevive()
        .execute((instance, context) -> runner.run(UUID.fromString(instance.getId())));
  }

  @Bean
  Scheduling supervisionImportScheduling(
      OneTimeTask<Void> supervisionImportTask,
      ObjectProvider<Scheduler> scheduler,
      DataSource dataSource) {
    return new Scheduling(supervisionImportTask, scheduler, dataSource);
  }

  /** Schedules people import jobs (see {@link JobScheduling}). */
  static final class Scheduling extends JobScheduling {

    Scheduling(OneTimeTask<Void> task, ObjectProvider<Scheduler> scheduler, DataSource dataSource) {
      super(task, scheduler, dataSource);
    }
  }
}
