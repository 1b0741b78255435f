package org.bridgeway.care.upload;

import static org.assertj.core.api.Assertions.assertThat;

import org.bridgeway.testing.TestClockConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The demo provider has a written attendance upload. Same set-up as the other demo tests, so all
 * share one demo context.
 */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
@Import(TestClockConfiguration.class)
@TestPropertySource(
    properties = "bridgeway.demo.directory=${java.io.tmpdir}/bridgeway-demo-test/${random.uuid}")
class UploadDemoDataTests {

  @Autowired JdbcClient jdbc;

  @Test
  void theDemoProviderHasAWrittenUploadOfItsSessions() {
    assertThat(
            jdbc.sql(
                    "SELECT (report->>'created')::int FROM care_upload_job j"
                        + " JOIN identity_user u ON u.organization_id = j.organization_id"
                        + " WHERE u.email = 'provider@demo.bridgeway.example'"
                        + " AND j.status = 'SUCCEEDED'")
                .query(Integer.class)
                .list())
        .singleElement()
        .satisfies(created -> assertThat(created).isPositive());
    assertThat(
            jdbc.sql("SELECT count(*) FROM care_appointment WHERE external_id LIKE 'DEMO-UP-%'")
                .query(Long.class)
                .single())
        .isPositive();
  }
}
