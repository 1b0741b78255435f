package org.bridgeway.supervision.importing;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.supervision.access.CaseloadAccess;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports of people and cases as background jobs: an upload is checked for what can be checked at
 * once (size, UTF-8 text, well-formed CSV with the export's header, number of rows), stored, and
 * queued on the database-backed scheduler, which checks every row and writes the file all or
 * nothing ({@link PeopleImportRunner}). Only the agency's administrators upload and see the jobs;
 * to anyone else a job does not exist.
 */
@Service
public class PeopleImportJobs {

  /** The record type of an import job in the audit trail. */
  static final String RECORD_TYPE = "supervision_import_job";

  static final String UPLOAD_ACTION = "supervision.import.upload";

  private final PeopleImportJobStore store;
  private final PeopleImportTask.Scheduling scheduling;
  private final AuditTrail audit;
  private final ImportProperties properties;
  private final Clock clock;
  private final TransactionTemplate transactions;

  PeopleImportJobs(
      PeopleImportJobStore store,
      PeopleImportTask.Scheduling scheduling,
      AuditTrail audit,
      ImportProperties properties,
      Clock clock,
      PlatformTransactionManager transactionManager) {
    this.store = store;
    this.scheduling = scheduling;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /**
   * Queues an import of a file for the caller's agency.
   *
   * @param fileName the name the client gave the file, or null
   * @return the job's id
   * @throws ImportRejected if the file is too large, not UTF-8 CSV text with the export's header,
   *     empty or has too many rows; nothing is stored
   * @throws AccessDeniedException if the caller is not an administrator of a supervising agency
   */
  public UUID submit(BridgewayPrincipal principal, String fileName, byte[] bytes) {
    OrganizationId agency = principal.organization();
    if (!mayImport(principal, agency)) {
      throw new AccessDeniedException("Only a supervising agency's administrators import people");
    }
    ImportErrors errors = new ImportErrors(properties.maxReportedErrors());
    if (bytes.length > properties.maxFileSize().toBytes()) {
      errors.add(
          0,
          null,
          "TooLarge",
          "the file is larger than "
              + properties.maxFileSize().toMegabytes()
              + " MB: split it into smaller files");
      throw rejected(0, errors, true);
    }
    int rows;
    try {
      rows = PeopleCsv.precheck(bytes, properties.maxRows(), errors);
    } catch (PeopleCsv.TooManyRows tooMany) {
      throw rejected(properties.maxRows() + 1, errors, true);
    }
    if (errors.any()) {
      throw rejected(rows, errors, false);
    }
    UUID id = UUID.randomUUID();
    Importer importer = new Importer(agency, principal.user(), principal.apiTokenId());
    transactions.executeWithoutResult(
        tx -> {
          store.insert(id, importer, baseName(fileName), bytes, rows, clock.instant());
          scheduling.schedule(id, clock.instant());
          audit.record(
              AuditEvent.success(UPLOAD_ACTION)
                  .withRecord(RECORD_TYPE, id)
                  .withDetail("rows", Integer.toString(rows))
                  .withDetail("bytes", Integer.toString(bytes.length)));
        });
    return id;
  }

  /** A job of the caller's agency; empty for a job of another agency, as for a missing one. */
  public Optional<ImportJob> find(BridgewayPrincipal principal, UUID id) {
    return store
        .find(id)
        .filter(job -> mayImport(principal, new OrganizationId(job.organizationId())));
  }

  /** The latest jobs of the caller's agency, newest first. */
  public List<ImportJob> recent(BridgewayPrincipal principal, int limit) {
    if (!mayImport(principal, principal.organization())) {
      return List.of();
    }
    return store.recent(principal.organization(), limit);
  }

  /** The largest file accepted, in bytes. */
  public long maxFileBytes() {
    return properties.maxFileSize().toBytes();
  }

  public int maxRows() {
    return properties.maxRows();
  }

  private static boolean mayImport(BridgewayPrincipal principal, OrganizationId agency) {
    return principal.organizationKind() == OrganizationKind.PROBATION_AGENCY
        && CaseloadAccess.manages(principal, agency);
  }

  private ImportRejected rejected(int rows, ImportErrors errors, boolean tooLarge) {
    audit.record(
        AuditEvent.failure(PeopleImport.ACTION)
            .withDetail("rows", Integer.toString(rows))
            .withDetail("errors", Integer.toString(errors.count())));
    return new ImportRejected(ImportReport.rejected(rows, errors.count(), errors.kept()), tooLarge);
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
