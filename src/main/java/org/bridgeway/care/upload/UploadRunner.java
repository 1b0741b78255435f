package org.bridgeway.care.upload;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.care.CareSignal;
import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.care.episode.TreatmentEpisode;
import org.bridgeway.care.episode.TreatmentEpisodes;
import org.bridgeway.consent.Part2Programs;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.SupervisedPeople;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one upload job in one transaction, all or nothing (ADR 0023): every row is checked by itself
 * and against the provider's episodes while it is copied into a staging table, the staged rows are
 * checked together and against the stored appointments (or drug tests, by the job's kind), and only
 * a file without any error is written, set-based, with one audit entry and the care signals of
 * recent attendance or tests. Called by the scheduler's {@code care-upload} task; safe to call
 * again for a job a restart interrupted (the transaction was rolled back, so it starts over).
 * Progress is committed apart, so the page shows it while the upload's transaction is still open.
 */
@Component
class UploadRunner {

  private static final Logger log = LoggerFactory.getLogger(UploadRunner.class);
  private static final long PROGRESS_INTERVAL_MILLIS = 250;

  private final UploadJobStore store;
  private final AttendanceLoad load;
  private final DrugTestLoad tests;
  private final SupervisedPeople people;
  private final TreatmentEpisodes episodes;
  private final Part2Programs part2;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final CareUploadProperties properties;
  private final Clock clock;
  private final TransactionTemplate transactions;
  private final TransactionTemplate separately;

  UploadRunner(
      UploadJobStore store,
      AttendanceLoad load,
      DrugTestLoad tests,
      SupervisedPeople people,
      TreatmentEpisodes episodes,
      Part2Programs part2,
      AuditTrail audit,
      ApplicationEventPublisher events,
      CareUploadProperties properties,
      Clock clock,
      PlatformTransactionManager transactionManager) {
    this.store = store;
    this.load = load;
    this.tests = tests;
    this.people = people;
    this.episodes = episodes;
    this.part2 = part2;
    this.audit = audit;
    this.events = events;
    this.properties = properties;
    this.clock = clock;
    this.transactions = new TransactionTemplate(transactionManager);
    this.separately = new TransactionTemplate(transactionManager);
    this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Runs the job with this id, if it is not finished yet. */
  void run(UUID jobId) {
    UploadJobStore.Claimed job =
        separately.execute(tx -> store.claim(jobId, clock.instant()).orElse(null));
    if (job == null) {
      return;
    }
    if (job.attempts() > properties.maxAttempts()) {
      log.warn("Upload {} was interrupted {} times: marked failed", jobId, job.attempts() - 1);
      fail(job, "Interrupted", "the upload was interrupted too often (a restart): upload it again");
      return;
    }
    Progress progress = new Progress(jobId, job.rows());
    UploadErrors errors = new UploadErrors(properties.maxReportedErrors());
    try {
      long started = System.nanoTime();
      UploadReport written =
          transactions.execute(
              tx -> {
                UploadReport report = runInTransaction(job, errors, progress);
                if (report == null) {
                  tx.setRollbackOnly();
                }
                return report;
              });
      if (written == null) {
        UploadReport report = UploadReport.rejected(job.rows(), errors.count(), errors.kept());
        separately.executeWithoutResult(
            tx -> {
              store.finish(jobId, UploadStatus.REJECTED, report, clock.instant());
              audit.record(
                  outcome(AuditEvent.failure(CareUploads.ACTION), job)
                      .withDetail("rows", Integer.toString(job.rows()))
                      .withDetail("errors", Integer.toString(errors.count())));
            });
      }
      log.info(
          "Upload {}: {} rows {} in {} ms",
          jobId,
          job.rows(),
          written == null ? "rejected (" + errors.count() + " errors)" : "written",
          (System.nanoTime() - started) / 1_000_000);
    } catch (RuntimeException e) {
      log.error("Upload {} failed", jobId, e);
      fail(job, "Unexpected", "the upload failed unexpectedly (reference " + jobId + ")");
    }
  }

  /** Checks and, without errors, writes the file; null if it has errors (to be rolled back). */
  private UploadReport runInTransaction(
      UploadJobStore.Claimed job, UploadErrors errors, Progress progress) {
    OrganizationId provider = job.uploader().provider();
    Instant now = clock.instant();
    FileHeader header = header(job.kind(), job.payload());
    // Read before COPY starts: the connection runs nothing else while it copies.
    ProviderEpisodes atProvider = episodesAt(provider, header.has(ProviderEpisodes.PERSON_NUMBER));
    AttendanceLoad.Written written;
    int signals;
    if (job.kind() == UploadKind.DRUG_TESTS) {
      CopyStage stage = tests.stage();
      DrugTestRows rows =
          new DrugTestRows(
              header,
              atProvider,
              LocalDate.now(clock),
              errors,
              row -> DrugTestLoad.stage(stage, row));
      readRows(job, stage, rows::check, errors, progress);
      tests.check(provider.value(), errors);
      if (errors.any()) {
        return null;
      }
      progress.writing();
      written =
          tests.write(
              job.id(),
              provider.value(),
              part2.sensitivityOf(provider),
              job.uploader().reference(),
              now,
              progress::written);
      signals = signalTests(provider, now);
    } else {
      CopyStage stage = load.stage();
      AttendanceRows rows =
          new AttendanceRows(
              header, atProvider, now, errors, row -> AttendanceLoad.stage(stage, row));
      readRows(job, stage, rows::check, errors, progress);
      load.check(provider.value(), errors);
      if (errors.any()) {
        return null;
      }
      progress.writing();
      written =
          load.write(
              job.id(),
              provider.value(),
              part2.sensitivityOf(provider),
              job.uploader().reference(),
              now,
              progress::written);
      signals = signal(provider, now);
    }
    UploadReport report =
        UploadReport.written(job.rows(), written.created(), written.updated(), written.unchanged());
    store.finish(job.id(), UploadStatus.SUCCEEDED, report, clock.instant());
    audit.record(
        outcome(AuditEvent.success(CareUploads.ACTION), job)
            .withDetail("provider", provider.toString())
            .withDetail("kind", job.kind().name())
            .withDetail("rows", Integer.toString(job.rows()))
            .withDetail("created", Integer.toString(written.created()))
            .withDetail("updated", Integer.toString(written.updated()))
            .withDetail("unchanged", Integer.toString(written.unchanged()))
            .withDetail("signals", Integer.toString(signals)));
    return report;
  }

  /** Checks one data row of the file; {@code row} as a spreadsheet numbers it. */
  @FunctionalInterface
  private interface RowCheck {
    void check(int row, List<String> cells);
  }

  /** Reads every data row, checks it (staging the good ones) and ends the COPY. */
  private static void readRows(
      UploadJobStore.Claimed job,
      CopyStage stage,
      RowCheck rows,
      UploadErrors errors,
      Progress progress) {
    try {
      CsvRecords records = new CsvRecords(job.payload());
      records.next();
      int row = 1;
      CsvRecords.Outcome outcome;
      while ((outcome = records.next()) != CsvRecords.Outcome.END) {
        row++;
        if (outcome == CsvRecords.Outcome.MALFORMED) {
          errors.add(row, null, "Malformed", records.problem());
        } else {
          rows.check(row, records.fields());
        }
        progress.validated(row - 1);
      }
      stage.finish();
    } catch (RuntimeException e) {
      stage.cancel();
      throw e;
    }
  }

  /**
   * The care signals of the attendance the upload recorded or changed on appointments of the last
   * {@code signalWindow}: what the agency may still act on. Older rows are history a provider sends
   * in bulk; alerts would only repeat what is past, so they get no signal each (ADR 0023).
   */
  private int signal(OrganizationId provider, Instant now) {
    List<AttendanceLoad.Recorded> recorded =
        load.recordedSince(now.minus(properties.signalWindow()));
    for (AttendanceLoad.Recorded r : recorded) {
      publish(provider, r, CareSignal.Kind.ATTENDANCE_RECORDED, now);
      if ("NO_SHOW_UNEXCUSED".equals(r.outcome())) {
        publish(provider, r, CareSignal.Kind.NO_SHOW_UNEXCUSED, now);
      }
    }
    return recorded.size();
  }

  private void publish(
      OrganizationId provider, AttendanceLoad.Recorded r, CareSignal.Kind kind, Instant now) {
    events.publishEvent(
        new CareSignal(
            new TreatmentEpisodeId(r.episode()),
            new PersonId(r.person()),
            new OrganizationId(r.agency()),
            provider,
            kind,
            r.appointment(),
            r.day(),
            now));
  }

  /**
   * The care signals a single posting of a test publishes ({@code TEST_POSITIVE}, {@code
   * TEST_REFUSED}, {@code TEST_MISSED}), for the new tests collected within the signal window, as
   * for attendance (ADR 0023). A posted test whose confirmation moved on gets none, as none is
   * published for it on the provider's form.
   */
  private int signalTests(OrganizationId provider, Instant now) {
    LocalDate since = LocalDate.ofInstant(now.minus(properties.signalWindow()), clock.getZone());
    List<DrugTestLoad.Posted> posted = tests.postedSince(since);
    for (DrugTestLoad.Posted p : posted) {
      CareSignal.Kind kind =
          switch (p.result()) {
            case "POSITIVE" -> CareSignal.Kind.TEST_POSITIVE;
            case "REFUSED" -> CareSignal.Kind.TEST_REFUSED;
            default -> CareSignal.Kind.TEST_MISSED;
          };
      events.publishEvent(
          new CareSignal(
              new TreatmentEpisodeId(p.episode()),
              new PersonId(p.person()),
              new OrganizationId(p.agency()),
              provider,
              kind,
              p.test(),
              p.day(),
              now));
    }
    return posted.size();
  }

  private static FileHeader header(UploadKind kind, byte[] payload) {
    CsvRecords records = new CsvRecords(payload);
    if (records.next() != CsvRecords.Outcome.RECORD) {
      throw new IllegalStateException("the file no longer passes its check at upload");
    }
    UploadErrors headerErrors = new UploadErrors(1);
    FileHeader header = CareUploads.header(kind, records.fields(), headerErrors);
    if (headerErrors.any()) {
      throw new IllegalStateException("the file no longer passes its check at upload");
    }
    return header;
  }

  /**
   * The provider's episodes, by id and by person, and, when the file names people by number, the
   * agency numbers of their people.
   */
  private ProviderEpisodes episodesAt(OrganizationId provider, boolean byNumber) {
    Map<UUID, TreatmentEpisode> byId = new HashMap<>();
    Map<UUID, List<TreatmentEpisode>> byPerson = new HashMap<>();
    for (TreatmentEpisode episode : episodes.findByProviderIdOrderByStartedOnDesc(provider)) {
      byId.put(episode.id().value(), episode);
      byPerson.computeIfAbsent(episode.personId().value(), p -> new ArrayList<>()).add(episode);
    }
    SupervisedPeople.AgencyNumbers numbers =
        byNumber
            ? people.agencyNumbersOf(byPerson.keySet().stream().map(PersonId::new).toList())
            : null;
    return new ProviderEpisodes(byId, byPerson, numbers);
  }

  private void fail(UploadJobStore.Claimed job, String code, String message) {
    UploadReport report =
        UploadReport.rejected(job.rows(), 1, List.of(new UploadError(0, null, code, message)));
    separately.executeWithoutResult(
        tx -> {
          store.finish(job.id(), UploadStatus.FAILED, report, clock.instant());
          audit.record(
              outcome(AuditEvent.failure(CareUploads.ACTION), job)
                  .withDetail("rows", Integer.toString(job.rows()))
                  .withDetail("reason", code));
        });
  }

  private static AuditEvent outcome(AuditEvent event, UploadJobStore.Claimed job) {
    return event.withRecord(CareUploads.RECORD_TYPE, job.id()).withActor(job.uploader());
  }

  /**
   * Writes progress at most four times a second, at each change of phase and when the last row of a
   * phase is done.
   */
  private final class Progress {

    private final UUID jobId;
    private final int rows;
    private UploadStatus status = UploadStatus.VALIDATING;
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
      status = UploadStatus.WRITING;
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
