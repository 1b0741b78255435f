package org.bridgeway.directory.exchange;

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
 * The {@code directory-import} task of the database-backed scheduler, one execution per import job
 * (the instance id is the job id). A job scheduled in the same transaction as its row survives a
 * restart; a node that dies while running it leaves a dead execution, which the scheduler revives,
 * and the runner starts the job over.
 */
@Configuration(proxyBeanMethods = false)
class ImportTaskConfiguration {

  static final String TASK = "directory-import";

  @Bean
  OneTimeTask<Void> directoryImportTask(ImportJobRunner runner) {
    return Tasks.oneTime(TASK)
        .onDeadExecutionRevive()
        .execute((instance, context) -> runner.run(UUID.fromString(instance.getId())));
  }

  @Bean
  ImportScheduling importScheduling(
      OneTimeTask<Void> directoryImportTask,
      ObjectProvider<Scheduler> scheduler,
      DataSource dataSource) {
    return new ImportScheduling(directoryImportTask, scheduler, dataSource);
  }

  /** Schedules directory import jobs (see {@link JobScheduling}). */
  static final class ImportScheduling extends JobScheduling {

    ImportScheduling(
        OneTimeTask<Void> task, ObjectProvider<Scheduler> scheduler, DataSource dataSource) {
      super(task, scheduler, dataSource);
    }
  }
}
