package org.bridgeway.referrals.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.bridgeway.shared.demo.DemoData;
import org.bridgeway.testing.TestClockConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The demo's referrals: the demo agency's people referred to the demo providers' services in the
 * states an inbox shows. Same set-up as the other demo tests, so all share one demo context.
 */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
@Import(TestClockConfiguration.class)
@TestPropertySource(
    properties = "bridgeway.demo.directory=${java.io.tmpdir}/bridgeway-demo-test/${random.uuid}")
class ReferralDemoDataTests {

  @Autowired JdbcClient jdbc;
  @Autowired ReferralDemoData demoData;

  @Test
  void theDemoAgencysReferralsAreInTheStatesOfAWorkingInbox() {
    List<String> states =
        jdbc.sql("SELECT DISTINCT state FROM referral ORDER BY state").query(String.class).list();
    assertThat(states)
        .containsExactly("ACCEPTED", "DECLINED", "DRAFT", "INTAKE_SCHEDULED", "SENT", "WAITLISTED");
    assertThat(count("referral")).isEqualTo(8);
    assertThat(count("referral WHERE off_platform AND follow_up_due IS NOT NULL")).isEqualTo(1);
    assertThat(count("referral WHERE overdue")).isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM referral r JOIN identity_organization o"
                        + " ON o.id = r.provider_organization_id WHERE o.kind = 'TREATMENT_PROVIDER'")
                .query(Long.class)
                .single())
        .isEqualTo(6);
  }

  @Test
  void seedingAgainAddsNothing() {
    demoData.seed(new DemoData(Path.of(System.getProperty("java.io.tmpdir"))));
    assertThat(count("referral")).isEqualTo(8);
  }

  private long count(String tableAndCondition) {
    return jdbc.sql("SELECT count(*) FROM " + tableAndCondition).query(Long.class).single();
  }
}
