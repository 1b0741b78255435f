package org.bridgeway.care.upload;

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
 * The {@code care-upload} task of the database-backed scheduler, one execution per upload job (the
 * instance id is the job id). A job is scheduled in the same transaction as its row, so it survives
 * a restart; a node that dies while running it leaves a dead execution, which the scheduler
 * revives, and the runner starts the job over (or marks it failed after too many starts).
 */
@Configuration(proxyBeanMethods = false)
class UploadTask {

  static final String TASK = "care-upload";

  @Bean
  OneTimeTask<Void> careUploadTask(UploadRunner runner) {
    return Tasks.oneTime(TASK)
        .onDeadExecutionRevive()
        .execute((instance, context) -> runner.run(UUID.fromString(instance.getId())));
  }

  @Bean
  Scheduling careUploadScheduling(
      OneTimeTask<Void> careUploadTask,
      ObjectProvider<Scheduler> scheduler,
      DataSource dataSource) {
    return new Scheduling(careUploadTask, scheduler, dataSource);
  }

  /** Schedules upload jobs (see {@link JobScheduling}). */
  static final class Scheduling extends JobScheduling {

    Scheduling(OneTimeTask<Void> task, ObjectProvider<Scheduler> scheduler, DataSource dataSource) {
      super(task, scheduler, dataSource);
    }
  }
}
