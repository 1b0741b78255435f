package org.bridgeway.directory.exchange;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.directory.hsds.DirectoryRecordsChanged;
import org.bridgeway.directory.hsds.HsdsRecords;
import org.bridgeway.directory.hsds.HsdsType;
import org.bridgeway.directory.profile.BridgewayTaxonomy;
import org.bridgeway.directory.profile.Capacities;
import org.bridgeway.directory.profile.Capacity;
import org.bridgeway.directory.profile.ServiceProfile;
import org.bridgeway.directory.profile.ServiceProfiles;
import org.bridgeway.shared.security.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a checked import, all of it in the caller's one transaction: the HSDS records through
 * {@link HsdsRecords#write} (an upsert by id that reports what changed and leaves HSDS metadata for
 * every changed field), Bridgeway's attributes into service profiles and capacity, one {@link
 * DirectoryRecordsChanged} with every id written, and the audit entry.
 *
 * <p>Imports are serialized by a transaction-scoped advisory lock, and what the checks found in the
 * directory is checked again under it: another import or an edit may have run in between.
 */
@Component
class ImportWriter {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImportWriter.class);

  static final String PROFILE_COUNT = "bridgeway_profile";
  static final String CAPACITY_COUNT = "bridgeway_capacity";

  /** Who imports, and what, for HSDS metadata and the audit trail. */
  record Context(UUID jobId, Actor actor, String updatedBy, String fileName) {}

  /** What the import changed. */
  record Result(List<ImportReport.TypeCount> counts, Set<UUID> changed) {}

  /** The import cannot be written after all: the transaction is rolled back. */
  static final class Rejected extends RuntimeException {
    Rejected() {
      super("The import no longer fits the directory");
    }
  }

  private final HsdsRecords records;
  private final ServiceProfiles profiles;
  private final Capacities capacities;
  private final ApplicationEventPublisher events;
  private final AuditTrail audit;
  private final JdbcClient jdbc;
  private volatile Boolean mayCleanLinksIndex;

  ImportWriter(
      HsdsRecords records,
      ServiceProfiles profiles,
      Capacities capacities,
      ApplicationEventPublisher events,
      AuditTrail audit,
      JdbcClient jdbc) {
    this.records = records;
    this.profiles = profiles;
    this.capacities = capacities;
    this.events = events;
    this.audit = audit;
    this.jdbc = jdbc;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  Result write(
      ImportChecks.PreparedImport prepared, Context context, Instant at, ImportProblems problems) {
    jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('bridgeway.directory-import'))")
        .query((rs, n) -> 1)
        .list();
    recheck(prepared, problems);
    // A large import adds a link entry per reference to the GIN index on directory_record.links:
    // let them gather in the index's pending list for the whole transaction rather than merging
    // it every 4 MB.
    jdbc.sql("SET LOCAL gin_pending_list_limit = '256MB'").update();
    long started = System.nanoTime();

    Set<UUID> changed = new LinkedHashSet<>();
    Map<HsdsType, int[]> byType = new EnumMap<>(HsdsType.class);
    if (!prepared.records().isEmpty()) {
      HsdsRecords.WriteSummary summary;
      try {
        summary = records.write(prepared.records(), context.updatedBy(), at);
      } catch (IllegalArgumentException typeChanged) {
        problems.error(
            Origin.file(context.fileName()), "id", "id-type-change-race", typeChanged.getMessage());
        throw new Rejected();
      }
      summary.created().forEach((type, n) -> counts(byType, type)[0] += n);
      summary.updated().forEach((type, n) -> counts(byType, type)[1] += n);
      summary.unchanged().forEach((type, n) -> counts(byType, type)[2] += n);
      summary.changed().forEach(record -> changed.add(record.id()));
    }
    if (changed.size() > 1_000 && mayCleanLinksIndex()) {
      // Merge the pending entries into the index in one pass, before anything (the search
      // projection's listener, the next import) looks records up by their links.
      jdbc.sql("SELECT gin_clean_pending_list('directory_record_links'::regclass)")
          .query((rs, n) -> 1)
          .list();
    }
    long recordsWritten = System.nanoTime();
    List<ImportReport.TypeCount> counts = new ArrayList<>();
    byType.forEach(
        (type, n) -> counts.add(new ImportReport.TypeCount(type.schemaName(), n[0], n[1], n[2])));
    counts.addAll(writeExtensions(prepared, context, at, changed));

    long beforeEvent = System.nanoTime();
    if (!changed.isEmpty()) {
      events.publishEvent(new DirectoryRecordsChanged(Set.copyOf(changed)));
    }
    log.info(
        "Import {}: records written in {} ms, profiles and capacity in {} ms, listeners of"
            + " DirectoryRecordsChanged took {} ms",
        context.jobId(),
        (recordsWritten - started) / 1_000_000,
        (beforeEvent - recordsWritten) / 1_000_000,
        (System.nanoTime() - beforeEvent) / 1_000_000);
    int created = counts.stream().mapToInt(ImportReport.TypeCount::created).sum();
    int updated = counts.stream().mapToInt(ImportReport.TypeCount::updated).sum();
    int unchanged = counts.stream().mapToInt(ImportReport.TypeCount::unchanged).sum();
    audit.record(
        AuditEvent.success("directory.import")
            .withRecord("hsds_import", context.jobId())
            .withActor(context.actor())
            .withDetail("file", context.fileName())
            .withDetail("kind", String.valueOf(prepared.kind()))
            .withDetail("created", Integer.toString(created))
            .withDetail("updated", Integer.toString(updated))
            .withDetail("unchanged", Integer.toString(unchanged)));
    return new Result(counts, changed);
  }

  /**
   * What the checks found stored must still be there, with the same type: another import or an edit
   * may have deleted a record this import points to since.
   */
  private void recheck(ImportChecks.PreparedImport prepared, ImportProblems problems) {
    Map<UUID, HsdsType> now = records.existingTypes(prepared.storedReferences().keySet());
    boolean gone = false;
    for (Map.Entry<UUID, HsdsType> reference : prepared.storedReferences().entrySet()) {
      if (now.get(reference.getKey()) != reference.getValue()) {
        problems.error(
            Origin.file(null), null, "reference-vanished", reference.getKey().toString());
        gone = true;
      }
    }
    if (gone) {
      throw new Rejected();
    }
  }

  private List<ImportReport.TypeCount> writeExtensions(
      ImportChecks.PreparedImport prepared, Context context, Instant at, Set<UUID> changed) {
    if (prepared.extensions().isEmpty()) {
      return List.of();
    }
    Set<UUID> services = prepared.extensions().keySet();
    Map<UUID, ServiceProfile> storedProfiles =
        profiles.findAll(services).stream()
            .collect(Collectors.toMap(ServiceProfile::serviceId, Function.identity()));
    Map<UUID, Capacity> storedCapacity =
        capacities.findAll(services).stream()
            .collect(Collectors.toMap(Capacity::serviceId, Function.identity()));
    int[] profileCounts = new int[3];
    int[] capacityCounts = new int[3];
    List<ServiceProfile> changedProfiles = new ArrayList<>();
    List<Capacity> newReports = new ArrayList<>();
    prepared
        .extensions()
        .forEach(
            (service, extensions) -> {
              ServiceProfile stored = storedProfiles.get(service);
              ServiceProfile imported = extensions.profile();
              if (stored == null) {
                changedProfiles.add(imported);
                profileCounts[0]++;
              } else if (sameProfile(stored, imported)) {
                profileCounts[2]++;
              } else {
                changedProfiles.add(imported);
                profileCounts[1]++;
              }
              extensions
                  .capacity()
                  .ifPresent(
                      report -> {
                        Capacity current = storedCapacity.get(service);
                        Instant reported = report.updatedAt().truncatedTo(ChronoUnit.MICROS);
                        if (current != null
                            && (sameCapacity(current, report, reported)
                                || reported.isBefore(current.updatedAt()))) {
                          // The same figures, or older ones than those stored: no new report.
                          capacityCounts[2]++;
                          return;
                        }
                        newReports.add(
                            new Capacity(
                                service,
                                report.openSlots(),
                                report.waitlistLength(),
                                report.estimatedWaitDays(),
                                reported,
                                context.actor().reference(),
                                0));
                        capacityCounts[current == null ? 0 : 1]++;
                      });
            });
    // Set-based writes (COPY and one statement each): 25,000 services' profiles and capacity
    // reports in a second or two instead of 100,000 single statements.
    if (!changedProfiles.isEmpty()) {
      profiles.saveAll(changedProfiles, at);
      changedProfiles.forEach(profile -> changed.add(profile.serviceId()));
    }
    if (!newReports.isEmpty()) {
      capacities.loadAll(newReports);
      newReports.forEach(report -> changed.add(report.serviceId()));
    }
    List<ImportReport.TypeCount> counts = new ArrayList<>();
    counts.add(
        new ImportReport.TypeCount(
            PROFILE_COUNT, profileCounts[0], profileCounts[1], profileCounts[2]));
    if (capacityCounts[0] + capacityCounts[1] + capacityCounts[2] > 0) {
      counts.add(
          new ImportReport.TypeCount(
              CAPACITY_COUNT, capacityCounts[0], capacityCounts[1], capacityCounts[2]));
    }
    return counts;
  }

  /** Only the index's owner may clean its pending list; elsewhere autovacuum does it. */
  private boolean mayCleanLinksIndex() {
    Boolean may = mayCleanLinksIndex;
    if (may == null) {
      may =
          jdbc.sql(
                  "SELECT pg_has_role(current_user, c.relowner, 'USAGE') FROM pg_class c"
                      + " WHERE c.oid = 'directory_record_links'::regclass")
              .query(Boolean.class)
              .optional()
              .orElse(false);
      mayCleanLinksIndex = may;
    }
    return may;
  }

  private static boolean sameCapacity(
      Capacity current, BridgewayTaxonomy.CapacityReport report, Instant reported) {
    return current.openSlots() == report.openSlots()
        && current.waitlistLength() == report.waitlistLength()
        && Objects.equals(current.estimatedWaitDays(), report.estimatedWaitDays())
        && current.updatedAt().equals(reported);
  }

  /** Equal apart from the version; a unit cost of 45 and of 45.00 are the same. */
  static boolean sameProfile(ServiceProfile a, ServiceProfile b) {
    return a.needDomains().equals(b.needDomains())
        && Objects.equals(a.minimumAge(), b.minimumAge())
        && Objects.equals(a.maximumAge(), b.maximumAge())
        && a.genders().equals(b.genders())
        && a.supervisionTypes().equals(b.supervisionTypes())
        && a.supervisionLevels().equals(b.supervisionLevels())
        && a.excludedOffenses().equals(b.excludedOffenses())
        && a.insuranceAccepted().equals(b.insuranceAccepted())
        && a.residencyPostcodes().equals(b.residencyPostcodes())
        && a.languages().equals(b.languages())
        && a.accessibility().equals(b.accessibility())
        && Objects.equals(a.costKind(), b.costKind())
        && sameAmount(a.unitCost(), b.unitCost())
        && Objects.equals(a.costUnit(), b.costUnit());
  }

  private static boolean sameAmount(BigDecimal a, BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }

  private static int[] counts(Map<HsdsType, int[]> byType, HsdsType type) {
    return byType.computeIfAbsent(type, t -> new int[3]);
  }
}
