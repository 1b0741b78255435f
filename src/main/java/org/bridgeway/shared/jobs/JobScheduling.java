package org.bridgeway.shared.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.function.SingletonSupplier;

/**
 * Schedules the background jobs of one db-scheduler one-time task (an import job, say; the instance
 * id is the job id). A job is written to the scheduler's table in the caller's transaction, so it
 * exists exactly when the job's row does and survives a restart. Where the scheduler does not run
 * on this node ({@code db-scheduler.enabled: false}, as in tests), jobs are still written, for a
 * node that runs it. Each module declares a subclass for its task, so that beans stay apart.
 */
public class JobScheduling {

  private final OneTimeTask<Void> task;
  private final ObjectProvider<Scheduler> scheduler;
  private final SingletonSupplier<SchedulerClient> client;

  protected JobScheduling(
      OneTimeTask<Void> task, ObjectProvider<Scheduler> scheduler, DataSource dataSource) {
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
   * Schedules the job inside the caller's transaction; once it commits, asks this node's scheduler
   * to look for due work at once rather than at its next poll.
   */
  public void schedule(UUID jobId, Instant at) {
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
