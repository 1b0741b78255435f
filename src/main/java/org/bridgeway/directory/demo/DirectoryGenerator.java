package org.bridgeway.directory.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.directory.geo.ZipCentroids;
import org.bridgeway.directory.hsds.DirectoryRecordsChanged;
import org.bridgeway.directory.hsds.HsdsRecord;
import org.bridgeway.directory.hsds.HsdsRecords;
import org.bridgeway.directory.listing.NetworkOrganization;
import org.bridgeway.directory.listing.Stewards;
import org.bridgeway.directory.profile.Capacities;
import org.bridgeway.directory.profile.Capacity;
import org.bridgeway.directory.profile.ServiceProfile;
import org.bridgeway.directory.profile.ServiceProfiles;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.shared.demo.DemoData;
import org.bridgeway.shared.demo.DemoProperties.Scale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the deterministic demo directory at a scale (demo, county or state) and writes it fast:
 * records are built in memory a batch of organizations at a time and written through {@link
 * HsdsRecords#write} (COPY), profiles and capacity through their COPY bulk paths, stewards in one
 * statement, all in one transaction; then one {@link DirectoryRecordsChanged} carries every id, so
 * search refreshes its projection once. Used by the demo data step and by benchmarks.
 */
@Component
public class DirectoryGenerator {

  private static final Logger log = LoggerFactory.getLogger(DirectoryGenerator.class);

  /** Records per {@link HsdsRecords#write} call: large enough for COPY, small enough for memory. */
  static final int BATCH_RECORDS = 40_000;

  private final HsdsRecords records;
  private final ServiceProfiles profiles;
  private final Capacities capacities;
  private final Stewards stewards;
  private final ZipCentroids centroids;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  DirectoryGenerator(
      HsdsRecords records,
      ServiceProfiles profiles,
      Capacities capacities,
      Stewards stewards,
      ZipCentroids centroids,
      ApplicationEventPublisher events,
      Clock clock) {
    this.records = records;
    this.profiles = profiles;
    this.capacities = capacities;
    this.stewards = stewards;
    this.centroids = centroids;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Generates the directory of a scale unless it is there already (its last organization exists).
   * The network's treatment providers and community organizations of the identity demo data, where
   * they exist, become the first directory organizations and their stewards.
   */
  @Transactional
  public GenerationSummary generate(DemoData demo, Scale scale) {
    long started = System.nanoTime();
    DirectoryBlueprint blueprint = blueprint(demo, scale, clock.instant());
    if (records.find(blueprint.organizationId(blueprint.organizations() - 1)).isPresent()) {
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
      return new GenerationSummary(
          scale, 0, 0, 0, 0, 0, 0, 0, 0, true, elapsed, Duration.ZERO, Duration.ZERO);
    }
    Instant now = clock.instant();
    Set<UUID> written = new HashSet<>();
    List<HsdsRecord> batch = new ArrayList<>(blueprint.taxonomy());
    List<ServiceProfile> batchProfiles = new ArrayList<>();
    List<Capacity> batchReports = new ArrayList<>();
    Map<UUID, OrganizationId> links = new LinkedHashMap<>();
    int services = 0;
    int locations = 0;
    int serviceAtLocations = 0;
    int recordCount = 0;
    int profileCount = 0;
    int reportCount = 0;
    long writingNanos = 0;
    for (int index = 0; index < blueprint.organizations(); index++) {
      DirectoryBlueprint.OrganizationContent content = blueprint.organization(index);
      batch.addAll(content.records());
      batchProfiles.addAll(content.profiles());
      batchReports.addAll(content.capacityReports());
      if (content.steward() != null) {
        links.put(content.organizationId(), content.steward());
      }
      services += content.services();
      locations += content.locations();
      serviceAtLocations += content.serviceAtLocations();
      if (batch.size() >= BATCH_RECORDS || index == blueprint.organizations() - 1) {
        long writeStarted = System.nanoTime();
        recordCount += write(batch, batchProfiles, batchReports, written, now);
        writingNanos += System.nanoTime() - writeStarted;
        profileCount += batchProfiles.size();
        reportCount += batchReports.size();
        batch.clear();
        batchProfiles.clear();
        batchReports.clear();
      }
    }
    stewards.linkAll(links, DirectoryBlueprint.SOURCE, now);
    long published = System.nanoTime();
    events.publishEvent(new DirectoryRecordsChanged(written));
    Duration searchRefresh = Duration.ofNanos(System.nanoTime() - published);
    GenerationSummary summary =
        new GenerationSummary(
            scale,
            blueprint.organizations(),
            links.size(),
            services,
            locations,
            serviceAtLocations,
            recordCount,
            profileCount,
            reportCount,
            false,
            Duration.ofNanos(System.nanoTime() - started),
            Duration.ofNanos(writingNanos),
            searchRefresh);
    log.info("Generated the {}", summary);
    return summary;
  }

  private int write(
      List<HsdsRecord> batch,
      List<ServiceProfile> batchProfiles,
      List<Capacity> batchReports,
      Set<UUID> written,
      Instant now) {
    long started = System.nanoTime();
    records.write(batch, DirectoryBlueprint.SOURCE, now);
    long recordsWritten = System.nanoTime();
    profiles.saveAll(batchProfiles, now);
    long profilesWritten = System.nanoTime();
    capacities.loadAll(batchReports);
    log.debug(
        "Wrote {} records in {} ms, {} profiles in {} ms, {} capacity reports in {} ms",
        batch.size(),
        (recordsWritten - started) / 1_000_000,
        batchProfiles.size(),
        (profilesWritten - recordsWritten) / 1_000_000,
        batchReports.size(),
        (System.nanoTime() - profilesWritten) / 1_000_000);
    batch.forEach(record -> written.add(record.id()));
    return batch.size();
  }

  /**
   * The blueprint of a scale: the network members are looked up by the ids the identity demo data
   * gives them, so that the directory is linked to whatever part of the network exists.
   */
  DirectoryBlueprint blueprint(DemoData demo, Scale scale, Instant now) {
    List<OrganizationId> ids = DirectoryBlueprint.networkProviderIds(demo);
    Map<OrganizationId, NetworkOrganization> found = new HashMap<>();
    stewards.networkOrganizations(ids).forEach(o -> found.put(o.id(), o));
    List<DirectoryBlueprint.Member> members = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      NetworkOrganization organization = found.get(ids.get(i));
      boolean treatment =
          organization != null
              ? organization.kind() == OrganizationKind.TREATMENT_PROVIDER
              : i < DirectoryBlueprint.NETWORK_TREATMENT_PROVIDERS;
      members.add(
          new DirectoryBlueprint.Member(
              ids.get(i), organization == null ? null : organization.name(), treatment));
    }
    return new DirectoryBlueprint(
        demo, scale, members, now.truncatedTo(ChronoUnit.MINUTES), new RiversidePlaces(centroids));
  }
}
