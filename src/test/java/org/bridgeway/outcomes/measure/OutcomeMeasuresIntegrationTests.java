package org.bridgeway.outcomes.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.bridgeway.outcomes.OutcomeRecordsChanged;
import org.bridgeway.outcomes.measure.Estimates.Rate;
import org.bridgeway.outcomes.measure.Estimates.Step;
import org.bridgeway.outcomes.measure.MeasureFilter.FilterRejected;
import org.bridgeway.outcomes.measure.MeasureFilter.Request;
import org.bridgeway.outcomes.measure.OutcomeMeasures.Dashboard;
import org.bridgeway.outcomes.measure.OutcomeMeasures.GroupFigures;
import org.bridgeway.outcomes.measure.OutcomeMeasures.ProgramFigures;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.OutcomeFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every measure against the twelve people of {@link CountyOf12}, as of 2030-01-01. The expected
 * figures are worked out by hand below; the intervals, the Kaplan-Meier steps and the log-rank p
 * were computed independently with county_of_12.py (beside this test) (python3 + scipy: its own
 * Wilson formula, product-limit estimate with Greenwood and log-log interval, two-group log-rank
 * with scipy.stats.chi2.sf), output pasted here.
 */
@IntegrationTest
class OutcomeMeasuresIntegrationTests {

  @Autowired JdbcClient jdbc;
  @Autowired SpellFacts facts;
  @Autowired OutcomeMeasures measures;
  @Autowired MeasureCache cache;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;

  private CountyOf12 county() {
    CountyOf12 county = new CountyOf12(new OutcomeFixtures(jdbc));
    facts.refreshAgency(county.agency);
    return county;
  }

  private static MeasureFilter filter(String definition, String groupBy) {
    return MeasureFilter.parse(
        new Request(null, definition, groupBy, null, null, null, null, null), CountyOf12.AS_OF);
  }

  private static void assertRate(Rate rate, long count, long of, double low, double high) {
    assertThat(rate.count()).isEqualTo(count);
    assertThat(rate.of()).isEqualTo(of);
    assertThat(rate.value()).isCloseTo((double) count / of, within(1e-9));
    assertThat(rate.low()).isCloseTo(low, within(1e-6));
    assertThat(rate.high()).isCloseTo(high, within(1e-6));
  }

  @Test
  void recidivismCountsOnlyPeopleFollowedLongEnoughAndEventsStrictlyAfterTheStart() {
    CountyOf12 county = county();
    Dashboard dashboard =
        measures.dashboard(
            MeasureScope.agency(county.agency), filter(null, null), CountyOf12.AS_OF);
    GroupFigures total = dashboard.total();
    assertThat(total.people()).isEqualTo(12);
    // One year (start + 1y <= 2030-01-01, still observed or rearrested before leaving):
    // followed P1-P8, P11, P12 = 10 (P9 starts 2029-03-01; P10 left 2025-12-01 before any arrest);
    // rearrested by then: P1 (2025-06-01), P7 (2027-05-01), P11 (2025-08-01) = 3. P4's arrest on
    // the start day does not count; P12's arrest 2026-08-01 is 13 months after its first start.
    assertRate(total.recidivism1(), 3, 10, 0.107791, 0.603222);
    // Two years (starts on or before 2028-01-01, less P10): P1-P7, P11, P12 = 9; rearrested within
    // two years: P1, P2 (2026-06-01), P5 (2027-12-01 <= 2028-01-05), P7, P11, P12 = 6.
    assertRate(total.recidivism2(), 6, 9, 0.354202, 0.879416);
    // Three years (starts on or before 2027-01-01, less P10): P1-P6, P11, P12 = 8; within three
    // years: P1, P2, P5, P11, P12 = 5 (P4's 2028-06-01 is after 2028-03-15).
    assertRate(total.recidivism3(), 5, 8, 0.305742, 0.863156);
    // Employed six months after the start (all 12 reached it): P1 only (P2 ended 2025-06-01, P3's
    // job ended and the next began after 2025-09-01) = 1/12; at twelve months (P9 not yet):
    // P1 and P3 (new job 2025-12-01 <= 2026-03-01) = 2/11.
    assertRate(total.employed6(), 1, 12, 0.014865, 0.353880);
    assertRate(total.employed12(), 2, 11, 0.051368, 0.476981);
    // Housing at twelve months, among those with a housing record by then: P1 STABLE (last change
    // 2025-10-01), P2 HOMELESS; P3's only record is after the point = 1/2.
    assertRate(total.housingStable12(), 1, 2, 0.094531, 0.905469);
    // Ended supervision: P3 COMPLETED, P4 REVOKED, P5 EARLY_DISCHARGE, P10, P11 = 5; successful 2.
    assertRate(total.supervisionSuccess(), 2, 5, 0.117621, 0.769276);
  }

  @Test
  void returnToCustodyCountsRevocationsAndReturnsAndBreakdownsAddUp() {
    CountyOf12 county = county();
    Dashboard returns =
        measures.dashboard(
            MeasureScope.agency(county.agency),
            filter("RETURN_TO_CUSTODY", null),
            CountyOf12.AS_OF);
    // Return to custody: first RETURN_TO_CUSTODY or REVOCATION. P4 revoked 2026-03-10 (<= year1
    // 2026-03-15), P6 revoked 2026-08-15. Followed one year: P1-P8, P12 = 9 (P11 died with no
    // return, P10 left, P9 too recent) -> 2/9.
    assertRate(returns.total().recidivism1(), 2, 9, 0.063225, 0.547411);

    Dashboard byGender =
        measures.dashboard(
            MeasureScope.agency(county.agency), filter(null, "gender"), CountyOf12.AS_OF);
    Map<String, GroupFigures> groups =
        byGender.groups().stream()
            .collect(java.util.stream.Collectors.toMap(GroupFigures::key, g -> g));
    // FEMALE P1-P4: followed 4, rearrested P1 -> 1/4; MALE: P5-P8, P11, P12 followed, P7 and P11
    // rearrested -> 2/6; together 3/10 as the total.
    assertThat(groups.keySet()).containsExactlyInAnyOrder("FEMALE", "MALE");
    assertThat(groups.get("FEMALE").recidivism1().count()).isEqualTo(1);
    assertThat(groups.get("FEMALE").recidivism1().of()).isEqualTo(4);
    assertThat(groups.get("MALE").recidivism1().count()).isEqualTo(2);
    assertThat(groups.get("MALE").recidivism1().of()).isEqualTo(6);
    assertThat(byGender.total().recidivism1().count()).isEqualTo(3);
  }

  @Test
  void survivalCurveAndLogRankMatchTheIndependentComputation() {
    CountyOf12 county = county();
    Dashboard all =
        measures.dashboard(
            MeasureScope.agency(county.agency), filter(null, null), CountyOf12.AS_OF);
    assertThat(all.curves()).hasSize(1);
    List<Step> steps = all.curves().getFirst().steps();
    // days to rearrest (event) or censoring: P9 61, P7 89, P11 92, P1 142, P10 214 (censored:
    // left observation), P12 396, P2 485, P8 579 (cens.), P5 695, P4 1174, P6 1310 (cens.),
    // P3 1767 (cens.). hand.py: (day, at risk, events, S, low, high)
    double[][] expected = {
      {61, 12, 1, 0.916667, 0.538977, 0.987826},
      {89, 11, 1, 0.833333, 0.481715, 0.955509},
      {92, 10, 1, 0.75, 0.408416, 0.91172},
      {142, 9, 1, 0.666667, 0.337019, 0.859712},
      {396, 7, 1, 0.571429, 0.253803, 0.795813},
      {485, 6, 1, 0.47619, 0.18229, 0.723687},
      {695, 4, 1, 0.357143, 0.098265, 0.633225},
      {1174, 3, 1, 0.238095, 0.040154, 0.526989}
    };
    assertThat(steps).hasSize(expected.length);
    for (int i = 0; i < expected.length; i++) {
      Step step = steps.get(i);
      assertThat(step.day()).isEqualTo((int) expected[i][0]);
      assertThat(step.atRisk()).isEqualTo((int) expected[i][1]);
      assertThat(step.events()).isEqualTo((int) expected[i][2]);
      assertThat(step.survival()).isCloseTo(expected[i][3], within(1e-6));
      assertThat(step.low()).isCloseTo(expected[i][4], within(1e-6));
      assertThat(step.high()).isCloseTo(expected[i][5], within(1e-6));
    }

    Dashboard byGender =
        measures.dashboard(
            MeasureScope.agency(county.agency), filter(null, "GENDER"), CountyOf12.AS_OF);
    assertThat(byGender.curves()).extracting(c -> c.key()).containsExactly("FEMALE", "MALE");
    // hand.py: two-group log-rank chi-square 0.212473, p 0.644836
    assertThat(byGender.logRank().chiSquare()).isCloseTo(0.212473, within(1e-6));
    assertThat(byGender.logRank().degreesOfFreedom()).isEqualTo(1);
    assertThat(byGender.logRank().p()).isCloseTo(0.644836, within(1e-6));
  }

  @Test
  void programCompletionEngagementAndTimeToFirstSession() {
    CountyOf12 county = county();
    Dashboard dashboard =
        measures.dashboard(
            MeasureScope.agency(county.agency), filter(null, null), CountyOf12.AS_OF);
    // Programme A: 3 referred, ended 2 of which 1 completed; sessions 12 of 20; first session
    // 10 and 20 days after referral -> median 15. Programme B: 1, 1/1, 6/6, 4 days.
    // All: 4 referred, 2/3 completed, 18/26 sessions, median of 4, 10, 20 = 10.
    ProgramFigures all = dashboard.programTotal();
    assertThat(all.referred()).isEqualTo(4);
    assertRate(all.completion(), 2, 3, 0.20766, 0.938508);
    assertThat(all.engagement().value()).isCloseTo(18.0 / 26, within(1e-9));
    assertThat(all.medianDaysToFirstSession()).isEqualTo(10.0);
    ProgramFigures a =
        dashboard.programs().stream()
            .filter(p -> p.programId().equals(county.programA))
            .findFirst()
            .orElseThrow();
    assertThat(a.name()).isEqualTo("Anger management");
    assertThat(a.referred()).isEqualTo(3);
    assertThat(a.completion().count()).isEqualTo(1);
    assertThat(a.completion().of()).isEqualTo(2);
    assertThat(a.engagement().value()).isCloseTo(0.6, within(1e-9));
    assertThat(a.medianDaysToFirstSession()).isEqualTo(15.0);
    // Revocations in the period: P4 without offense (technical), P6 for drug possession.
    assertThat(dashboard.revocationsByType())
        .containsExactlyInAnyOrderEntriesOf(Map.of("TECHNICAL", 1L, "DRUG_POSSESSION", 1L));
  }

  @Test
  void aProviderSeesOnlyItsOwnProgramsAndAnAgencyOnlyItsOwnPeople() {
    CountyOf12 county = county();
    CountyOf12 other = county();
    MeasureFilter exits =
        MeasureFilter.parse(
            new Request("PROGRAM_EXIT", null, null, null, null, null, null, null),
            CountyOf12.AS_OF);
    Dashboard provider =
        measures.dashboard(new MeasureScope(null, county.providerX, null), exits, CountyOf12.AS_OF);
    // Provider X's program exits: P1 leaving programme A on 2025-05-01, rearrested 2025-06-01.
    assertThat(provider.total().people()).isEqualTo(1);
    assertThat(provider.total().recidivism1().count()).isEqualTo(1);
    assertThat(provider.programs())
        .extracting(ProgramFigures::programId)
        .containsExactly(county.programA);
    assertThat(provider.programTotal().referred()).isEqualTo(3);

    // the other agency's twelve people never enter this agency's figures
    Dashboard agency =
        measures.dashboard(
            MeasureScope.agency(county.agency), filter(null, null), CountyOf12.AS_OF);
    assertThat(agency.total().people()).isEqualTo(12);
    assertThat(other.agency).isNotEqualTo(county.agency);

    // a supervisor's team: P1 and P2
    Dashboard team =
        measures.dashboard(
            new MeasureScope(county.agency, null, county.team),
            filter(null, null),
            CountyOf12.AS_OF);
    assertThat(team.total().people()).isEqualTo(2);
  }

  @Test
  void factsFollowChangesAfterCommitAndEqualARecomputation() {
    CountyOf12 county = county();
    MeasureScope scope = MeasureScope.agency(county.agency);
    assertThat(
            measures
                .dashboard(scope, filter(null, null), CountyOf12.AS_OF)
                .total()
                .recidivism1()
                .count())
        .isEqualTo(3);
    // P3 is arrested in 2025: one more rearrest within a year once the change is published
    transactions.executeWithoutResult(
        status -> {
          new OutcomeFixtures(jdbc)
              .event(county.people[3], "ARREST", LocalDate.of(2025, 9, 1), "PROPERTY");
          events.publishEvent(new OutcomeRecordsChanged(county.agency, Set.of(county.people[3])));
        });
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        measures
                            .dashboard(scope, filter(null, null), CountyOf12.AS_OF)
                            .total()
                            .recidivism1()
                            .count())
                    .isEqualTo(4));
    List<Map<String, Object>> kept = factsOf(county);
    facts.refreshAgency(county.agency);
    assertThat(factsOf(county)).isEqualTo(kept);
  }

  private List<Map<String, Object>> factsOf(CountyOf12 county) {
    return jdbc.sql(
            """
            SELECT spell_id, rearrest_on, reconviction_on, return_on, employed_6m, employed_12m,
                   housing_12m, participated, observed_until, provider_id, age_band
              FROM outcomes_spell_fact WHERE agency_id = :agency ORDER BY spell_id
            """)
        .param("agency", county.agency)
        .query()
        .listOfRows();
  }

  @Test
  void badFiltersNameTheirParameter() {
    assertThatThrownBy(
            () ->
                MeasureFilter.parse(
                    new Request(
                        "PAROLE",
                        "x",
                        "SHOE_SIZE",
                        "2020-13-01",
                        "2019-01-01",
                        null,
                        "EXTREME",
                        "theirs"),
                    CountyOf12.AS_OF))
        .isInstanceOfSatisfying(
            FilterRejected.class,
            rejected ->
                assertThat(rejected.violations())
                    .extracting(v -> v.field())
                    .containsExactlyInAnyOrder(
                        "kind", "definition", "groupBy", "from", "riskLevel", "team"));
    assertThatThrownBy(
            () ->
                MeasureFilter.parse(
                    new Request(null, null, null, "2021-01-01", "2020-01-01", null, null, null),
                    CountyOf12.AS_OF))
        .isInstanceOfSatisfying(
            FilterRejected.class,
            rejected -> assertThat(rejected.violations().getFirst().field()).isEqualTo("from"));
  }
}
