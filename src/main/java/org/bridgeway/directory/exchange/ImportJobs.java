package org.bridgeway.directory.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.directory.hsds.HsdsType;
import org.bridgeway.identity.BridgewayPrincipal;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * HSDS imports as jobs: an upload is checked for what can be checked at once (size, form,
 * well-formedness), stored, and queued on the database-backed scheduler, which runs it in the
 * background ({@link ImportJobRunner}). Small and large imports take the same path.
 */
@Service
public class ImportJobs {

  private final ImportJobStore store;
  private final HsdsImportReader reader;
  private final ImportTaskConfiguration.ImportScheduling scheduling;
  private final AuditTrail audit;
  private final MessageSource messages;
  private final ExchangeProperties properties;
  private final Clock clock;
  private final TransactionTemplate transactions;

  ImportJobs(
      ImportJobStore store,
      HsdsImportReader reader,
      ImportTaskConfiguration.ImportScheduling scheduling,
      AuditTrail audit,
      MessageSource messages,
      ExchangeProperties properties,
      Clock clock,
      PlatformTransactionManager transactionManager) {
    this.store = store;
    this.reader = reader;
    this.scheduling = scheduling;
    this.audit = audit;
    this.messages = messages;
    this.properties = properties;
    this.clock = clock;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /**
   * Queues an import of one file (HSDS JSON, a ZIP datapackage or one HSDS CSV file) or of several
   * CSV files uploaded together, which are kept as one ZIP.
   *
   * @return the job's id
   * @throws UploadRejected if the upload is empty, too large, of no accepted form or not
   *     well-formed; nothing is stored
   */
  public UUID submit(List<Upload> files, BridgewayPrincipal principal) {
    Upload upload = files.size() == 1 ? files.getFirst() : bundle(files);
    ImportProblems problems = new ImportProblems(messages, properties.maxReportedProblems());
    reader.precheck(upload, problems);
    if (problems.hasErrors()) {
      List<ImportProblem> found = problems.errors();
      audit.record(
          AuditEvent.failure("directory.import")
              .withDetail("file", upload.fileName())
              .withDetail("reason", found.getFirst().code()));
      throw new UploadRejected(found.stream().anyMatch(p -> p.code().equals("too-large")), found);
    }
    UUID id = UUID.randomUUID();
    transactions.executeWithoutResult(
        tx -> {
          store.insert(
              id,
              upload,
              principal.reference(),
              principal.userId(),
              principal.apiTokenId(),
              principal.displayName() == null ? principal.reference() : principal.displayName(),
              principal.organization().value(),
              clock.instant());
          scheduling.schedule(id, clock.instant());
        });
    return id;
  }

  public Optional<ImportJob> find(UUID id) {
    return store.find(id);
  }

  /** The latest imports of the whole network, newest first. */
  public List<ImportJob> recent(int limit) {
    return store.recent(limit);
  }

  /** The largest upload accepted, in bytes. */
  public long maxUploadBytes() {
    return properties.maxUploadSize().toBytes();
  }

  /**
   * Several CSV files uploaded together, as the ZIP datapackage they make up. Only HSDS CSV files
   * (and a {@code datapackage.json}) may be uploaded together.
   */
  private Upload bundle(List<Upload> files) {
    ImportProblems problems = new ImportProblems(messages, properties.maxReportedProblems());
    long total = files.stream().mapToLong(file -> file.bytes().length).sum();
    if (total > properties.maxUploadSize().toBytes()) {
      problems.error(
          Origin.file(files.getFirst().fileName()),
          null,
          "too-large",
          properties.maxUploadSize().toMegabytes());
      throw new UploadRejected(true, problems.errors());
    }
    Set<String> names = new HashSet<>();
    for (Upload file : files) {
      String name = file.lowerName();
      if (HsdsType.byCsvFile(name).isEmpty() && !name.equals(HsdsImportReader.DATAPACKAGE)) {
        problems.error(Origin.file(file.fileName()), null, "not-csv-together", file.fileName());
      } else if (!names.add(name)) {
        problems.error(Origin.file(file.fileName()), null, "duplicate-file", file.fileName());
      }
    }
    if (problems.hasErrors()) {
      throw new UploadRejected(false, problems.errors());
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Upload file : files) {
        zip.putNextEntry(new ZipEntry(file.lowerName()));
        zip.write(file.bytes());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String name = files.stream().map(Upload::fileName).collect(Collectors.joining(", "));
    return new Upload(
        name.length() > 200 ? name.substring(0, 199) + "…" : name,
        "application/zip",
        bytes.toByteArray());
  }
}
