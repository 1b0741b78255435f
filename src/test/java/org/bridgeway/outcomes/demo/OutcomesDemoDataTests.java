package org.bridgeway.outcomes.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.bridgeway.testing.TestClockConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The demo's outcomes: once every demo step's events are delivered (the platform copy and the
 * measures' facts run after their commits), every spell of the demo agency has its facts, so the
 * director's first dashboard and the public report show the demo's history.
 */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
@Import(TestClockConfiguration.class)
@TestPropertySource(
    properties = "bridgeway.demo.directory=${java.io.tmpdir}/bridgeway-demo-test/${random.uuid}")
class OutcomesDemoDataTests {

  @Autowired JdbcClient jdbc;

  @Test
  void everySpellOfTheDemoHasItsFactsOnceTheEventsAreDelivered() {
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
                        .query(Long.class)
                        .single()
                    == 0);
    long spells = jdbc.sql("SELECT count(*) FROM outcomes_spell").query(Long.class).single();
    long facts = jdbc.sql("SELECT count(*) FROM outcomes_spell_fact").query(Long.class).single();
    long imported =
        jdbc.sql("SELECT count(*) FROM outcomes_person WHERE source = 'IMPORTED'")
            .query(Long.class)
            .single();
    assertThat(imported).as("the historical cohort").isGreaterThan(300);
    assertThat(spells).isGreaterThan(imported);
    assertThat(facts).isEqualTo(spells);
  }
}
