package org.bridgeway.supervision.importing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one import job: check every row, then write everything in one transaction, or nothing.
 * Called by the scheduler's {@code supervision-import} task; safe to call again for a job a restart
 * interrupted (it starts over: the interrupted write was rolled back) until it was started {@code
 * maxAttempts} times, when it is marked failed; a no-op for a finished job.
 *
 * <p>Progress is written in transactions of its own, so that the job's page sees it while the
 * import's transaction is still open. The outcome of a written file is recorded in the import's own
 * transaction, so that a file is never written without its job saying so.
 */
@Component
class PeopleImportRunner {

  private static final Logger log = LoggerFactory.getLogger(PeopleImportRunner.class);
  private static final long PROGRESS_INTERVAL_MILLIS = 250;

  private final PeopleImportJobStore store;
  private final PeopleImport imports;
  private final AuditTrail audit;
  private final ImportProperties properties;
  private final Clock clock;
  private final TransactionTemplate transactions;
  private final TransactionTemplate separately;

  PeopleImportRunner(
      PeopleImportJobStore store,
      PeopleImport imports,
      AuditTrail audit,
      ImportProperties properties,
      Clock clock,
      PlatformTransactionManager transactionManager) {
    this.store = store;
    this.imports = imports;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
    this.transactions = new TransactionTemplate(transactionManager);
    this.separately = new TransactionTemplate(transactionManager);
    this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Runs the job with this id, if it is not finished yet. */
  void run(UUID jobId) {
    PeopleImportJobStore.Claimed job =
        separately.execute(tx -> store.claim(jobId, clock.instant()).orElse(null));
    if (job == null) {
      return;
    }
    if (job.attempts() > properties.maxAttempts()) {
      log.warn("Import {} was interrupted {} times: marked failed", jobId, job.attempts() - 1);
      fail(job, "Interrupted", "the import was interrupted too often (a restart): upload it again");
      return;
    }
    if (job.attempts() > 1) {
      log.info("Import {} started again (attempt {})", jobId, job.attempts());
    }
    Progress progress = new Progress(jobId, job.rows());
    try {
      LocalDate today = LocalDate.now(clock);
      long started = System.nanoTime();
      ImportErrors errors = new ImportErrors(properties.maxReportedErrors());
      imports.validate(job.importer(), job.payload(), today, errors, progress::validated);
      long validated = System.nanoTime();
      if (errors.any()) {
        ImportReport report = ImportReport.rejected(job.rows(), errors.count(), errors.kept());
        separately.executeWithoutResult(
            tx -> {
              store.finish(jobId, ImportJobStatus.REJECTED, report, clock.instant());
              audit.record(
                  outcome(AuditEvent.failure(PeopleImport.ACTION), job)
                      .withDetail("rows", Integer.toString(job.rows()))
                      .withDetail("errors", Integer.toString(errors.count())));
            });
        log.info(
            "Import {}: {} rows checked in {} ms, {} errors: rejected",
            jobId,
            job.rows(),
            (validated - started) / 1_000_000,
            errors.count());
        return;
      }
      progress.writing();
      transactions.executeWithoutResult(
          tx -> {
            ImportReport report =
                imports.write(
                    job.importer(), jobId, job.payload(), job.rows(), today, progress::written);
            store.finish(jobId, ImportJobStatus.SUCCEEDED, report, clock.instant());
          });
      log.info(
          "Import {}: {} rows checked in {} ms and written in {} ms",
          jobId,
          job.rows(),
          (validated - started) / 1_000_000,
          (System.nanoTime() - validated) / 1_000_000);
    } catch (RuntimeException e) {
      log.error("Import {} failed", jobId, e);
      fail(job, "Unexpected", "the import failed unexpectedly (reference " + jobId + ")");
    }
  }

  private void fail(PeopleImportJobStore.Claimed job, String code, String message) {
    ImportReport report =
        ImportReport.rejected(job.rows(), 1, List.of(new ImportError(0, null, code, message)));
    separately.executeWithoutResult(
        tx -> {
          store.finish(job.id(), ImportJobStatus.FAILED, report, clock.instant());
          audit.record(
              outcome(AuditEvent.failure(PeopleImport.ACTION), job)
                  .withDetail("rows", Integer.toString(job.rows()))
                  .withDetail("reason", code));
        });
  }

  private static AuditEvent outcome(AuditEvent event, PeopleImportJobStore.Claimed job) {
    return event.withRecord(PeopleImportJobs.RECORD_TYPE, job.id()).withActor(job.importer());
  }

  /**
   * Writes progress at most four times a second, at each change of phase and when the last row of a
   * phase is done.
   */
  private final class Progress {

    private final UUID jobId;
    private final int rows;
    private ImportJobStatus status = ImportJobStatus.VALIDATING;
    private int validated;
    private int written;
    private long lastWrite = System.nanoTime() / 1_000_000;

    Progress(UUID jobId, int rows) {
      this.jobId = jobId;
      this.rows = rows;
    }

    void validated(int done) {
      validated = done;
      write(done >= rows);
    }

    void writing() {
      status = ImportJobStatus.WRITING;
      write(true);
    }

    void written(int done) {
      written = done;
      write(done >= rows);
    }

    private void write(boolean now) {
      long millis = System.nanoTime() / 1_000_000;
      if (!now && millis - lastWrite < PROGRESS_INTERVAL_MILLIS) {
        return;
      }
      lastWrite = millis;
      separately.executeWithoutResult(tx -> store.progress(jobId, status, validated, written));
    }
  }
}
