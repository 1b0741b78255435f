package org.bridgeway.care.upload;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Providers' bulk CSV uploads of attendance or drug test results as background jobs (ADR 0023): an
 * upload is checked for what can be checked at once (size, UTF-8 text, well-formed CSV with a known
 * header, number of rows), stored and queued on the database-backed scheduler, which checks every
 * row and writes the file all or nothing ({@link UploadRunner}). A provider's staff upload for
 * their own organization and see only its jobs; to anyone else a job does not exist.
 */
@Service
public class CareUploads {

  /** The record type of an upload job in the audit trail. */
  static final String RECORD_TYPE = "care_upload_job";

  static final String UPLOAD_ACTION = "care.upload.submit";

  /** The action of the entry that says what a finished upload did. */
  static final String ACTION = "care.upload";

  private final UploadJobStore store;
  private final UploadTask.Scheduling scheduling;
  private final AuditTrail audit;
  private final CareUploadProperties properties;
  private final Clock clock;
  private final TransactionTemplate transactions;

  CareUploads(
      UploadJobStore store,
      UploadTask.Scheduling scheduling,
      AuditTrail audit,
      CareUploadProperties properties,
      Clock clock,
      PlatformTransactionManager transactionManager) {
    this.store = store;
    this.scheduling = scheduling;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /** Queues an attendance upload for the caller's organization (see the next method). */
  public UUID submit(BridgewayPrincipal principal, String fileName, byte[] bytes) {
    return submit(principal, UploadKind.ATTENDANCE, fileName, bytes);
  }

  /**
   * Queues an upload of the kind for the caller's organization.
   *
   * @param fileName the name the client gave the file, or null
   * @return the job's id
   * @throws UploadRejected if the file is too large, not UTF-8 CSV text with the kind's header,
   *     empty or has too many rows; nothing is stored
   */
  public UUID submit(BridgewayPrincipal principal, UploadKind kind, String fileName, byte[] bytes) {
    OrganizationId provider = principal.organization();
    UploadErrors errors = new UploadErrors(properties.maxReportedErrors());
    if (bytes.length > properties.maxFileSize().toBytes()) {
      errors.add(
          0,
          null,
          "TooLarge",
          "the file is larger than "
              + properties.maxFileSize().toMegabytes()
              + " MB: split it into smaller files");
      throw rejected(principal, 0, errors, true);
    }
    int rows = precheck(kind, bytes, errors);
    if (rows > properties.maxRows()) {
      errors.add(
          0,
          null,
          "TooManyRows",
          "the file has more than " + properties.maxRows() + " rows: split it into smaller files");
      throw rejected(principal, rows, errors, true);
    }
    if (errors.any()) {
      throw rejected(principal, rows, errors, false);
    }
    UUID id = UUID.randomUUID();
    Uploader uploader = new Uploader(provider, principal.user(), principal.apiTokenId());
    transactions.executeWithoutResult(
        tx -> {
          store.insert(id, kind, uploader, baseName(fileName), bytes, rows, clock.instant());
          scheduling.schedule(id, clock.instant());
          audit.record(
              AuditEvent.success(UPLOAD_ACTION)
                  .withRecord(RECORD_TYPE, id)
                  .withDetail("kind", kind.name())
                  .withDetail("rows", Integer.toString(rows))
                  .withDetail("bytes", Integer.toString(bytes.length)));
        });
    return id;
  }

  /** A job of the caller's organization; empty for a job of another, as for a missing one. */
  public Optional<UploadJob> find(BridgewayPrincipal principal, UUID id) {
    return store
        .find(id)
        .filter(job -> principal.belongsTo(new OrganizationId(job.organizationId())));
  }

  /** The latest jobs of the caller's organization, newest first. */
  public List<UploadJob> recent(BridgewayPrincipal principal, int limit) {
    return store.recent(principal.organization(), limit);
  }

  /** The largest file accepted, in bytes. */
  public long maxFileBytes() {
    return properties.maxFileSize().toBytes();
  }

  public int maxRows() {
    return properties.maxRows();
  }

  /** The header row of an attendance file with every column. */
  public String exampleHeader() {
    return exampleHeader(UploadKind.ATTENDANCE);
  }

  /** The header row of a file of the kind with every column. */
  public String exampleHeader(UploadKind kind) {
    return switch (kind) {
      case ATTENDANCE -> AttendanceFile.exampleHeader();
      case DRUG_TESTS -> DrugTestFile.exampleHeader();
    };
  }

  /** Reads the header row of a file of the kind, adding an error for every column at fault. */
  static FileHeader header(UploadKind kind, List<String> names, UploadErrors errors) {
    return switch (kind) {
      case ATTENDANCE -> AttendanceFile.header(names, errors);
      case DRUG_TESTS -> DrugTestFile.header(names, errors);
    };
  }

  /**
   * Checks that the bytes are UTF-8 CSV text with a known header and at least one data row, and
   * counts the records (a malformed one too: it is reported by the job with its row).
   */
  static int precheck(byte[] bytes, UploadErrors errors) {
    return precheck(UploadKind.ATTENDANCE, bytes, errors);
  }

  static int precheck(UploadKind kind, byte[] bytes, UploadErrors errors) {
    if (!CsvRecords.isUtf8Text(bytes)) {
      errors.add(0, null, "NotText", "the file is not UTF-8 text: save it as CSV (UTF-8)");
      return 0;
    }
    CsvRecords records = new CsvRecords(bytes);
    if (records.next() != CsvRecords.Outcome.RECORD) {
      errors.add(0, null, "Empty", "the file is empty: it needs a header and at least one row");
      return 0;
    }
    header(kind, records.fields(), errors);
    int rows = 0;
    while (records.next() != CsvRecords.Outcome.END) {
      rows++;
    }
    if (rows == 0 && !errors.any()) {
      errors.add(0, null, "Empty", "the file has a header but no rows");
    }
    return rows;
  }

  private UploadRejected rejected(
      BridgewayPrincipal principal, int rows, UploadErrors errors, boolean tooLarge) {
    audit.record(
        AuditEvent.failure(ACTION)
            .withDetail("provider", principal.organization().toString())
            .withDetail("rows", Integer.toString(rows))
            .withDetail("errors", Integer.toString(errors.count())));
    return new UploadRejected(UploadReport.rejected(rows, errors.count(), errors.kept()), tooLarge);
  }

  /** The file's name without a path (some browsers send it), at most 200 characters. */
  static String baseName(String name) {
    if (name == null || name.isBlank()) {
      return "upload.csv";
    }
    String stripped = name.strip();
    int slash = Math.max(stripped.lastIndexOf('/'), stripped.lastIndexOf('\\'));
    String base = slash >= 0 ? stripped.substring(slash + 1) : stripped;
    base = base.replaceAll("\\p{Cntrl}", "");
    if (base.isBlank()) {
      return "upload.csv";
    }
    return base.length() > 200 ? base.substring(0, 200) : base;
  }
}
