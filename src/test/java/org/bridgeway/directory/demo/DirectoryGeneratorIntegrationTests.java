package org.bridgeway.directory.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bridgeway.directory.listing.ListingSummary;
import org.bridgeway.directory.listing.Listings;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.shared.demo.DemoData;
import org.bridgeway.shared.demo.DemoProperties.Scale;
import org.bridgeway.shared.web.PageQuery;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.Principals;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo directory written to the database: stewarded, searchable, and written once. */
@IntegrationTest
class DirectoryGeneratorIntegrationTests {

  @Autowired DirectoryGenerator generator;
  @Autowired Listings listings;
  @Autowired JdbcClient jdbc;

  @Test
  void theDemoDirectoryIsWrittenOnceLinkedToTheNetworkAndSearchable() {
    DemoData demo = new DemoData(Path.of("target"));
    List<OrganizationId> network = DirectoryBlueprint.networkProviderIds(demo);
    for (int i = 0; i < network.size(); i++) {
      jdbc.sql(
              "INSERT INTO identity_organization (id, name, kind, active, created_at, version)"
                  + " VALUES (?, ?, ?, TRUE, ?, 0) ON CONFLICT DO NOTHING")
          .params(
              network.get(i).value(),
              "Generator test provider " + i,
              i < 14 ? "TREATMENT_PROVIDER" : "COMMUNITY_ORGANIZATION",
              Timestamp.from(Instant.now()))
          .update();
    }

    GenerationSummary summary = generator.generate(demo, Scale.DEMO);
    assertThat(summary.alreadyPresent()).isFalse();
    assertThat(summary.organizations()).isEqualTo(40);
    assertThat(summary.serviceAtLocations()).isEqualTo(150);
    assertThat(summary.stewarded()).isEqualTo(29);
    assertThat(summary.profiles()).isEqualTo(summary.services());

    UUID first = demo.id("directory:organization:0");
    assertThat(count("SELECT count(*) FROM directory_record WHERE organization_id = ?", first))
        .isPositive();
    assertThat(
            count(
                "SELECT count(*) FROM directory_steward WHERE directory_organization_id = ?"
                    + " AND network_organization_id = ?",
                first,
                network.get(0).value()))
        .isEqualTo(1);
    assertThat(
            count("SELECT count(*) FROM directory_search_entry WHERE organization_id = ?", first))
        .as("the search projection was refreshed")
        .isPositive();
    assertThat(
            count(
                "SELECT count(*) FROM directory_capacity_history h JOIN directory_record s"
                    + " ON s.id = h.service_id WHERE s.organization_id = ?",
                first))
        .isPositive();

    var staff =
        Principals.user(network.get(0), OrganizationKind.TREATMENT_PROVIDER, Role.PROVIDER_STAFF);
    List<ListingSummary> mine =
        listings.listingsOf(staff, null, false, PageQuery.of(0, 50)).items();
    assertThat(mine).isNotEmpty().allSatisfy(l -> assertThat(l.organizationId()).isEqualTo(first));

    long records = count("SELECT count(*) FROM directory_record WHERE resource_type <> ?", "x");
    assertThat(generator.generate(demo, Scale.DEMO).alreadyPresent()).isTrue();
    assertThat(count("SELECT count(*) FROM directory_record WHERE resource_type <> ?", "x"))
        .isEqualTo(records);
  }

  private long count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }
}
