package org.bridgeway.care.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
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
 * The demo's alerts: the rules run over the demo treatment, so the demo officer has open alerts of
 * several rules. Same set-up as the other demo tests, so all share one demo context.
 */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
@Import(TestClockConfiguration.class)
@TestPropertySource(
    properties = "bridgeway.demo.directory=${java.io.tmpdir}/bridgeway-demo-test/${random.uuid}")
class AlertDemoDataTests {

  @Autowired JdbcClient jdbc;
  @Autowired AlertDemoData demoData;

  @Test
  void theDemoOfficerHasOpenAlerts() {
    List<String> rules =
        jdbc.sql("SELECT DISTINCT rule FROM care_alert WHERE state = 'OPEN' ORDER BY rule")
            .query(String.class)
            .list();
    assertThat(rules).contains("DISCHARGED_NOT_COMPLETED");
  }

  @Test
  void seedingAgainAddsNothing() {
    // The demo's care records also signal through the listener, after their commit: let it finish.
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
                        .query(Long.class)
                        .single()
                    == 0);
    long alerts = count();
    demoData.seed(new DemoData(Path.of(System.getProperty("java.io.tmpdir"))));
    assertThat(count()).isEqualTo(alerts);
  }

  /** The alerts of every rule but days without attendance, which depends on the day it runs. */
  private long count() {
    return jdbc.sql("SELECT count(*) FROM care_alert WHERE rule <> 'NO_ATTENDANCE_DAYS'")
        .query(Long.class)
        .single();
  }
}
