package org.bridgeway.supervision.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.StaffDirectory;
import org.bridgeway.identity.StaffMember;
import org.bridgeway.shared.demo.DemoData;
import org.bridgeway.supervision.contact.ContactStatusQuery;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The supervision generator at a small scale with the county profile's ratios (a twentieth: 2,500
 * people, 600 open cases), into an agency of its own: the shape of what it builds, and that the
 * same seed builds the same rows.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupervisionGeneratorTests {

  static final SupervisionBlueprint.Sizes SIZES = new SupervisionBlueprint.Sizes(2_500, 600);

  @Autowired SupervisionGenerator generator;
  @Autowired TestUsers users;
  @Autowired StaffDirectory staff;
  @Autowired ContactStatusQuery statuses;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired Clock clock;

  final DemoData demo = new DemoData(Path.of("target", "generator-test"));
  OrganizationId agency;
  SupervisionGenerationSummary summary;

  @BeforeAll
  void generate() {
    agency = users.organization(OrganizationKind.PROBATION_AGENCY);
    summary = transactions.execute(tx -> generator.generate(demo, "test", SIZES, agency));
  }

  @Test
  void buildsThePeopleAndOpenCasesOfTheSizes() {
    assertThat(summary.alreadyPresent()).isFalse();
    assertThat(count("SELECT count(*) FROM supervision_person WHERE organization_id = ?"))
        .isEqualTo(2_500);
    assertThat(
            count(
                "SELECT count(*) FROM supervision_case WHERE organization_id = ? AND status ="
                    + " 'OPEN'"))
        .isEqualTo(600);
    assertThat(
            count(
                "SELECT count(DISTINCT person_id) FROM supervision_case WHERE organization_id = ?"
                    + " AND status = 'OPEN'"))
        .as("one open case per person under supervision")
        .isEqualTo(600);
    assertThat(
            count(
                "SELECT count(*) FROM supervision_person p WHERE organization_id = ? AND NOT"
                    + " EXISTS (SELECT 1 FROM supervision_case c WHERE c.person_id = p.id)"))
        .as("everyone has a case")
        .isZero();
  }

  @Test
  void everyOpenCaseIsOnTheCaseloadOfAnOfficerOfTheAgencyWithFortyToNinetyCases() {
    List<Map.Entry<UUID, Long>> caseloads =
        jdbc.sql(
                "SELECT officer_id, count(*) AS cases FROM supervision_case WHERE organization_id"
                    + " = ? AND status = 'OPEN' GROUP BY officer_id")
            .param(agency.value())
            .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getLong(2)))
            .list();
    assertThat(caseloads).hasSize(summary.officers()).hasSizeGreaterThan(5);
    for (Map.Entry<UUID, Long> caseload : caseloads) {
      assertThat(caseload.getValue()).isBetween(40L, 90L);
      StaffMember officer =
          staff.find(new org.bridgeway.identity.UserId(caseload.getKey())).orElseThrow();
      assertThat(officer.organization()).isEqualTo(agency);
      assertThat(officer.has(Role.OFFICER)).isTrue();
      assertThat(officer.active()).isTrue();
    }
    assertThat(caseloads.stream().mapToLong(Map.Entry::getValue).distinct().count())
        .as("caseloads differ")
        .isGreaterThan(1);
  }

  @Test
  void casesAreSpreadOverThreeOfficesAtTheirOfficersOffices() {
    List<Long> casesPerOffice =
        jdbc.sql(
                "SELECT count(*) FROM supervision_case WHERE organization_id = ? AND status ="
                    + " 'OPEN' GROUP BY office_id")
            .param(agency.value())
            .query(Long.class)
            .list();
    assertThat(casesPerOffice).hasSize(SupervisionBlueprint.OFFICE_NAMES.length);
    assertThat(casesPerOffice).allSatisfy(cases -> assertThat(cases).isGreaterThan(100L));
    assertThat(
            count(
                "SELECT count(*) FROM supervision_case c JOIN supervision_office_member m ON"
                    + " m.user_id = c.officer_id WHERE c.organization_id = ? AND m.office_id <>"
                    + " c.office_id"))
        .isZero();
    assertThat(
            count(
                "SELECT count(*) FROM supervision_case_assignment a JOIN supervision_case c ON"
                    + " c.id = a.case_id JOIN supervision_office_member m ON m.user_id ="
                    + " a.officer_id WHERE c.organization_id = ? AND m.office_id <> a.office_id"))
        .isZero();
  }

  @Test
  void officersAreInTeamsOfSixToNineUnderASupervisorOfTheAgency() {
    List<Map.Entry<UUID, Long>> teams =
        jdbc.sql(
                "SELECT supervisor_id, count(*) FROM supervision_team_member WHERE"
                    + " organization_id = ? GROUP BY supervisor_id")
            .param(agency.value())
            .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getLong(2)))
            .list();
    assertThat(teams.stream().mapToLong(Map.Entry::getValue).sum()).isEqualTo(summary.officers());
    for (Map.Entry<UUID, Long> team : teams) {
      assertThat(team.getValue()).isBetween(6L, 9L);
      StaffMember supervisor =
          staff.find(new org.bridgeway.identity.UserId(team.getKey())).orElseThrow();
      assertThat(supervisor.organization()).isEqualTo(agency);
      assertThat(supervisor.has(Role.SUPERVISOR)).isTrue();
    }
  }

  @Test
  void contactsKeepTheStandardsPaceWithSomeNoShowsAndAFewOverdueCases() {
    // Completed contacts in the last 90 days of open cases that started at least 120 days ago:
    // the median per level is near what the standard asks (1, 3, 6 and 12 in 90 days).
    Map<String, Double> medians = new java.util.HashMap<>();
    jdbc.sql(
            "SELECT c.level, percentile_cont(0.5) WITHIN GROUP (ORDER BY (SELECT count(*) FROM"
                + " supervision_contact k WHERE k.case_id = c.id AND k.outcome = 'COMPLETED' AND"
                + " k.happened_at > now() - interval '90 days')) FROM supervision_case c WHERE"
                + " c.organization_id = ? AND c.status = 'OPEN' AND c.start_date < current_date"
                + " - 120 GROUP BY c.level")
        .param(agency.value())
        .query((rs, n) -> medians.put(rs.getString(1), rs.getDouble(2)))
        .list();
    assertThat(medians.get("LOW")).isBetween(1.0, 2.0);
    assertThat(medians.get("MODERATE")).isBetween(2.0, 4.0);
    assertThat(medians.get("HIGH")).isBetween(4.0, 8.0);
    assertThat(medians.get("INTENSIVE")).isBetween(9.0, 16.0);

    double missed =
        jdbc.sql(
                "SELECT avg(CASE WHEN k.outcome IN ('NO_SHOW', 'ATTEMPTED_NOT_FOUND') THEN 1.0"
                    + " ELSE 0 END) FROM supervision_contact k JOIN supervision_case c ON c.id ="
                    + " k.case_id WHERE c.organization_id = ? AND k.outcome IS NOT NULL")
            .param(agency.value())
            .query(Double.class)
            .single();
    assertThat(missed).isBetween(0.05, 0.2);

    BridgewayPrincipal admin =
        BridgewayPrincipal.apiClient(
            UUID.randomUUID(),
            agency,
            OrganizationKind.PROBATION_AGENCY,
            "Test agency",
            "Generator test",
            Set.of(Role.ORGANIZATION_ADMIN));
    int overdue = statuses.overdue(admin, LocalDate.now(clock)).size();
    assertThat(overdue).as("overdue open cases").isBetween(20, 180);
  }

  @Test
  void closedCasesHaveRealisticClosureReasons() {
    Map<String, Long> reasons = new java.util.HashMap<>();
    jdbc.sql(
            "SELECT closure_reason, count(*) FROM supervision_case WHERE organization_id = ? AND"
                + " status = 'CLOSED' GROUP BY closure_reason")
        .param(agency.value())
        .query((rs, n) -> reasons.put(rs.getString(1), rs.getLong(2)))
        .list();
    long closed = reasons.values().stream().mapToLong(Long::longValue).sum();
    assertThat(closed).isGreaterThan(1_900);
    assertThat(reasons.get("SUCCESSFUL_COMPLETION")).isGreaterThan(closed / 3);
    assertThat(reasons).containsKeys("REVOCATION", "EARLY_DISCHARGE", "ABSCONDING");
    assertThat(reasons.get("REVOCATION")).isLessThan(closed / 3);
  }

  @Test
  void everyoneHasOneToFourAssessmentsAndNeedsGrowWithTheLevel() {
    List<Long> perPerson =
        jdbc.sql(
                "SELECT count(a.id) FROM supervision_person p LEFT JOIN supervision_assessment a"
                    + " ON a.person_id = p.id WHERE p.organization_id = ? GROUP BY p.id")
            .param(agency.value())
            .query(Long.class)
            .list();
    assertThat(perPerson).hasSize(2_500).allSatisfy(n -> assertThat(n).isBetween(1L, 4L));
    assertThat(new HashSet<>(perPerson)).contains(1L, 2L, 3L);
    Map<String, Double> needs = new java.util.HashMap<>();
    jdbc.sql(
            "SELECT c.level, avg((SELECT count(*) FROM supervision_assessment_domain d WHERE"
                + " d.assessment_id = (SELECT a.id FROM supervision_assessment a WHERE"
                + " a.person_id = c.person_id ORDER BY a.assessed_on DESC LIMIT 1) AND d.severity"
                + " <> 'NONE')) FROM supervision_case c WHERE c.organization_id = ? AND c.status"
                + " = 'OPEN' GROUP BY c.level")
        .param(agency.value())
        .query((rs, n) -> needs.put(rs.getString(1), rs.getDouble(2)))
        .list();
    assertThat(needs.get("LOW")).isLessThan(needs.get("MODERATE"));
    assertThat(needs.get("MODERATE")).isLessThan(needs.get("HIGH"));
    assertThat(needs.get("HIGH")).isLessThan(needs.get("INTENSIVE"));
  }

  @Test
  void someRecordsAreNearDuplicatesOfOthersAndSomeHaveAliases() {
    long pairs =
        count(
            "SELECT count(*) FROM supervision_person a JOIN supervision_person b ON"
                + " b.organization_id = a.organization_id AND b.date_of_birth = a.date_of_birth"
                + " AND a.id < b.id AND (a.given_name_key <> b.given_name_key OR a.family_name_key"
                + " <> b.family_name_key) AND similarity(a.family_name_key, b.family_name_key) >"
                + " 0.3 WHERE a.organization_id = ?");
    assertThat(pairs).isPositive();
    assertThat(
            count(
                "SELECT count(*) FROM supervision_person_alias l JOIN supervision_person p ON"
                    + " p.id = l.person_id WHERE p.organization_id = ?"))
        .isPositive();
    assertThat(
            count(
                "SELECT count(DISTINCT family_name_key) FROM supervision_person WHERE"
                    + " organization_id = ?"))
        .isGreaterThan(40);
  }

  @Test
  void theSameSeedGivesTheSameRowsAndIds() {
    SupervisionBlueprint first =
        new SupervisionBlueprint(demo, agency, SIZES, LocalDate.of(2026, 6, 1), ZoneId.of("UTC"));
    SupervisionBlueprint second =
        new SupervisionBlueprint(
            new DemoData(Path.of("elsewhere")),
            agency,
            SIZES,
            LocalDate.of(2026, 6, 1),
            ZoneId.of("UTC"));
    SupervisionBlueprint.Tables a = new SupervisionBlueprint.Tables();
    SupervisionBlueprint.Tables b = new SupervisionBlueprint.Tables();
    for (int i = 0; i < 200; i++) {
      first.person(i, a);
      second.person(i, b);
    }
    for (int t = 0; t < a.all().size(); t++) {
      assertThat(b.all().get(t).text()).isEqualTo(a.all().get(t).text());
    }
    assertThat(a.contact.rows()).isGreaterThan(1_000);
    assertThat(second.officers()).isEqualTo(first.officers());

    List<UUID> expected = new ArrayList<>();
    for (int i = 0; i < SIZES.people(); i++) {
      expected.add(first.personId(i));
    }
    List<UUID> stored =
        jdbc.sql("SELECT id FROM supervision_person WHERE organization_id = ?")
            .param(agency.value())
            .query(UUID.class)
            .list();
    assertThat(stored).containsExactlyInAnyOrderElementsOf(expected);

    SupervisionGenerationSummary again =
        transactions.execute(tx -> generator.generate(demo, "test", SIZES, agency));
    assertThat(again.alreadyPresent()).isTrue();
    assertThat(count("SELECT count(*) FROM supervision_person WHERE organization_id = ?"))
        .isEqualTo(2_500);
  }

  private long count(String sql) {
    return jdbc.sql(sql).param(agency.value()).query(Long.class).single();
  }
}
