package org.bridgeway.supervision.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.StaffDirectory;
import org.bridgeway.identity.StaffMember;
import org.bridgeway.shared.demo.DemoData;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.supervision.contact.ContactStandards;
import org.bridgeway.supervision.contact.ContactStatusQuery;
import org.bridgeway.testing.TestClockConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The demo agency's contacts, standards, violations and incentives, as the demo officer meets them.
 * Same set-up as the other demo tests, so all share one demo application context.
 */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
@Import(TestClockConfiguration.class)
@TestPropertySource(
    properties = "bridgeway.demo.directory=${java.io.tmpdir}/bridgeway-demo-test/${random.uuid}")
class ContactDemoDataTests {

  @Autowired StaffDirectory staff;
  @Autowired ContactStatusQuery statuses;
  @Autowired ContactStandards standards;
  @Autowired JdbcClient jdbc;
  @Autowired ContactDemoData demoData;
  @Autowired Clock clock;

  @Test
  void theDemoOfficerHasMostlyCompletedContactsAndAFewOverdueCases() {
    StaffMember officer = staff.findByEmail("officer@demo.bridgeway.example").orElseThrow();
    BridgewayPrincipal principal =
        BridgewayPrincipal.user(
            officer.id(),
            officer.organization(),
            OrganizationKind.PROBATION_AGENCY,
            "Demo agency",
            officer.displayName(),
            Set.of(Role.OFFICER));
    List<ContactStatusQuery.CaseContactStatus> overdue =
        statuses.overdue(principal, LocalDate.now(clock));
    assertThat(overdue).isNotEmpty();
    long openCases =
        jdbc.sql("SELECT count(*) FROM supervision_case WHERE officer_id = ? AND status = 'OPEN'")
            .param(officer.id().value())
            .query(Long.class)
            .single();
    assertThat((long) overdue.size()).isLessThan(openCases);
    long completed = outcomes("COMPLETED");
    assertThat(completed)
        .isGreaterThan(4 * (outcomes("NO_SHOW") + outcomes("ATTEMPTED_NOT_FOUND")));
    assertThat(outcomes("NO_SHOW")).isPositive();
    assertThat(
            jdbc.sql("SELECT count(*) FROM supervision_contact WHERE outcome IS NULL")
                .query(Long.class)
                .single())
        .as("upcoming contacts")
        .isPositive();
    assertThat(standards.of(officer.organization()).get(SupervisionLevel.HIGH).agencys()).isTrue();
    assertThat(count("supervision_violation")).isPositive();
    assertThat(count("supervision_violation_response")).isPositive();
    assertThat(count("supervision_incentive")).isPositive();
  }

  @Test
  void seedingAgainAddsNothing() {
    long before = count("supervision_contact");
    demoData.seed(new DemoData(java.nio.file.Path.of("target")));
    assertThat(count("supervision_contact")).isEqualTo(before);
  }

  private long outcomes(String outcome) {
    return jdbc.sql("SELECT count(*) FROM supervision_contact WHERE outcome = ?")
        .param(outcome)
        .query(Long.class)
        .single();
  }

  private long count(String table) {
    return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
  }
}
