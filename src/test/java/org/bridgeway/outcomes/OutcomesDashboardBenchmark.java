package org.bridgeway.outcomes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.bridgeway.benchmark.BenchmarkReport;
import org.bridgeway.benchmark.Samples;
import org.bridgeway.outcomes.measure.Estimates;
import org.bridgeway.outcomes.measure.MeasureCache;
import org.bridgeway.outcomes.measure.MeasureFilter;
import org.bridgeway.outcomes.measure.MeasureFilter.Request;
import org.bridgeway.outcomes.measure.MeasureScope;
import org.bridgeway.outcomes.measure.OutcomeMeasures;
import org.bridgeway.outcomes.measure.OutcomeMeasures.Dashboard;
import org.bridgeway.outcomes.measure.SpellFacts;
import org.bridgeway.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outcomes dashboard at the county profile of PERFORMANCE.md: 50,000 people of one agency with
 * about 60,000 spells and 200,000 events, written straight into the V27 tables with SQL. Measured
 * in one run: the recomputation of the agency's spell facts; the dashboard warm (cached), cold
 * (cache dropped, computed from the facts: recidivism 1/2/3 years by race with Wilson intervals,
 * Kaplan-Meier by race with log-rank, programs, revocations); against the straightforward GROUP BY
 * over the raw spells and events (recidivism 1/2/3 years by race, first event per spell found by a
 * join, no facts). And Kaplan-Meier over the 50,000 people: the product-limit pass against a
 * straightforward one that counts the people at risk afresh at every event day. Run with {@code
 * ./mvnw -Pbenchmark verify -Dit.test=OutcomesDashboardBenchmark}; not part of the suite and never
 * fails on time.
 */
@IntegrationTest
class OutcomesDashboardBenchmark {

  static final int PEOPLE = 50_000;
  static final int WARM_ROUNDS = 500;
  static final int COLD_ROUNDS = 25;

  /** Recidivism (rearrest) within 1, 2, 3 years by race straight from the raw tables. */
  static final String RAW =
      """
      WITH cohort AS (
        SELECT DISTINCT ON (s.person_id) s.id, s.person_id, s.start_date, s.end_date, s.end_reason
          FROM outcomes_spell s
         WHERE s.agency_id = :agency AND s.kind = 'SUPERVISION_START'
           AND s.start_date BETWEEN :from AND :asOf
         ORDER BY s.person_id, s.start_date, s.id),
      first_event AS (
        SELECT c.id, min(e.occurred_on) AS arrested_on
          FROM cohort c JOIN outcomes_event e
            ON e.person_id = c.person_id AND e.kind = 'ARREST' AND e.occurred_on > c.start_date
           AND (c.end_reason NOT IN ('DECEASED', 'TRANSFERRED') OR c.end_reason IS NULL
                OR e.occurred_on <= c.end_date)
         GROUP BY c.id)
      SELECT p.race, count(*) AS people,
             count(*) FILTER (WHERE c.start_date + interval '1 year' <= :asOf) AS followed1,
             count(*) FILTER (WHERE c.start_date + interval '1 year' <= :asOf
                                AND f.arrested_on <= c.start_date + interval '1 year') AS recidivated1,
             count(*) FILTER (WHERE c.start_date + interval '2 years' <= :asOf) AS followed2,
             count(*) FILTER (WHERE c.start_date + interval '2 years' <= :asOf
                                AND f.arrested_on <= c.start_date + interval '2 years') AS recidivated2,
             count(*) FILTER (WHERE c.start_date + interval '3 years' <= :asOf) AS followed3,
             count(*) FILTER (WHERE c.start_date + interval '3 years' <= :asOf
                                AND f.arrested_on <= c.start_date + interval '3 years') AS recidivated3
        FROM cohort c JOIN outcomes_person p ON p.id = c.person_id
        LEFT JOIN first_event f ON f.id = c.id
       GROUP BY GROUPING SETS ((), (p.race))
      """;

  @Autowired JdbcClient jdbc;
  @Autowired SpellFacts facts;
  @Autowired OutcomeMeasures measures;
  @Autowired MeasureCache cache;
  @Autowired TransactionTemplate transactions;
  @Autowired Clock clock;

  @Test
  void dashboardAndKaplanMeierAtTheCountyProfile() {
    UUID agency = UUID.randomUUID();
    LocalDate today = LocalDate.now(clock);
    long started = System.nanoTime();
    int[] rows = generate(agency, today);
    double generateMillis = (System.nanoTime() - started) / 1e6;
    jdbc.sql("ANALYZE").update();

    Samples refresh = new Samples();
    for (int round = 0; round < 3; round++) {
      refresh.time(() -> facts.refreshAgency(agency));
    }
    jdbc.sql("ANALYZE outcomes_spell_fact").update();

    MeasureScope scope = MeasureScope.agency(agency);
    MeasureFilter byRace =
        MeasureFilter.parse(new Request(null, null, "RACE", null, null, null, null, null), today);
    Samples cold = new Samples();
    Samples warm = new Samples();
    Samples raw = new Samples();
    Dashboard dashboard = null;
    for (int round = 0; round <= COLD_ROUNDS; round++) {
      cache.clear();
      Dashboard computed =
          measure(round > 0 ? cold : null, () -> measures.dashboard(scope, byRace, today));
      dashboard = computed;
      measure(round > 0 ? raw : null, () -> rawGroupBy(agency, byRace.from(), today));
    }
    for (int round = 0; round <= WARM_ROUNDS; round++) {
      measure(round > 0 ? warm : null, () -> measures.dashboard(scope, byRace, today));
    }

    // Kaplan-Meier over everyone: times fetched once, then the two computations compared
    List<int[]> subjects =
        jdbc.sql(
                """
                SELECT CASE WHEN rearrest_on IS NOT NULL AND rearrest_on <= :asOf
                            THEN rearrest_on - start_date
                            ELSE LEAST(COALESCE(observed_until, :asOf), :asOf) - start_date END,
                       (rearrest_on IS NOT NULL AND rearrest_on <= :asOf)::int
                  FROM outcomes_spell_fact WHERE agency_id = :agency AND kind = 'SUPERVISION_START'
                """)
            .param("asOf", today)
            .param("agency", agency)
            .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)})
            .list();
    int[] days = subjects.stream().mapToInt(s -> s[0]).toArray();
    boolean[] events = new boolean[days.length];
    for (int i = 0; i < days.length; i++) {
      events[i] = subjects.get(i)[1] == 1;
    }
    Samples km = new Samples();
    Samples kmNaive = new Samples();
    List<Estimates.Step> steps = null;
    double[] naive = null;
    for (int round = 0; round <= 10; round++) {
      steps = measure(round > 0 ? km : null, () -> Estimates.kaplanMeier(days, events));
      naive = measure(round > 0 ? kmNaive : null, () -> naiveKaplanMeier(days, events));
    }
    double largestDifference = 0;
    for (int i = 0; i < steps.size(); i++) {
      largestDifference = Math.max(largestDifference, Math.abs(steps.get(i).survival() - naive[i]));
    }

    BenchmarkReport report = new BenchmarkReport("Outcomes dashboard at the county profile");
    report.row("What", "samples", "median", "p99", "ratio (median, p99)", "target");
    row(
        report,
        "Raw GROUP BY over spells and events, recidivism 1/2/3y by race (baseline)",
        raw,
        raw,
        "");
    row(report, "Dashboard cold: every figure from the spell facts", cold, raw, "<= 1 s");
    row(report, "Dashboard warm (cached until the facts change)", warm, raw, "<= 50 ms");
    row(report, "Spell facts of the whole agency recomputed", refresh, raw, "");
    row(
        report,
        "Kaplan-Meier over " + days.length + " people: straightforward (baseline)",
        kmNaive,
        kmNaive,
        "");
    row(
        report,
        "Kaplan-Meier over " + days.length + " people: product-limit pass",
        km,
        kmNaive,
        "");
    report.note(
        String.format(
            Locale.ROOT,
            "generated %d people, %d spells, %d events, %d participations in %.0f ms",
            rows[0],
            rows[1],
            rows[2],
            rows[3],
            generateMillis));
    report.note(
        "cohort of the dashboard: "
            + dashboard.total().people()
            + " people; 1-year rearrest "
            + dashboard.total().recidivism1().count()
            + "/"
            + dashboard.total().recidivism1().of());
    report.note(
        String.format(
            Locale.ROOT,
            "Kaplan-Meier: %d steps; largest difference between the two: %.2e",
            steps.size(),
            largestDifference));
    report.note(
        String.format(
            Locale.ROOT,
            "the machine's %d cores are shared with other work",
            Runtime.getRuntime().availableProcessors()));
    report.note("plan of the raw GROUP BY:");
    explain(RAW, agency, byRace.from(), today).forEach(line -> report.note("  " + line));
    report.note("plan of the facts' cohort figures (the heart of the cold dashboard):");
    explain(
            """
            WITH cohort AS (SELECT DISTINCT ON (f.person_id) f.* FROM outcomes_spell_fact f
              WHERE f.kind = 'SUPERVISION_START' AND f.start_date BETWEEN :from AND :asOf
                AND f.agency_id = :agency ORDER BY f.person_id, f.start_date, f.spell_id)
            SELECT race, count(*), count(*) FILTER (WHERE year1_on <= :asOf AND rearrest_on <= year1_on)
              FROM cohort GROUP BY GROUPING SETS ((), (race))
            """,
            agency,
            byRace.from(),
            today)
        .forEach(line -> report.note("  " + line));
    report.print();
  }

  private List<String> explain(String sql, UUID agency, LocalDate from, LocalDate asOf) {
    return transactions.execute(
        tx ->
            jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + sql)
                .param("agency", agency)
                .param("from", from)
                .param("asOf", asOf)
                .query(String.class)
                .list());
  }

  private List<Object> rawGroupBy(UUID agency, LocalDate from, LocalDate asOf) {
    return jdbc.sql(RAW)
        .param("agency", agency)
        .param("from", from)
        .param("asOf", asOf)
        .query((rs, n) -> (Object) rs.getLong("recidivated1"))
        .list();
  }

  /** Survival at each event day, counting the people at risk by scanning everyone each time. */
  static double[] naiveKaplanMeier(int[] days, boolean[] events) {
    TreeMap<Integer, Integer> eventDays = new TreeMap<>();
    for (int i = 0; i < days.length; i++) {
      if (events[i]) {
        eventDays.merge(days[i], 1, Integer::sum);
      }
    }
    double[] survival = new double[eventDays.size()];
    double s = 1;
    int k = 0;
    for (var day : eventDays.entrySet()) {
      int atRisk = 0;
      for (int d : days) {
        if (d >= day.getKey()) {
          atRisk++;
        }
      }
      s *= 1 - (double) day.getValue() / atRisk;
      survival[k++] = s;
    }
    return survival;
  }

  /**
   * People with demographics from hashes of their number; one supervision start each in the six
   * years before today (a fifth also a release), ends for a third; arrests for about 45%,
   * convictions, returns, employment and housing so that events total about 200,000; participations
   * for a quarter.
   */
  private int[] generate(UUID agency, LocalDate today) {
    int people =
        jdbc.sql(
                """
                INSERT INTO outcomes_person (id, agency_id, source, external_ref, birth_date, gender,
                                             race, ethnicity, area, updated_at)
                SELECT gen_random_uuid(), :agency, 'IMPORTED', 'B-' || g,
                       DATE '1960-01-01' + (g * 7919) % 15000,
                       (ARRAY['FEMALE','MALE','MALE','NONBINARY'])[1 + g % 4],
                       (ARRAY['WHITE','BLACK_OR_AFRICAN_AMERICAN','ASIAN','AMERICAN_INDIAN_OR_ALASKA_NATIVE','MULTIRACIAL'])[1 + (g * 31) % 5],
                       (ARRAY['HISPANIC_OR_LATINO','NOT_HISPANIC_OR_LATINO'])[1 + (g * 17) % 2],
                       lpad(((g * 13) % 40 + 97000)::text, 5, '0'), now()
                  FROM generate_series(1, :people) g
                """)
            .param("agency", agency)
            .param("people", PEOPLE)
            .update();
    int spells =
        jdbc.sql(
                """
                INSERT INTO outcomes_spell (id, person_id, agency_id, kind, source, start_date, end_date,
                                            end_reason, risk_level, officer_id, team_id, updated_at)
                SELECT gen_random_uuid(), p.id, p.agency_id, k.kind, 'IMPORTED', x.start,
                       CASE WHEN r % 3 = 0 THEN LEAST(x.start + 200 + r % 500, CAST(:today AS date)) END,
                       CASE WHEN r % 3 = 0 THEN (ARRAY['COMPLETED','EARLY_DISCHARGE','REVOKED','TRANSFERRED','DECEASED','ABSCONDED'])[1 + r % 6] END,
                       (ARRAY['LOW','MODERATE','HIGH','VERY_HIGH'])[1 + r % 4], NULL, NULL, now()
                  FROM outcomes_person p
                  CROSS JOIN LATERAL (SELECT abs(hashtext(p.id::text)) AS r) h
                  CROSS JOIN LATERAL (VALUES ('SUPERVISION_START'), ('RELEASE')) k(kind)
                  CROSS JOIN LATERAL (SELECT CAST(:today AS date) - (r % 2190) AS start) x
                 WHERE p.agency_id = :agency AND (k.kind = 'SUPERVISION_START' OR r % 5 = 0)
                """)
            .param("agency", agency)
            .param("today", today)
            .update();
    int events =
        jdbc.sql(
                """
                INSERT INTO outcomes_event (id, person_id, agency_id, kind, occurred_on,
                                            offense_category, housing_status, source, recorded_at,
                                            recorded_by)
                SELECT gen_random_uuid(), s.person_id, s.agency_id, e.kind,
                       LEAST(s.start_date + 1 + (h.r / e.n) % 1400, CAST(:today AS date)),
                       CASE WHEN e.kind IN ('ARREST','CONVICTION') THEN 'PROPERTY' END,
                       CASE WHEN e.kind = 'HOUSING_CHANGE' THEN (ARRAY['STABLE','TRANSITIONAL','UNSTABLE','HOMELESS'])[1 + h.r % 4] END,
                       'IMPORTED', now(), 'benchmark'
                  FROM outcomes_spell s
                  CROSS JOIN LATERAL (SELECT abs(hashtext(s.id::text)) AS r) h
                  CROSS JOIN LATERAL (VALUES ('ARREST', 2, 45), ('CONVICTION', 3, 25), ('REVOCATION', 5, 10),
                                             ('RETURN_TO_CUSTODY', 7, 10), ('EMPLOYMENT_START', 11, 70),
                                             ('EMPLOYMENT_END', 13, 30), ('HOUSING_CHANGE', 17, 90),
                                             ('TECHNICAL_VIOLATION', 19, 80)) e(kind, n, percent)
                 WHERE s.agency_id = :agency AND s.kind = 'SUPERVISION_START' AND (h.r / e.n) % 100 < e.percent
                ON CONFLICT DO NOTHING
                """)
            .param("agency", agency)
            .param("today", today)
            .update();
    int participations =
        jdbc.sql(
                """
                INSERT INTO outcomes_participation (id, person_id, agency_id, source, program_id,
                    program_name, provider_id, referred_on, first_session_on, sessions_scheduled,
                    sessions_attended, ended_on, completion, updated_at)
                SELECT gen_random_uuid(), s.person_id, s.agency_id, 'IMPORTED', 'BP-' || (h.r % 12),
                       'Benchmark program ' || (h.r % 12), NULL, s.start_date + 10,
                       s.start_date + 10 + h.r % 30, 12, h.r % 13,
                       CASE WHEN h.r % 2 = 0 THEN s.start_date + 120 END,
                       CASE WHEN h.r % 2 = 0 THEN (ARRAY['COMPLETED','PARTIAL','NOT_COMPLETED'])[1 + h.r % 3] END,
                       now()
                  FROM outcomes_spell s
                  CROSS JOIN LATERAL (SELECT abs(hashtext(s.id::text || 'p')) AS r) h
                 WHERE s.agency_id = :agency AND s.kind = 'SUPERVISION_START' AND h.r % 4 = 0
                   AND s.start_date + 10 + h.r % 30 <= CAST(:today AS date)
                """)
            .param("agency", agency)
            .param("today", today)
            .update();
    return new int[] {people, spells, events, participations};
  }

  private static <T> T measure(Samples samples, Supplier<T> call) {
    return samples == null ? call.get() : samples.time(call);
  }

  private static void row(
      BenchmarkReport report, String what, Samples samples, Samples baseline, String target) {
    report.row(
        what,
        Integer.toString(samples.count()),
        BenchmarkReport.millis(samples.medianMillis()),
        BenchmarkReport.millis(samples.p99Millis()),
        BenchmarkReport.ratio(samples.medianMillis() / baseline.medianMillis())
            + ", "
            + BenchmarkReport.ratio(samples.p99Millis() / baseline.p99Millis()),
        target);
  }
}
