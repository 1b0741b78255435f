package org.bridgeway.outcomes.cohort;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.outcomes.event.EventImportRejected;
import org.bridgeway.outcomes.event.EventMessages;
import org.bridgeway.outcomes.event.ImportErrors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports of an agency's historical cohort (ADR 0025): a ZIP of up to four CSV files (people,
 * spells, events, participation) is checked for what can be checked at once (size, a ZIP of known
 * files, people.csv present), stored and queued on the database-backed scheduler; the {@link
 * CohortRunner} checks every row of every file and writes them all or nothing. An agency's analysts
 * and supervisors import for their own agency and see only its imports.
 */
@Service
public class CohortImports {

  public static final String PEOPLE = "people.csv";
  public static final String SPELLS = "spells.csv";
  public static final String EVENTS = "events.csv";
  public static final String PARTICIPATION = "participation.csv";
  public static final List<String> FILES = List.of(PEOPLE, SPELLS, EVENTS, PARTICIPATION);

  /** The largest ZIP accepted, and the most its files may hold once unpacked. */
  public static final long MAX_BYTES = 100L * 1024 * 1024;

  public static final long MAX_UNPACKED_BYTES = 500L * 1024 * 1024;

  static final String RECORD_TYPE = "outcomes_import";

  private final CohortJobStore store;
  private final CohortTask.Scheduling scheduling;
  private final AuditTrail audit;
  private final EventMessages messages;
  private final Clock clock;
  private final TransactionTemplate transactions;

  CohortImports(
      CohortJobStore store,
      CohortTask.Scheduling scheduling,
      AuditTrail audit,
      EventMessages messages,
      Clock clock,
      PlatformTransactionManager transactionManager) {
    this.store = store;
    this.scheduling = scheduling;
    this.audit = audit;
    this.messages = messages;
    this.clock = clock;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /**
   * Queues a cohort import for the caller's agency.
   *
   * @return the import's id
   * @throws EventImportRejected with a {@link CohortReport} if the upload is too large or not a ZIP
   *     of the known files; nothing is stored
   */
  public UUID submit(BridgewayPrincipal principal, String fileName, byte[] zip) {
    ImportErrors errors = new ImportErrors(100);
    if (zip.length > MAX_BYTES) {
      errors.add(null, 0, null, "TooLarge", messages.error("tooLarge", MAX_BYTES / (1024 * 1024)));
      throw rejected(errors, true);
    }
    precheck(zip, errors, messages);
    if (errors.any()) {
      throw rejected(errors, false);
    }
    UUID id = UUID.randomUUID();
    Importer importer =
        new Importer(principal.organization().value(), principal.userId(), principal.apiTokenId());
    transactions.executeWithoutResult(
        tx -> {
          store.insert(id, importer, baseName(fileName), zip, clock.instant());
          scheduling.schedule(id, clock.instant());
          audit.record(
              AuditEvent.success("outcomes.cohort.submit")
                  .withRecord(RECORD_TYPE, id)
                  .withDetail("bytes", Integer.toString(zip.length)));
        });
    return id;
  }

  /** An import of the caller's agency; empty for another agency's, as for a missing one. */
  public Optional<CohortImportJob> find(BridgewayPrincipal principal, UUID id) {
    return store.find(id).filter(job -> job.agency().equals(principal.organization().value()));
  }

  /** The latest imports of the caller's agency, newest first. */
  public List<CohortImportJob> recent(BridgewayPrincipal principal, int limit) {
    return store.recent(principal.organization().value(), limit);
  }

  /**
   * Checks that the bytes are a ZIP of known CSV files, with people.csv, not too large unpacked.
   */
  static void precheck(byte[] zip, ImportErrors errors, EventMessages messages) {
    Set<String> seen = new HashSet<>();
    long unpacked = 0;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry entry;
      byte[] buffer = new byte[1 << 16];
      while ((entry = in.getNextEntry()) != null) {
        if (entry.isDirectory()) {
          continue;
        }
        String name = entryName(entry.getName());
        if (!FILES.contains(name)) {
          errors.add(name, 0, null, "UnknownFile", messages.error("unknownFile", FILES));
          continue;
        }
        if (!seen.add(name)) {
          errors.add(name, 0, null, "DuplicateFile", messages.error("duplicateFile"));
        }
        int read;
        while ((read = in.read(buffer)) > 0) {
          unpacked += read;
          if (unpacked > MAX_UNPACKED_BYTES) {
            errors.add(
                null,
                0,
                null,
                "TooLarge",
                messages.error("unpackedTooLarge", MAX_UNPACKED_BYTES / (1024 * 1024)));
            return;
          }
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      errors.add(null, 0, null, "NotZip", messages.error("notZip"));
      return;
    }
    if (seen.isEmpty() && !errors.any()) {
      errors.add(null, 0, null, "NotZip", messages.error("notZip"));
      return;
    }
    if (!seen.contains(PEOPLE)) {
      errors.add(PEOPLE, 0, null, "Required", messages.error("peopleRequired"));
    }
  }

  /** The file's name without the folders it was zipped in. */
  static String entryName(String name) {
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return (slash >= 0 ? name.substring(slash + 1) : name).toLowerCase(java.util.Locale.ROOT);
  }

  private EventImportRejected rejected(ImportErrors errors, boolean tooLarge) {
    audit.record(
        AuditEvent.failure("outcomes.cohort.import")
            .withDetail("errors", Integer.toString(errors.count())));
    return new EventImportRejected(CohortReport.rejected(errors.count(), errors.kept()), tooLarge);
  }

  static String baseName(String name) {
    if (name == null || name.isBlank()) {
      return "cohort.zip";
    }
    String base = entryName(name.strip()).replaceAll("\\p{Cntrl}", "");
    if (base.isBlank()) {
      return "cohort.zip";
    }
    return base.length() > 200 ? base.substring(0, 200) : base;
  }
}
