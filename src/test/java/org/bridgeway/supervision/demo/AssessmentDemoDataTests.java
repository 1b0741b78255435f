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
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.assessment.AssessmentRecords;
import org.bridgeway.testing.TestClockConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The demo officer's people have assessments over time and case plans. Same set-up as the other
 * demo tests, so all share one demo application context.
 */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
@Import(TestClockConfiguration.class)
@TestPropertySource(
    properties = "bridgeway.demo.directory=${java.io.tmpdir}/bridgeway-demo-test/${random.uuid}")
class AssessmentDemoDataTests {

  @Autowired StaffDirectory staff;
  @Autowired AssessmentRecords assessments;
  @Autowired JdbcClient jdbc;
  @Autowired AssessmentDemoData demoData;

  @Test
  void theDemoOfficersPeopleHaveAssessmentsThatChangeAndPlans() {
    StaffMember officer = staff.findByEmail("officer@demo.bridgeway.example").orElseThrow();
    BridgewayPrincipal principal =
        BridgewayPrincipal.user(
            officer.id(),
            officer.organization(),
            OrganizationKind.PROBATION_AGENCY,
            "Demo agency",
            officer.displayName(),
            Set.of(Role.OFFICER));
    List<UUID> people =
        jdbc.sql(
                "SELECT DISTINCT person_id FROM supervision_case WHERE officer_id = ? ORDER BY"
                    + " person_id")
            .param(officer.id().value())
            .query(UUID.class)
            .list();
    assertThat(people).isNotEmpty();
    int withChanges = 0;
    int assessed = 0;
    for (UUID person : people) {
      AssessmentRecords.History history = assessments.history(principal, new PersonId(person));
      if (!history.assessments().isEmpty()) {
        assessed++;
      }
      if (!history.changes().isEmpty()) {
        withChanges++;
      }
    }
    assertThat(assessed).isEqualTo(people.size());
    assertThat(withChanges).isPositive();
    assertThat(
            jdbc.sql("SELECT count(*) FROM supervision_assessment WHERE source = 'EXTERNAL'")
                .query(Long.class)
                .single())
        .isPositive();
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM supervision_case_plan p JOIN supervision_case c ON c.id ="
                        + " p.case_id WHERE c.officer_id = ?")
                .param(officer.id().value())
                .query(Long.class)
                .single())
        .isPositive();
    assertThat(assessments.instruments(principal))
        .extracting(i -> i.name())
        .contains(AssessmentDemoData.INSTRUMENT_NAME);
  }

  @Test
  void seedingAgainAddsNothing() {
    long before =
        jdbc.sql("SELECT count(*) FROM supervision_assessment").query(Long.class).single();
    demoData.seed(new org.bridgeway.shared.demo.DemoData(java.nio.file.Path.of("target")));
    assertThat(jdbc.sql("SELECT count(*) FROM supervision_assessment").query(Long.class).single())
        .isEqualTo(before)
        .isPositive();
  }
}
