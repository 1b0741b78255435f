package org.bridgeway.supervision.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.UserId;
import org.bridgeway.supervision.office.OfficeRecords;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The caseload page at a few thousand cases (3,000 people of one agency on 50 officers' caseloads,
 * 60 each): an officer's page is one statement that reads the officer's cases through their index
 * and answers the right 60, and its plan is printed for the record (docs/supervision.md).
 */
@IntegrationTest
class CaseloadQueryPlanTests {

  static final int OFFICERS = 50;
  static final int PER_OFFICER = 60;

  @Autowired JdbcClient jdbc;
  @Autowired TestUsers testUsers;
  @Autowired Caseload caseload;
  @Autowired Clock clock;
  @Autowired OfficeRecords offices;

  @Test
  void anOfficersPageReadsTheirCasesThroughTheirIndexAmongThousands() {
    OrganizationId agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    List<UUID> officers = new ArrayList<>();
    for (int i = 0; i < OFFICERS; i++) {
      UUID id = UUID.randomUUID();
      officers.add(id);
      jdbc.sql(
              "INSERT INTO identity_user (id, organization_id, email, display_name, status,"
                  + " created_at, version) VALUES (?, ?, ?, ?, 'ACTIVE', now(), 0)")
          .params(id, agency.value(), "plan-" + id + "@example.org", "Officer " + i)
          .update();
      jdbc.sql("INSERT INTO identity_user_role (identity_user, role) VALUES (?, 'OFFICER')")
          .param(id)
          .update();
    }
    jdbc.sql(
            """
            WITH o AS (SELECT officer, ordinality - 1 AS n
                       FROM unnest(:officers::uuid[]) WITH ORDINALITY AS t(officer)),
            p AS (
              INSERT INTO supervision_person (id, organization_id, given_name, family_name,
                given_name_key, family_name_key, date_of_birth, contact_method, created_at,
                updated_at, version)
              SELECT gen_random_uuid(), :agency, 'Given' || g, 'Family' || g, 'GIVEN' || g,
                'FAMILY' || g, DATE '1980-01-01' + (g % 7000), 'NONE', now(), now(), 0
              FROM generate_series(1, :people) g
              RETURNING id, family_name),
            numbered AS (SELECT p.id, p.family_name, row_number() OVER () AS r FROM p)
            INSERT INTO supervision_case (id, organization_id, person_id, supervision_type, court,
              docket_number, start_date, expected_end_date, level, officer_id, office_id, status,
              created_at, version)
            SELECT gen_random_uuid(), :agency, numbered.id, 'PROBATION', 'Court',
              'D-' || numbered.family_name, DATE '2026-01-01',
              DATE '2026-01-01' + 30 + (numbered.r % 900)::int,
              (ARRAY['LOW','MODERATE','HIGH','INTENSIVE'])[1 + (numbered.r % 4)::int],
              o.officer, :office, 'OPEN', now(), 0
            FROM numbered JOIN o ON o.n = numbered.r % :officerCount
            """)
        .param("officers", officers.toArray(UUID[]::new))
        .param("agency", agency.value())
        .param("people", OFFICERS * PER_OFFICER)
        .param("officerCount", OFFICERS)
        .param("office", offices.mainOffice(agency).id().value())
        .update();
    jdbc.sql(
            "INSERT INTO supervision_condition (id, case_id, kind, special, description, status,"
                + " created_at, updated_at, version) SELECT gen_random_uuid(), c.id, 'OTHER', false,"
                + " 'Report', 'OUT_OF_COMPLIANCE', now(), now(), 0 FROM supervision_case c"
                + " WHERE c.organization_id = ?")
        .param(agency.value())
        .update();
    jdbc.sql("ANALYZE").update();

    UUID officer = officers.get(7);
    BridgewayPrincipal principal =
        BridgewayPrincipal.user(
            new UserId(officer),
            agency,
            OrganizationKind.PROBATION_AGENCY,
            "Plan agency",
            "Officer 7",
            Set.of(Role.OFFICER));
    CaseloadQuery query =
        new CaseloadQuery(null, null, null, null, false, false, null, false, 0, null);

    CaseloadPage page = caseload.page(principal, query);
    assertThat(page.total()).isEqualTo(PER_OFFICER);
    assertThat(page.lines())
        .hasSize(Caseload.PAGE_SIZE)
        .allMatch(line -> line.officer().equals(officer));
    assertThat(page.lines()).allMatch(line -> line.conditionsOutOfCompliance() == 1);

    Caseload.Statement statement =
        Caseload.statement(principal, officer, query, LocalDate.now(clock), 0);
    List<String> plan =
        jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + statement.sql())
            .params(statement.params())
            .query(String.class)
            .list();
    System.out.println("Caseload page plan, officer with 60 of 3,000 cases:");
    plan.forEach(System.out::println);
    assertThat(String.join("\n", plan))
        .as("the officer's cases are found through their index, not by reading every case")
        .contains("supervision_case_officer_idx")
        .doesNotContain("Seq Scan on supervision_case c ");

    long[] times = new long[21];
    for (int i = 0; i < times.length; i++) {
      long start = System.nanoTime();
      caseload.page(principal, query);
      times[i] = System.nanoTime() - start;
    }
    java.util.Arrays.sort(times);
    System.out.printf(
        "Caseload page service time, median of %d: %.1f ms%n",
        times.length, times[times.length / 2] / 1e6);
  }
}
