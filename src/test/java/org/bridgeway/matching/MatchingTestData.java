package org.bridgeway.matching;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.directory.AccessibilityFeature;
import org.bridgeway.directory.CostKind;
import org.bridgeway.directory.ServiceCandidate.Place;
import org.bridgeway.directory.hsds.DirectoryRecordsChanged;
import org.bridgeway.directory.hsds.HsdsRecord;
import org.bridgeway.directory.hsds.HsdsRecords;
import org.bridgeway.directory.hsds.HsdsType;
import org.bridgeway.directory.profile.Capacities;
import org.bridgeway.directory.profile.ServiceProfile;
import org.bridgeway.directory.profile.ServiceProfiles;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.vocabulary.OffenseCategory;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.person.Address;
import org.bridgeway.supervision.person.PersonDetails;
import org.bridgeway.supervision.person.PersonRecords;
import org.bridgeway.testing.SupervisionFixtures;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Data for matching tests, written as the directory's and supervision's writers do: services with
 * their HSDS records, profile and capacity (one transaction that refreshes the search projection),
 * and people with a home in Anchorage, Alaska ({@link #HOME_ZIP}), far from every other test's
 * services, so that a test's own services are the only ones near its person.
 */
final class MatchingTestData {

  static final String HOME_ZIP = "99501";

  private final HsdsRecords records;
  private final ServiceProfiles profiles;
  private final Capacities capacities;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final SupervisionFixtures supervision;
  private final PersonRecords people;
  private final Clock clock;
  private final Place home;

  MatchingTestData(
      HsdsRecords records,
      ServiceProfiles profiles,
      Capacities capacities,
      ApplicationEventPublisher events,
      TransactionTemplate transactions,
      SupervisionFixtures supervision,
      PersonRecords people,
      Clock clock,
      Place home) {
    this.records = records;
    this.profiles = profiles;
    this.capacities = capacities;
    this.events = events;
    this.transactions = transactions;
    this.supervision = supervision;
    this.people = people;
    this.clock = clock;
    this.home = home;
  }

  /**
   * A person of the agency assessed with a high housing and a moderate employment need, a case plan
   * and a DUI case (see {@link SupervisionFixtures#planned}), living at {@link #HOME_ZIP}.
   */
  SupervisionFixtures.Planned person(OrganizationId agency) {
    SupervisionFixtures.Planned planned = supervision.planned(agency);
    BridgewayPrincipal admin = SupervisionFixtures.administratorOf(agency);
    PersonId id = new PersonId(planned.supervised().person());
    var person = people.read(admin, id);
    PersonDetails d = person.details();
    people.revise(
        admin,
        id,
        new PersonDetails(
            d.name(),
            d.aliases(),
            d.dateOfBirth(),
            d.identifiers(),
            d.gender(),
            d.races(),
            d.ethnicity(),
            d.preferredLanguage(),
            d.interpreterNeeded(),
            List.of(
                new Address(
                    "1 Test Street",
                    null,
                    "Anchorage",
                    "AK",
                    HOME_ZIP,
                    LocalDate.now(clock).minusYears(1),
                    null)),
            d.contact(),
            d.emergencyContact()),
        person.version());
    return planned;
  }

  Service service(String name, NeedDomain... domains) {
    return new Service(name, Set.of(domains));
  }

  /** A service to write: by default free, 1 mile north of home, 3 open slots, no restrictions. */
  final class Service {
    final UUID id = UUID.randomUUID();
    final String name;
    Set<NeedDomain> domains;
    double miles = 1;
    Integer minimumAge;
    Set<OffenseCategory> excluded = Set.of();
    Set<AccessibilityFeature> access = Set.of();
    CostKind cost = CostKind.FREE;
    int openSlots = 3;

    Service(String name, Set<NeedDomain> domains) {
      this.name = name + " " + id.toString().substring(0, 8);
      this.domains = domains;
    }

    Service milesAway(double value) {
      miles = value;
      return this;
    }

    Service minimumAge(int value) {
      minimumAge = value;
      return this;
    }

    Service excluding(OffenseCategory... values) {
      excluded = Set.of(values);
      return this;
    }

    Service cost(CostKind value) {
      cost = value;
      return this;
    }

    Service openSlots(int value) {
      openSlots = value;
      return this;
    }

    UUID create() {
      UUID organization = UUID.randomUUID();
      UUID location = UUID.randomUUID();
      List<HsdsRecord> batch = new ArrayList<>();
      batch.add(
          record(
              HsdsType.ORGANIZATION,
              organization,
              "name",
              "Matching Test Org",
              "description",
              "x"));
      batch.add(
          record(
              HsdsType.SERVICE,
              id,
              "organization_id",
              organization,
              "name",
              name,
              "description",
              "A service of a matching test",
              "status",
              "active"));
      batch.add(
          record(
              HsdsType.LOCATION,
              location,
              "organization_id",
              organization,
              "location_type",
              "physical",
              "name",
              "Office",
              "latitude",
              home.latitude() + miles / 69.05,
              "longitude",
              home.longitude()));
      batch.add(
          record(
              HsdsType.SERVICE_AT_LOCATION,
              UUID.randomUUID(),
              "service_id",
              id,
              "location_id",
              location));
      transactions.executeWithoutResult(
          tx -> {
            records.write(batch, "Matching Tests", clock.instant());
            profiles.save(
                new ServiceProfile(
                    id,
                    domains,
                    minimumAge,
                    null,
                    Set.of(),
                    Set.of(),
                    Set.of(),
                    excluded,
                    Set.of(),
                    Set.of(),
                    Set.of("en"),
                    access,
                    cost,
                    null,
                    null,
                    0),
                clock.instant());
            capacities.report(id, openSlots, 0, null, "test", clock.instant(), null);
            Set<UUID> ids = new HashSet<>();
            batch.forEach(r -> ids.add(r.id()));
            events.publishEvent(new DirectoryRecordsChanged(ids));
          });
      return id;
    }
  }

  private static HsdsRecord record(HsdsType type, UUID id, Object... fields) {
    ObjectNode document = JsonMapper.shared().createObjectNode();
    document.put("id", id.toString());
    for (int i = 0; i < fields.length; i += 2) {
      String name = (String) fields[i];
      Object value = fields[i + 1];
      if (value instanceof Double number) {
        document.put(name, number);
      } else {
        document.put(name, value.toString());
      }
    }
    return new HsdsRecord(type, id, document);
  }
}
