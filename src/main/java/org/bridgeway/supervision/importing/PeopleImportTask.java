package org.bridgeway.supervision.importing;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.function.SingletonSupplier;

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

  /**
   * Schedules jobs. Where the scheduler does not run on this node ({@code db-scheduler.enabled:
   * false}, as in tests), jobs are still written to its table, for a node that runs it.
   */
  static final class Scheduling {

    private final OneTimeTask<Void> task;
    private final ObjectProvider<Scheduler> scheduler;
    private final SingletonSupplier<SchedulerClient> client;

    Scheduling(OneTimeTask<Void> task, ObjectProvider<Scheduler> scheduler, DataSource dataSource) {
      this.task = task;
      this.scheduler = scheduler;
      this.client =
          SingletonSupplier.of(
              () -> {
                Scheduler running = scheduler.getIfAvailable();
                if (running != null) {
                  return running;
                }
                return SchedulerClient.Builder.create(
                        new TransactionAwareDataSourceProxy(dataSource), task)
                    .tableName("scheduled_tasks")
                    .build();
              });
    }

    /**
     * Schedules the job inside the caller's transaction; once it commits, asks this node's
     * scheduler to look for due work at once rather than at its next poll.
     */
    void schedule(UUID jobId, Instant at) {
      client.obtain().scheduleIfNotExists(task.instance(jobId.toString()), at);
      Scheduler running = scheduler.getIfAvailable();
      if (running != null && TransactionSynchronizationManager.isSynchronizationActive()) {
        TransactionSynchronizationManager.registerSynchronization(
            new TransactionSynchronization() {
              @Override
              public void afterCommit() {
                running.triggerCheckForDueExecutions();
              }
            });
      }
    }
  }
}
