package org.bridgeway.directory.exchange;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one import job: read and check everything, then write everything in one transaction, or
 * nothing. Called by the scheduler's {@code directory-import} task; safe to call again for a job a
 * restart interrupted (it starts over: the interrupted write was rolled back), and a no-op for a
 * finished job.
 *
 * <p>Progress is written in transactions of its own, so the job's page sees it while the import's
 * transaction is still open.
 */
@Component
class ImportJobRunner {

  private static final Logger log = LoggerFactory.getLogger(ImportJobRunner.class);
  private static final long PROGRESS_INTERVAL_MILLIS = 250;

  private final ImportJobStore store;
  private final HsdsImportReader reader;
  private final ImportChecks checks;
  private final ImportWriter writer;
  private final AuditTrail audit;
  private final MessageSource messages;
  private final ExchangeProperties properties;
  private final Clock clock;
  private final TransactionTemplate transactions;
  private final TransactionTemplate separately;

  ImportJobRunner(
      ImportJobStore store,
      HsdsImportReader reader,
      ImportChecks checks,
      ImportWriter writer,
      AuditTrail audit,
      MessageSource messages,
      ExchangeProperties properties,
      Clock clock,
      PlatformTransactionManager transactionManager) {
    this.store = store;
    this.reader = reader;
    this.checks = checks;
    this.writer = writer;
    this.audit = audit;
    this.messages = messages;
    this.properties = properties;
    this.clock = clock;
    this.transactions = new TransactionTemplate(transactionManager);
    this.separately = new TransactionTemplate(transactionManager);
    this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Runs the job with this id, if it is not finished yet. */
  void run(UUID jobId) {
    ImportJobStore.Claimed job =
        separately.execute(tx -> store.claim(jobId, clock.instant()).orElse(null));
    if (job == null) {
      return;
    }
    if (job.attempts() > 1) {
      log.info("Import {} started again (attempt {})", jobId, job.attempts());
    }
    JobActor actor =
        new JobActor(job.requestedByUser(), job.requestedByToken(), job.organizationId());
    ImportProblems problems = new ImportProblems(messages, properties.maxReportedProblems());
    Progress progress = new Progress(jobId);
    String kind = null;
    try {
      long started = System.nanoTime();
      ImportBatch batch = reader.read(job.upload(), problems, progress);
      kind = batch.kind();
      progress.kind = kind;
      long read = System.nanoTime();
      ImportChecks.PreparedImport prepared = checks.check(batch, problems);
      long checked = System.nanoTime();
      if (problems.hasErrors()) {
        reject(job, actor, kind, problems);
        return;
      }
      progress.phase(ImportStatus.WRITING, prepared.records().size());
      ImportWriter.Context context =
          new ImportWriter.Context(jobId, actor, job.requestedByName(), job.upload().fileName());
      ImportWriter.Result result =
          transactions.execute(tx -> writer.write(prepared, context, clock.instant(), problems));
      long written = System.nanoTime();
      log.info(
          "Import {}: {} records read and validated in {} ms, checked in {} ms, written in {} ms",
          jobId,
          batch.records().size(),
          (read - started) / 1_000_000,
          (checked - read) / 1_000_000,
          (written - checked) / 1_000_000);
      ImportReport report =
          new ImportReport(
              kind, result.counts(), List.of(), 0, problems.warnings(), problems.warningCount());
      separately.executeWithoutResult(
          tx -> store.finish(jobId, ImportStatus.SUCCEEDED, report, clock.instant()));
    } catch (ImportWriter.Rejected rejected) {
      reject(job, actor, kind, problems);
    } catch (RuntimeException e) {
      log.error("Import {} failed", jobId, e);
      problems.error(Origin.file(job.upload().fileName()), null, "unexpected", jobId.toString());
      ImportReport report =
          new ImportReport(
              kind,
              List.of(),
              problems.errors(),
              problems.errorCount(),
              problems.warnings(),
              problems.warningCount());
      separately.executeWithoutResult(
          tx -> {
            store.finish(jobId, ImportStatus.FAILED, report, clock.instant());
            audit.record(failure(job, actor, "unexpected", problems.errorCount()));
          });
    }
  }

  private void reject(
      ImportJobStore.Claimed job, JobActor actor, String kind, ImportProblems problems) {
    ImportReport report =
        new ImportReport(
            kind,
            List.of(),
            problems.errors(),
            problems.errorCount(),
            problems.warnings(),
            problems.warningCount());
    separately.executeWithoutResult(
        tx -> {
          store.finish(job.id(), ImportStatus.REJECTED, report, clock.instant());
          audit.record(failure(job, actor, "invalid", problems.errorCount()));
        });
  }

  private static AuditEvent failure(
      ImportJobStore.Claimed job, JobActor actor, String reason, int errors) {
    return AuditEvent.failure("directory.import")
        .withRecord("hsds_import", job.id())
        .withActor(actor)
        .withDetail("file", job.upload().fileName())
        .withDetail("reason", reason)
        .withDetail("errors", Integer.toString(errors));
  }

  /** Writes progress at most four times a second, whichever thread reports it. */
  private final class Progress implements ImportProgress {

    private final UUID jobId;
    private final AtomicInteger done = new AtomicInteger();
    private volatile ImportStatus status = ImportStatus.VALIDATING;
    private volatile int total;
    private volatile String kind;
    private long lastWrite;

    Progress(UUID jobId) {
      this.jobId = jobId;
    }

    @Override
    public void phase(ImportStatus phase, int items) {
      this.status = phase;
      this.total = items;
      done.set(0);
      write(true);
    }

    @Override
    public void advance(int items) {
      done.addAndGet(items);
      write(false);
    }

    private synchronized void write(boolean now) {
      long millis = System.nanoTime() / 1_000_000;
      if (!now && millis - lastWrite < PROGRESS_INTERVAL_MILLIS) {
        return;
      }
      lastWrite = millis;
      separately.executeWithoutResult(
          tx -> store.progress(jobId, status, kind, Math.min(done.get(), total), total));
    }
  }
}
