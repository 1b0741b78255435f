package org.bridgeway.outcomes.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.outcomes.ingest.OutcomesReadModel;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.SupervisionFixtures;
import org.bridgeway.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class HistoricalCohortIntegrationTests {

  private static final LocalDate TODAY = LocalDate.of(2031, 3, 1);
  private static final int PEOPLE = 4_000;

  @Autowired HistoricalCohort cohort;
  @Autowired OutcomesReadModel readModel;
  @Autowired SupervisionFixtures supervision;
  @Autowired TestUsers users;
  @Autowired JdbcClient jdbc;

  @Test
  void theCohortIsWrittenOnceWithEveryRowOfTheBlueprintAndSurvivesARebuild() {
    OrganizationId agency = users.organization(OrganizationKind.PROBATION_AGENCY);
    supervision.supervised(agency);
    CohortBlueprint blueprint = new CohortBlueprint(agency.value(), TODAY, 7L);

    HistoricalCohort.Generated generated = cohort.generate(blueprint, agency, PEOPLE);

    List<CohortBlueprint.Cohort> expected =
        IntStream.range(0, PEOPLE).mapToObj(blueprint::person).toList();
    assertThat(generated.existed()).isFalse();
    assertThat(generated.spells())
        .isEqualTo(expected.stream().mapToLong(c -> c.spells().size()).sum());
    assertThat(count("outcomes_person", agency, "IMPORTED")).isEqualTo(PEOPLE);
    assertThat(count("outcomes_spell", agency, "IMPORTED")).isEqualTo(generated.spells());
    assertThat(count("outcomes_event", agency, "IMPORTED")).isEqualTo(generated.events());
    assertThat(count("outcomes_participation", agency, "IMPORTED"))
        .isEqualTo(generated.participations());

    assertThat(cohort.generate(blueprint, agency, PEOPLE).existed()).isTrue();
    assertThat(count("outcomes_event", agency, "IMPORTED")).isEqualTo(generated.events());

    readModel.rebuild(agency);
    assertThat(count("outcomes_spell", agency, "IMPORTED")).isEqualTo(generated.spells());
    assertThat(count("outcomes_person", agency, "PLATFORM")).isEqualTo(1);
  }

  /**
   * The 3-year rearrest by risk level as a measure would count it, in SQL over what was written.
   */
  @Test
  void writtenRearrestRatesRiseWithTheRiskLevel() {
    OrganizationId agency = users.organization(OrganizationKind.PROBATION_AGENCY);
    cohort.generate(new CohortBlueprint(agency.value(), TODAY, 11L), agency, PEOPLE);

    Map<String, Double> rates =
        jdbc
            .sql(
                """
                SELECT s.risk_level,
                       avg(CASE WHEN EXISTS (
                             SELECT 1 FROM outcomes_event e
                              WHERE e.person_id = s.person_id AND e.kind = 'ARREST'
                                AND e.occurred_on > s.start_date
                                AND e.occurred_on <= s.start_date + 1095) THEN 1.0 ELSE 0 END)
                  FROM outcomes_spell s
                 WHERE s.agency_id = :agency AND s.kind = 'SUPERVISION_START'
                   AND s.start_date + 1095 <= :today
                 GROUP BY s.risk_level
                """)
            .param("agency", agency.value())
            .param("today", TODAY)
            .query((rs, n) -> Map.entry(rs.getString(1), rs.getDouble(2)))
            .list()
            .stream()
            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertThat(rates.get("LOW")).isLessThan(rates.get("MODERATE"));
    assertThat(rates.get("MODERATE")).isLessThan(rates.get("HIGH"));
    assertThat(rates.get("LOW")).isBetween(0.08, 0.25);
    assertThat(rates.get("VERY_HIGH")).isBetween(0.45, 0.75);
  }

  private long count(String table, OrganizationId agency, String source) {
    return jdbc.sql("SELECT count(*) FROM " + table + " WHERE agency_id = :agency AND source = :s")
        .param("agency", agency.value())
        .param("s", source)
        .query(Long.class)
        .single();
  }
}
