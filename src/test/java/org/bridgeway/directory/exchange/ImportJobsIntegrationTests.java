package org.bridgeway.directory.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ImportJobsIntegrationTests {

  @Autowired ImportJobs jobs;
  @Autowired ImportJobRunner runner;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired OneTimeTask<Void> directoryImportTask;
  @Autowired MutableClock clock;

  ImportTesting imports;

  @BeforeEach
  void setUp() {
    imports = new ImportTesting(jobs, runner, jdbc);
  }

  private UUID submit(String example) {
    return jobs.submit(
        List.of(
            new Upload(
                example,
                "application/json",
                ExchangeFixtures.exampleWithFreshIds(example).getBytes(StandardCharsets.UTF_8))),
        ImportTesting.CURATOR);
  }

  @Test
  void aSubmittedImportIsQueuedOnTheSchedulerAndRunsToItsReport() {
    UUID id = submit("organization_full.json");

    ImportJob queued = jobs.find(id).orElseThrow();
    assertThat(queued.status()).isEqualTo(ImportStatus.QUEUED);
    assertThat(queued.percent()).isNull();
    assertThat(
            imports.count(
                "SELECT count(*) FROM scheduled_tasks WHERE task_name = ? AND task_instance = ?",
                ImportTaskConfiguration.TASK,
                id.toString()))
        .isEqualTo(1);

    runner.run(id);

    ImportJob done = jobs.find(id).orElseThrow();
    assertThat(done.status()).isEqualTo(ImportStatus.SUCCEEDED);
    assertThat(done.total()).isPositive();
    assertThat(done.done()).isEqualTo(done.total());
    assertThat(done.percent()).isEqualTo(100);
    assertThat(done.startedAt()).isNotNull();
    assertThat(done.finishedAt()).isNotNull();
    assertThat(
            imports.count(
                "SELECT count(*) FROM directory_import_job WHERE id = ? AND payload IS NULL", id))
        .as("the upload is dropped once the job is done")
        .isEqualTo(1);
  }

  @Test
  void aFinishedJobIsNotRunAgain() {
    UUID id = submit("service_full.json");
    runner.run(id);
    ImportJob done = jobs.find(id).orElseThrow();

    runner.run(id);

    assertThat(jobs.find(id).orElseThrow()).isEqualTo(done);
  }

  @Test
  void progressIsVisibleWhileTheImportTransactionIsOpen() {
    UUID id = submit("service_full.json");
    ImportJobStore store = new ImportJobStore(jdbc);

    store.progress(id, ImportStatus.VALIDATING, "JSON_DOCUMENT", 3, 10);

    ImportJob job = jobs.find(id).orElseThrow();
    assertThat(job.status()).isEqualTo(ImportStatus.VALIDATING);
    assertThat(job.percent()).isEqualTo(30);
  }

  /**
   * A node died while running the import: its execution is still marked picked, with a heartbeat
   * long gone, and the job is still WRITING. A scheduler that starts finds the dead execution,
   * revives it, and the job runs again from the start.
   */
  @Test
  void anImportInterruptedByACrashRunsAgainWhenASchedulerStarts() throws Exception {
    UUID id = submit("organization_full.json");
    jdbc.sql("UPDATE directory_import_job SET status = 'WRITING', attempts = 1 WHERE id = ?")
        .param(id)
        .update();
    jdbc.sql(
            "UPDATE scheduled_tasks SET picked = TRUE, picked_by = 'dead-node',"
                + " last_heartbeat = ?, version = version + 1"
                + " WHERE task_name = ? AND task_instance = ?")
        .params(
            Timestamp.from(clock.instant().minus(Duration.ofHours(1))),
            ImportTaskConfiguration.TASK,
            id.toString())
        .update();

    // The test clock stands still; the scheduler needs one that moves on from it. db-scheduler
    // revives a dead execution at the wall-clock time, so the scheduler's clock must not start
    // behind it (the shared test clock lags the wall clock by however long the context has lived).
    Instant start = java.util.Collections.max(List.of(clock.instant(), Instant.now()));
    long started = System.nanoTime();
    Scheduler scheduler =
        Scheduler.create(dataSource, directoryImportTask)
            .pollingInterval(Duration.ofMillis(200))
            .heartbeatInterval(Duration.ofMillis(300))
            .clock(() -> start.plusNanos(System.nanoTime() - started))
            .threads(1)
            .build();
    try {
      scheduler.start();
      Awaitility.await("the revived job")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> jobs.find(id).orElseThrow().finished());
    } finally {
      scheduler.stop();
    }

    ImportJob job = jobs.find(id).orElseThrow();
    assertThat(job.status()).isEqualTo(ImportStatus.SUCCEEDED);
    assertThat(imports.count("SELECT attempts FROM directory_import_job WHERE id = ?", id))
        .isEqualTo(2);
    assertThat(
            imports.count(
                "SELECT count(*) FROM scheduled_tasks WHERE task_name = ? AND task_instance = ?",
                ImportTaskConfiguration.TASK,
                id.toString()))
        .as("a one-time task is gone once it has run")
        .isZero();
  }
}
