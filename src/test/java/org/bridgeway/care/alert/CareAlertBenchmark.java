package org.bridgeway.care.alert;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.bridgeway.benchmark.BenchmarkReport;
import org.bridgeway.benchmark.Samples;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.shared.demo.DemoData;
import org.bridgeway.shared.demo.DemoProperties.Scale;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.demo.SupervisionGenerationSummary;
import org.bridgeway.supervision.demo.SupervisionGenerator;
import org.bridgeway.testing.SignInSteps;
import org.bridgeway.testing.TestUsers;
import org.bridgeway.testing.WebIntegrationTest;
import org.bridgeway.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The officer's caseload page with treatment alerts at the county profile of PERFORMANCE.md ({@code
 * -Dbenchmark.scale=state} for the state one): the supervision generator fills an agency, three in
 * ten of its people get a treatment episode with two open alerts and an acknowledged one, and an
 * officer with about 60 open cases is signed in. Measured against a static file served by the same
 * application in the same run: the caseload page (first 25 by name, alert counts from care through
 * {@code CaseloadSignals}), sorted and filtered by open alerts (the flags of every line), and the
 * Alerts page; plus the one counts query in the server against the same statement through JDBC. The
 * plan of the counts query is printed. Run with {@code ./mvnw -Pbenchmark verify
 * -Dit.test=CareAlertBenchmark}; not part of the suite and never fails on time.
 */
@WebIntegrationTest
class CareAlertBenchmark {

  static final int ROUNDS = 200;

  /**
   * Rounds first, not counted: the compiler settles and the pool's connections prepare the
   * statements.
   */
  static final int WARM_UP_ROUNDS = 20;

  static final int QUERY_ROUNDS = 500;

  static final String COUNTS =
      """
      SELECT person_id, count(*) FROM care_alert
      WHERE agency_id = :agency AND person_id = ANY(:people) AND state <> 'ACKNOWLEDGED'
      GROUP BY person_id""";

  @LocalServerPort int port;
  @Autowired SupervisionGenerator generator;
  @Autowired AlertStore store;
  @Autowired TestUsers users;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired Clock clock;

  @Test
  void caseloadPageWithAlertsAtTheScaleProfile() throws Exception {
    Scale scale =
        "state".equalsIgnoreCase(System.getProperty("benchmark.scale"))
            ? Scale.STATE
            : Scale.COUNTY;
    OrganizationId agency = users.organization(OrganizationKind.PROBATION_AGENCY);
    SupervisionGenerationSummary generated =
        generator.generate(new DemoData(Path.of("target", "benchmark")), scale, agency);
    OrganizationId provider = users.organization(OrganizationKind.TREATMENT_PROVIDER);
    LocalDate today = LocalDate.now(clock);
    int episodes =
        jdbc.sql(
                """
                INSERT INTO care_episode (id, person_id, agency_id, provider_id, person_name,
                    person_birth_date, basis, started_on, recorded_by, recorded_at, version)
                SELECT gen_random_uuid(), p.id, p.organization_id, :provider,
                    p.given_name || ' ' || p.family_name, p.date_of_birth, 'COURT_ORDERED',
                    CAST(:today AS date) - 60, 'benchmark', now(), 0
                FROM supervision_person p
                WHERE p.organization_id = :agency AND abs(hashtext(p.id::text)) % 10 < 3
                """)
            .param("provider", provider.value())
            .param("agency", agency.value())
            .param("today", today)
            .update();
    int alerts =
        jdbc.sql(
                """
                INSERT INTO care_alert (id, person_id, agency_id, provider_id, episode_id, rule,
                    trigger_key, trigger_ids, category, sensitivity, day, officer_ids, raised_at,
                    escalate_at, state, acknowledged_by, acknowledged_at, action, version)
                SELECT gen_random_uuid(), e.person_id, e.agency_id, e.provider_id, e.id,
                    'CONCERN_FLAGGED', 'benchmark-' || g, ARRAY[e.id], 'PROGRESS', 'HEALTH',
                    :today, '{}', now(), now() + interval '1 day',
                    CASE WHEN g = 3 THEN 'ACKNOWLEDGED' ELSE 'OPEN' END,
                    CASE WHEN g = 3 THEN 'benchmark' END, CASE WHEN g = 3 THEN now() END,
                    CASE WHEN g = 3 THEN 'NO_ACTION_NEEDED' END, 0
                FROM care_episode e CROSS JOIN generate_series(1, 3) g
                WHERE e.agency_id = :agency
                """)
            .param("agency", agency.value())
            .param("today", today)
            .update();
    jdbc.sql("ANALYZE").update();

    UUID officer =
        jdbc.sql(
                "SELECT officer_id FROM supervision_case WHERE organization_id = ? AND status ="
                    + " 'OPEN' GROUP BY officer_id ORDER BY abs(count(*) - 60), officer_id LIMIT 1")
            .param(agency.value())
            .query(UUID.class)
            .single();
    List<PersonId> caseload =
        jdbc.sql(
                "SELECT DISTINCT person_id FROM supervision_case WHERE officer_id = ? AND status ="
                    + " 'OPEN'")
            .param(officer)
            .query((rs, n) -> new PersonId(rs.getObject(1, UUID.class)))
            .list();
    TestUsers.TestUser pageOfficer = users.enrolled(agency, Role.OFFICER);
    jdbc.sql("UPDATE supervision_case SET officer_id = ? WHERE officer_id = ? AND status = 'OPEN'")
        .params(pageOfficer.id().value(), officer)
        .update();
    WebSession web = SignInSteps.signedIn(port, pageOfficer, clock);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String base = "http://localhost:" + port;

    Samples counts = new Samples();
    Samples countsDirect = new Samples();
    UUID[] people = caseload.stream().map(PersonId::value).toArray(UUID[]::new);
    for (int round = 0; round <= QUERY_ROUNDS; round++) {
      boolean measured = round > 0;
      measure(
          measured ? counts : null,
          () -> transactions.execute(tx -> store.openCounts(agency, caseload)));
      measure(
          measured ? countsDirect : null,
          () ->
              transactions.execute(
                  tx ->
                      jdbc.sql(COUNTS)
                          .param("agency", agency.value())
                          .param("people", people)
                          .query((rs, n) -> rs.getLong(2))
                          .list()));
    }

    Samples staticFile = new Samples();
    Samples page = new Samples();
    Samples byAlerts = new Samples();
    Samples alertsOnly = new Samples();
    Samples alertsPage = new Samples();
    int failed = 0;
    for (int round = 0; round < WARM_UP_ROUNDS + ROUNDS; round++) {
      boolean measured = round >= WARM_UP_ROUNDS;
      measure(measured ? staticFile : null, () -> get(http, base + "/js/app.js"));
      failed += ok(measure(measured ? page : null, () -> web.get("/supervision/caseload")));
      failed +=
          ok(
              measure(
                  measured ? byAlerts : null,
                  () -> web.get("/supervision/caseload?sort=ALERTS-desc")));
      failed +=
          ok(
              measure(
                  measured ? alertsOnly : null,
                  () -> web.get("/supervision/caseload?alerts=true")));
      failed += ok(measure(measured ? alertsPage : null, () -> web.get("/care/alerts")));
    }

    BenchmarkReport report =
        new BenchmarkReport(
            "Caseload with treatment alerts at the "
                + scale.name().toLowerCase(Locale.ROOT)
                + " profile");
    report.row("What", "samples", "median", "p99", "ratio (median, p99)", "target");
    row(
        report,
        "Open alert counts: the statement through JDBC (baseline)",
        countsDirect,
        countsDirect,
        "");
    row(
        report,
        "Open alert counts of the caseload: AlertStore in the server",
        counts,
        countsDirect,
        "");
    row(report, "HTTP: static file /js/app.js (baseline)", staticFile, staticFile, "");
    row(
        report,
        "HTTP: caseload page with alert counts, first 25 of " + caseload.size(),
        page,
        staticFile,
        "p99 <= 100 ms");
    row(
        report,
        "HTTP: caseload sorted by open alerts (flags of all " + caseload.size() + ")",
        byAlerts,
        staticFile,
        "p99 <= 100 ms");
    row(report, "HTTP: caseload filtered to open alerts", alertsOnly, staticFile, "p99 <= 100 ms");
    row(report, "HTTP: Alerts page (consent decided for every alert)", alertsPage, staticFile, "");
    report.note("pages that did not answer 200: " + failed);
    report.note("generated: " + generated);
    report.note("episodes: " + episodes + ", alerts: " + alerts + " (two open per episode)");
    report.note(
        String.format(
            Locale.ROOT,
            "the officer has %d people; the machine's %d cores are shared with other work",
            caseload.size(),
            Runtime.getRuntime().availableProcessors()));
    report.note("plan of the open alert counts:");
    transactions
        .execute(
            tx ->
                jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + COUNTS)
                    .param("agency", agency.value())
                    .param("people", people)
                    .query(String.class)
                    .list())
        .forEach(line -> report.note("  " + line));
    report.print();
  }

  private static int ok(WebSession.Page page) {
    return page.status() == 200 ? 0 : 1;
  }

  private static String get(HttpClient http, String url) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(url + " answered " + response.statusCode());
      }
      return response.body();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static <T> T measure(Samples samples, Supplier<T> call) {
    return samples == null ? call.get() : samples.time(call);
  }

  private static void row(
      BenchmarkReport report, String what, Samples samples, Samples baseline, String target) {
    report.row(
        what,
        BenchmarkReport.number(samples.count()),
        BenchmarkReport.millis(samples.medianMillis()),
        BenchmarkReport.millis(samples.p99Millis()),
        BenchmarkReport.ratio(samples.medianMillis() / baseline.medianMillis())
            + ", "
            + BenchmarkReport.ratio(samples.p99Millis() / baseline.p99Millis()),
        target);
  }
}
