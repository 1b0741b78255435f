package org.bridgeway.supervision.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.StaffDirectory;
import org.bridgeway.identity.StaffMember;
import org.bridgeway.supervision.person.PersonRecords;
import org.bridgeway.testing.TestClockConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The demo agency's people on supervision, as the demo officer and supervisor meet them. Same
 * set-up as the identity demo tests, so both share one demo application context.
 */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
@Import(TestClockConfiguration.class)
@TestPropertySource(
    properties = "bridgeway.demo.directory=${java.io.tmpdir}/bridgeway-demo-test/${random.uuid}")
class SupervisionDemoDataTests {

  @Autowired StaffDirectory staff;
  @Autowired PersonRecords people;
  @Autowired JdbcClient jdbc;
  @Autowired SupervisionDemoData demoData;

  @Test
  void theDemoOfficerHasACaseloadAndTheSupervisorSeesTheTeams() {
    StaffMember officer = staff.findByEmail("officer@demo.bridgeway.example").orElseThrow();
    StaffMember supervisor = staff.findByEmail("supervisor@demo.bridgeway.example").orElseThrow();
    long officersPeople = people.search(principal(officer), null, 0, 200).total();
    long supervisorsPeople = people.search(principal(supervisor), null, 0, 200).total();
    assertThat(officersPeople).isEqualTo(SupervisionDemoData.PEOPLE / 3);
    assertThat(supervisorsPeople)
        .isGreaterThan(officersPeople)
        .isLessThan(SupervisionDemoData.PEOPLE);
    List<UUID> officers =
        jdbc.sql("SELECT DISTINCT officer_id FROM supervision_case WHERE organization_id = ?")
            .param(officer.organization().value())
            .query(UUID.class)
            .list();
    assertThat(officers).hasSizeGreaterThan(3);
    assertThat(
            jdbc.sql("SELECT count(*) FROM supervision_case WHERE status = 'CLOSED'")
                .query(Long.class)
                .single())
        .isPositive();
  }

  @Test
  void theDemoAgencyWorksFromThreeOfficesWithItsCasesAtTheirOfficersOffices() {
    StaffMember officer = staff.findByEmail("officer@demo.bridgeway.example").orElseThrow();
    List<String> offices =
        jdbc.sql(
                "SELECT name FROM supervision_office WHERE organization_id = ? AND active ORDER BY"
                    + " name")
            .param(officer.organization().value())
            .query(String.class)
            .list();
    assertThat(offices)
        .containsExactly("Indio office", "Moreno Valley office", "Riverside main office");
    List<Long> casesPerOffice =
        jdbc.sql(
                "SELECT count(*) FROM supervision_case WHERE organization_id = ? GROUP BY"
                    + " office_id")
            .param(officer.organization().value())
            .query(Long.class)
            .list();
    assertThat(casesPerOffice).hasSize(3).allSatisfy(count -> assertThat(count).isPositive());
    // A case is at the office its officer works from (the main office without a row).
    assertThat(
            jdbc.sql(
                    """
                    SELECT count(*) FROM supervision_case c
                    JOIN supervision_office o ON o.id = c.office_id
                    LEFT JOIN supervision_office_member m ON m.user_id = c.officer_id
                    WHERE c.organization_id = ?
                      AND ((m.office_id IS NULL AND NOT o.main) OR m.office_id <> c.office_id)
                    """)
                .param(officer.organization().value())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void seedingAgainAddsNothing() {
    long before = jdbc.sql("SELECT count(*) FROM supervision_person").query(Long.class).single();
    demoData.seed(new org.bridgeway.shared.demo.DemoData(java.nio.file.Path.of("target")));
    assertThat(jdbc.sql("SELECT count(*) FROM supervision_person").query(Long.class).single())
        .isEqualTo(before)
        .isEqualTo(SupervisionDemoData.PEOPLE);
  }

  private static BridgewayPrincipal principal(StaffMember member) {
    Role role = member.roles().iterator().next();
    return BridgewayPrincipal.user(
        member.id(),
        member.organization(),
        OrganizationKind.PROBATION_AGENCY,
        "Demo agency",
        member.displayName(),
        Set.of(role));
  }
}
