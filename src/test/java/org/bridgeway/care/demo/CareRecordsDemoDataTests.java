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
 * The demo's care records: a plan per episode, sessions with a mix of attendance and upcoming ones,
 * progress, tests, and discharges for the ended episodes. Same set-up as the other demo tests.
 */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
@Import(TestClockConfiguration.class)
@TestPropertySource(
    properties = "bridgeway.demo.directory=${java.io.tmpdir}/bridgeway-demo-test/${random.uuid}")
class CareRecordsDemoDataTests {

  @Autowired JdbcClient jdbc;
  @Autowired CareRecordsDemoData demoData;

  @Test
  void theDemoEpisodesHavePlansSessionsWithAttendanceTestsAndDischarges() {
    assertThat(count("care_treatment_plan")).isEqualTo(5);
    assertThat(count("care_discharge")).isEqualTo(2);
    List<String> outcomes =
        jdbc.sql("SELECT DISTINCT outcome FROM care_attendance ORDER BY outcome")
            .query(String.class)
            .list();
    assertThat(outcomes).contains("ATTENDED", "LATE");
    assertThat(count("care_appointment WHERE status = 'SCHEDULED'")).isPositive();
    assertThat(count("care_appointment_change")).isPositive();
    assertThat(count("care_progress_report")).isPositive();
    assertThat(count("care_drug_test WHERE result = 'NEGATIVE'")).isPositive();
    assertThat(count("care_progress_goal")).isPositive();
  }

  @Test
  void seedingAgainAddsNothing() {
    long appointments = count("care_appointment");
    demoData.seed(new DemoData(Path.of(System.getProperty("java.io.tmpdir"))));
    assertThat(count("care_appointment")).isEqualTo(appointments);
    assertThat(count("care_treatment_plan")).isEqualTo(5);
  }

  private long count(String tableAndCondition) {
    return jdbc.sql("SELECT count(*) FROM " + tableAndCondition).query(Long.class).single();
  }
}
