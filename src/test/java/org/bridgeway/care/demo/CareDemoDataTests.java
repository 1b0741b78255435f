package org.bridgeway.care.demo;

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
 * The demo's treatment: people of the demo officer's caseload in treatment at the demo providers
 * with a mix of reports. Same set-up as the other demo tests, so all share one demo context.
 */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
@Import(TestClockConfiguration.class)
@TestPropertySource(
    properties = "bridgeway.demo.directory=${java.io.tmpdir}/bridgeway-demo-test/${random.uuid}")
class CareDemoDataTests {

  @Autowired JdbcClient jdbc;
  @Autowired CareDemoData demoData;

  @Test
  void theDemoOfficersPeopleAreInTreatmentWithAMixOfReports() {
    // Five placements and the continuity demo's step-down episode of the first person; the demo's
    // accepted referrals to treatment providers open episodes of their own, as they arrive from the
    // event publication registry, and the recorded ones have no referral.
    assertThat(count("care_episode WHERE referral_id IS NULL")).isEqualTo(6);
    assertThat(count("care_transition")).isEqualTo(2);
    assertThat(count("care_transfer_summary")).isEqualTo(1);
    assertThat(count("care_episode WHERE ended_on IS NOT NULL")).isEqualTo(2);
    List<String> categories =
        jdbc.sql("SELECT DISTINCT category FROM care_report ORDER BY category")
            .query(String.class)
            .list();
    assertThat(categories)
        .containsExactly("ATTENDANCE", "DISCHARGE_SUMMARY", "DRUG_TEST_RESULTS", "PROGRESS");
    assertThat(count("care_report WHERE drug_test_result = 'POSITIVE'")).isPositive();
    assertThat(count("care_report WHERE drug_test_result = 'NEGATIVE'")).isPositive();
    assertThat(
            jdbc.sql(
                    "SELECT count(DISTINCT e.provider_id) FROM care_episode e"
                        + " JOIN identity_organization o ON o.id = e.provider_id"
                        + " WHERE o.kind = 'TREATMENT_PROVIDER' AND e.referral_id IS NULL")
                .query(Long.class)
                .single())
        .isEqualTo(3);
  }

  @Test
  void seedingAgainAddsNothing() {
    long reports = count("care_report");
    demoData.seed(new DemoData(Path.of(System.getProperty("java.io.tmpdir"))));
    assertThat(count("care_episode WHERE referral_id IS NULL")).isEqualTo(6);
    assertThat(count("care_report")).isEqualTo(reports);
  }

  private long count(String tableAndCondition) {
    return jdbc.sql("SELECT count(*) FROM " + tableAndCondition).query(Long.class).single();
  }
}
