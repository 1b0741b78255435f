package org.bridgeway.testing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.directory.CostKind;
import org.bridgeway.directory.hsds.DirectoryRecordsChanged;
import org.bridgeway.directory.hsds.HsdsRecord;
import org.bridgeway.directory.hsds.HsdsRecords;
import org.bridgeway.directory.hsds.HsdsType;
import org.bridgeway.directory.profile.ServiceProfile;
import org.bridgeway.directory.profile.ServiceProfiles;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.vocabulary.OffenseCategory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Directory records for tests: a directory organization with one service at one location, kept by a
 * given network organization. Each call makes new records, so tests do not interfere.
 */
@TestComponent
public class DirectoryFixtures {

  private final HsdsRecords records;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  /** Injected by field, so that this fixture's constructor stays as other parts use it. */
  @Autowired private ApplicationEventPublisher events;

  @Autowired private ServiceProfiles profiles;

  DirectoryFixtures(HsdsRecords records, JdbcClient jdbc, TransactionTemplate transactions) {
    this.records = records;
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  /**
   * A new active service as {@link #stewardedService} makes it, also refreshed into the search
   * projection as the directory's writers do, so that search and matching find it.
   */
  public UUID searchableService(OrganizationId steward) {
    UUID service = stewardedService(steward);
    transactions.executeWithoutResult(
        tx -> events.publishEvent(new DirectoryRecordsChanged(Set.of(service))));
    return service;
  }

  /**
   * A new searchable housing service the network organization keeps, whose eligibility excludes
   * people with the offense categories given.
   */
  public UUID stewardedServiceExcluding(OrganizationId steward, OffenseCategory... excluded) {
    UUID service = stewardedService(steward);
    transactions.executeWithoutResult(
        tx -> {
          profiles.save(
              new ServiceProfile(
                  service,
                  Set.of(NeedDomain.HOUSING),
                  null,
                  null,
                  Set.of(),
                  Set.of(),
                  Set.of(),
                  Set.of(excluded),
                  Set.of(),
                  Set.of(),
                  Set.of("en"),
                  Set.of(),
                  CostKind.FREE,
                  null,
                  null,
                  0),
              Instant.now());
          events.publishEvent(new DirectoryRecordsChanged(Set.of(service)));
        });
    return service;
  }

  /** A new active service whose directory organization the given network organization keeps. */
  public UUID stewardedService(OrganizationId steward) {
    UUID organization = UUID.randomUUID();
    UUID service = UUID.randomUUID();
    UUID location = UUID.randomUUID();
    Instant now = Instant.now();
    transactions.executeWithoutResult(
        tx -> {
          records.write(
              List.of(
                  record(
                      HsdsType.ORGANIZATION,
                      organization,
                      "name",
                      "Fixture Organization " + organization,
                      "description",
                      "A directory organization made for a test"),
                  record(
                      HsdsType.SERVICE,
                      service,
                      "organization_id",
                      organization.toString(),
                      "name",
                      "Fixture Counselling " + service,
                      "status",
                      "active",
                      "description",
                      "Counselling made for a test"),
                  record(
                      HsdsType.LOCATION,
                      location,
                      "organization_id",
                      organization.toString(),
                      "location_type",
                      "physical",
                      "name",
                      "Fixture Office"),
                  record(
                      HsdsType.SERVICE_AT_LOCATION,
                      UUID.randomUUID(),
                      "service_id",
                      service.toString(),
                      "location_id",
                      location.toString())),
              "Test Fixtures",
              now);
          if (steward != null) {
            jdbc.sql(
                    "INSERT INTO directory_steward (directory_organization_id,"
                        + " network_organization_id, linked_at, linked_by) VALUES (?, ?, ?, ?)")
                .params(organization, steward.value(), Timestamp.from(now), "test")
                .update();
          }
        });
    return service;
  }

  private static HsdsRecord record(HsdsType type, UUID id, String... fields) {
    ObjectNode document = JsonMapper.shared().createObjectNode();
    document.put("id", id.toString());
    for (int i = 0; i < fields.length; i += 2) {
      document.put(fields[i], fields[i + 1]);
    }
    return new HsdsRecord(type, id, document);
  }
}
