package org.bridgeway.directory.search;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.directory.CostKind;
import org.bridgeway.directory.hsds.DirectoryRecordsChanged;
import org.bridgeway.directory.hsds.HsdsRecord;
import org.bridgeway.directory.hsds.HsdsRecords;
import org.bridgeway.directory.hsds.HsdsType;
import org.bridgeway.directory.profile.Capacities;
import org.bridgeway.directory.profile.ServiceProfile;
import org.bridgeway.directory.profile.ServiceProfiles;
import org.bridgeway.shared.vocabulary.Gender;
import org.bridgeway.shared.vocabulary.InsuranceCoverage;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.vocabulary.OffenseCategory;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.shared.vocabulary.SupervisionType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes directory services for search tests the way the directory's writers do: HSDS records,
 * profile and capacity in one transaction that publishes {@link DirectoryRecordsChanged}. Every
 * service carries a fresh taxonomy term of the test ({@link #term}), so that a test can restrict a
 * search to its own services in a database shared with other tests.
 */
final class SearchFixtures {

  private final HsdsRecords records;
  private final ServiceProfiles profiles;
  private final Capacities capacities;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final Clock clock;
  final UUID term = UUID.randomUUID();
  private final UUID taxonomy = UUID.randomUUID();
  private boolean termWritten;

  SearchFixtures(
      HsdsRecords records,
      ServiceProfiles profiles,
      Capacities capacities,
      ApplicationEventPublisher events,
      TransactionTemplate transactions,
      Clock clock) {
    this.records = records;
    this.profiles = profiles;
    this.capacities = capacities;
    this.events = events;
    this.transactions = transactions;
    this.clock = clock;
  }

  Service service(String name) {
    return new Service(name);
  }

  /** Writes records and publishes their ids, as an importer would. */
  void write(List<HsdsRecord> written) {
    transactions.executeWithoutResult(
        tx -> {
          records.write(written, "Search Tests", clock.instant());
          events.publishEvent(
              new DirectoryRecordsChanged(
                  new HashSet<>(written.stream().map(HsdsRecord::id).toList())));
        });
  }

  /** Deletes records and publishes their ids. */
  void delete(List<HsdsRecord> deleted) {
    transactions.executeWithoutResult(
        tx -> {
          records.delete(deleted, "Search Tests", clock.instant());
          events.publishEvent(
              new DirectoryRecordsChanged(
                  new HashSet<>(deleted.stream().map(HsdsRecord::id).toList())));
        });
  }

  static HsdsRecord record(HsdsType type, UUID id, Object... fields) {
    ObjectNode document = JsonMapper.shared().createObjectNode();
    document.put("id", id.toString());
    for (int i = 0; i < fields.length; i += 2) {
      String name = (String) fields[i];
      Object value = fields[i + 1];
      switch (value) {
        case null -> {}
        case Double number -> document.put(name, number);
        case Integer number -> document.put(name, number);
        default -> document.put(name, value.toString());
      }
    }
    return new HsdsRecord(type, id, document);
  }

  /** One service to write, with its organization, locations, schedules and Bridgeway profile. */
  final class Service {
    final UUID id = UUID.randomUUID();
    final UUID organizationId = UUID.randomUUID();
    final List<UUID> locationIds = new ArrayList<>();
    final List<UUID> serviceAtLocationIds = new ArrayList<>();
    final List<HsdsRecord> written = new ArrayList<>();
    private final String name;
    private String organizationName = "Test Organization";
    private String description = "";
    private String status = "active";
    private final List<Object[]> locations = new ArrayList<>();
    private final List<String[]> schedules = new ArrayList<>();
    private final List<String> languages = new ArrayList<>();
    private final Set<NeedDomain> domains = EnumSet.noneOf(NeedDomain.class);
    private Integer minimumAge;
    private Integer maximumAge;
    private Set<Gender> genders = Set.of();
    private Set<SupervisionType> supervisionTypes = Set.of();
    private Set<SupervisionLevel> supervisionLevels = Set.of();
    private Set<OffenseCategory> excluded = Set.of();
    private Set<InsuranceCoverage> insurance = Set.of();
    private Set<String> residency = Set.of();
    private Set<String> profileLanguages = Set.of();
    private CostKind cost;
    private Integer openSlots;
    private int waitlist;
    private Instant capacityAt;
    private final Set<UUID> extraTerms = new LinkedHashSet<>();

    private Service(String name) {
      this.name = name;
    }

    Service organization(String organizationName) {
      this.organizationName = organizationName;
      return this;
    }

    Service description(String description) {
      this.description = description;
      return this;
    }

    Service status(String status) {
      this.status = status;
      return this;
    }

    /** A location with coordinates (null for none) and an address in a ZIP code. */
    Service location(String locationName, Double latitude, Double longitude, String zip) {
      locations.add(new Object[] {locationName, latitude, longitude, zip});
      return this;
    }

    Service schedule(String byday, String opens, String closes) {
      schedules.add(new String[] {byday, opens, closes});
      return this;
    }

    Service language(String code) {
      languages.add(code);
      return this;
    }

    Service domains(NeedDomain... needDomains) {
      domains.addAll(List.of(needDomains));
      return this;
    }

    Service ages(Integer minimum, Integer maximum) {
      this.minimumAge = minimum;
      this.maximumAge = maximum;
      return this;
    }

    Service genders(Gender... accepted) {
      this.genders = Set.of(accepted);
      return this;
    }

    Service supervision(Set<SupervisionType> types, Set<SupervisionLevel> levels) {
      this.supervisionTypes = types;
      this.supervisionLevels = levels;
      return this;
    }

    Service excludes(OffenseCategory... offenses) {
      this.excluded = Set.of(offenses);
      return this;
    }

    Service insurance(InsuranceCoverage... accepted) {
      this.insurance = Set.of(accepted);
      return this;
    }

    Service residency(String... zips) {
      this.residency = Set.of(zips);
      return this;
    }

    Service profileLanguages(String... codes) {
      this.profileLanguages = Set.of(codes);
      return this;
    }

    Service cost(CostKind kind) {
      this.cost = kind;
      return this;
    }

    Service capacity(int open, int waiting, Instant at) {
      this.openSlots = open;
      this.waitlist = waiting;
      this.capacityAt = at;
      return this;
    }

    Service term(UUID termId) {
      extraTerms.add(termId);
      return this;
    }

    Service create() {
      List<HsdsRecord> batch = new ArrayList<>();
      if (!termWritten) {
        batch.add(record(HsdsType.TAXONOMY, taxonomy, "name", "Search test taxonomy"));
        batch.add(
            record(
                HsdsType.TAXONOMY_TERM,
                term,
                "code",
                "search-test",
                "name",
                "Search test term",
                "description",
                "A term of one test",
                "taxonomy_id",
                taxonomy));
        termWritten = true;
      }
      batch.add(
          record(
              HsdsType.ORGANIZATION, organizationId, "name", organizationName, "description", "x"));
      batch.add(
          record(
              HsdsType.SERVICE,
              id,
              "organization_id",
              organizationId,
              "name",
              name,
              "description",
              description,
              "status",
              status));
      for (Object[] location : locations) {
        UUID locationId = UUID.randomUUID();
        UUID salId = UUID.randomUUID();
        locationIds.add(locationId);
        serviceAtLocationIds.add(salId);
        batch.add(
            record(
                HsdsType.LOCATION,
                locationId,
                "organization_id",
                organizationId,
                "location_type",
                "physical",
                "name",
                location[0],
                "latitude",
                location[1],
                "longitude",
                location[2]));
        batch.add(
            record(
                HsdsType.ADDRESS,
                UUID.randomUUID(),
                "location_id",
                locationId,
                "address_1",
                "1 Main Street",
                "city",
                "Portland",
                "state_province",
                "OR",
                "postal_code",
                location[3],
                "country",
                "US",
                "address_type",
                "physical"));
        batch.add(
            record(
                HsdsType.SERVICE_AT_LOCATION, salId, "service_id", id, "location_id", locationId));
      }
      for (String[] schedule : schedules) {
        batch.add(
            record(
                HsdsType.SCHEDULE,
                UUID.randomUUID(),
                "service_id",
                id,
                "freq",
                "WEEKLY",
                "byday",
                schedule[0],
                "opens_at",
                schedule[1],
                "closes_at",
                schedule[2]));
      }
      for (String code : languages) {
        batch.add(
            record(
                HsdsType.LANGUAGE,
                UUID.randomUUID(),
                "service_id",
                id,
                "code",
                code,
                "name",
                code));
      }
      Set<UUID> terms = new LinkedHashSet<>(extraTerms);
      terms.add(term);
      for (UUID termId : terms) {
        batch.add(
            record(
                HsdsType.ATTRIBUTE,
                UUID.randomUUID(),
                "link_id",
                id,
                "link_entity",
                "service",
                "link_type",
                "test",
                "taxonomy_term_id",
                termId,
                "value",
                "yes"));
      }
      written.addAll(batch);
      transactions.executeWithoutResult(
          tx -> {
            Instant now = clock.instant();
            records.write(batch, "Search Tests", now);
            profiles.save(
                new ServiceProfile(
                    id,
                    domains,
                    minimumAge,
                    maximumAge,
                    genders,
                    supervisionTypes,
                    supervisionLevels,
                    excluded,
                    insurance,
                    residency,
                    profileLanguages,
                    Set.of(),
                    cost,
                    null,
                    null,
                    0),
                now);
            if (openSlots != null) {
              capacities.report(id, openSlots, waitlist, null, "test", capacityAt, null);
            }
            Set<UUID> changed = new HashSet<>(batch.stream().map(HsdsRecord::id).toList());
            changed.add(id);
            events.publishEvent(new DirectoryRecordsChanged(changed));
          });
      return this;
    }
  }
}
