package org.bridgeway.directory.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bridgeway.benchmark.BenchmarkReport;
import org.bridgeway.benchmark.Samples;
import org.bridgeway.directory.CostKind;
import org.bridgeway.directory.DirectorySearch;
import org.bridgeway.directory.DirectorySearchQuery;
import org.bridgeway.directory.DirectorySearchQuery.Near;
import org.bridgeway.directory.DirectorySearchQuery.PersonFacts;
import org.bridgeway.directory.demo.DirectoryGenerator;
import org.bridgeway.directory.demo.GenerationSummary;
import org.bridgeway.directory.hsds.DirectoryRecordsChanged;
import org.bridgeway.directory.profile.Capacities;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.token.ApiTokenService;
import org.bridgeway.shared.demo.DemoData;
import org.bridgeway.shared.demo.DemoProperties.Scale;
import org.bridgeway.shared.vocabulary.Gender;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.vocabulary.OffenseCategory;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.shared.vocabulary.SupervisionType;
import org.bridgeway.testing.TestUsers;
import org.bridgeway.testing.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The directory search targets of PERFORMANCE.md on the generated directory of a scale profile
 * ({@code -Dbenchmark.scale=county}, the default, or {@code state}): the full staff query (text,
 * need domains, radius from a ZIP code, a person's eligibility facts, sometimes capacity now and
 * cost, with facets) measured
 *
 * <ul>
 *   <li>in the server, through the {@link DirectorySearch} facade (parsing, typo correction, the
 *       statement, mapping of hits, reasons and facets), against the same two statements sent
 *       straight through JDBC without mapping anything;
 *   <li>over HTTP through {@code GET /api/v1/directory/search} with a bearer token, one client at a
 *       time and then many at once, for throughput;
 *   <li>a provider's capacity report, with the refresh of the search projection it triggers.
 * </ul>
 *
 * Run with {@code ./mvnw -Pbenchmark verify -Dit.test=DirectorySearchBenchmark}; not part of the
 * suite and never fails on time.
 */
@WebIntegrationTest
@TestPropertySource(
    properties = "management.metrics.distribution.percentiles.http.server.requests=0.5,0.99")
class DirectorySearchBenchmark {

  /** Words people type, in the catalogue's vocabulary, with typos and accents as people type. */
  static final String[] WORDS = {
    "counseling",
    "housing",
    "shelter",
    "job training",
    "employment",
    "recovery",
    "substance use",
    "outpatient",
    "anger management",
    "parenting",
    "food",
    "legal aid",
    "GED",
    "mentoring",
    "sober living",
    "record clearance",
    "dental",
    "transportation",
    "counceling",
    "houseing",
    "résumé",
    "medication",
    "support group",
    "reentry"
  };

  /** ZIP codes of the generated region, populous ones repeated so that they are asked more. */
  static final String[] ZIPS = {
    "92501", "92503", "92503", "92504", "92505", "92507", "92509", "92530", "92543", "92544",
    "92553", "92553", "92557", "92562", "92563", "92570", "92571", "92584", "92592", "92201",
    "92234", "92236", "92262", "92223", "92225"
  };

  /** Hits per page, as the staff page shows them (the API's default is 50). */
  static final int PAGE_SIZE = 20;

  static final int QUERIES = 400;
  static final int ROUNDS = 5;
  static final int CONCURRENT_CLIENTS = 16;
  static final int CONCURRENT_REQUESTS = 6_000;
  static final int HTTP_ROUNDS = 3;

  @LocalServerPort int port;
  @Autowired DirectoryGenerator generator;
  @Autowired DirectorySearch search;
  @Autowired DirectorySearchService searchService;
  @Autowired Capacities capacities;
  @Autowired TestUsers users;
  @Autowired ApiTokenService tokens;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired org.springframework.context.ApplicationEventPublisher events;
  @Autowired Clock clock;
  @Autowired MeterRegistry meters;

  @Test
  void searchAtTheScaleProfile() throws Exception {
    Scale scale =
        "state".equalsIgnoreCase(System.getProperty("benchmark.scale"))
            ? Scale.STATE
            : Scale.COUNTY;
    GenerationSummary generated =
        generator.generate(new DemoData(Path.of("target", "benchmark")), scale);
    jdbc.sql("ANALYZE").update();

    Random random = new Random(20261202);
    List<DirectorySearchQuery> queries = new ArrayList<>();
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < QUERIES; i++) {
      Query query = query(random);
      queries.add(query.toSearch());
      urls.add(query.toUrl(port));
    }

    Samples facade = new Samples();
    Samples direct = new Samples();
    long hits = 0;
    for (int round = 0; round <= ROUNDS; round++) {
      for (DirectorySearchQuery query : queries) {
        if (round == 0) {
          search.search(query);
          direct(query);
          continue;
        }
        hits += facade.time(() -> search.search(query)).totalHits();
        direct.time(() -> direct(query));
      }
    }

    String token =
        tokens
            .issueUnchecked(
                users.organization(OrganizationKind.PROBATION_AGENCY),
                "Search benchmark",
                Set.of(Role.OFFICER),
                null,
                UUID.randomUUID(),
                "bw_benchmark_" + UUID.randomUUID().toString().replace("-", ""))
            .value();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Samples sequential = new Samples();
    for (int round = 0; round <= 2; round++) {
      for (String url : urls) {
        if (round == 0) {
          send(http, url, token);
        } else {
          sequential.time(() -> send(http, url, token));
        }
      }
    }

    // Rounds alternate between the token check and the search, so that a slow moment of this
    // shared machine falls on both; the median round of each is reported.
    String me = "http://localhost:" + port + "/api/v1/me";
    List<Load> ceilings = new ArrayList<>();
    List<Load> searchRounds = new ArrayList<>();
    // One round of each first, not counted: every connection of the pool prepares each shape of
    // the statements once, and the compiler settles (the first rounds ran at half speed).
    concurrently(http, List.of(me), token);
    concurrently(http, urls, token);
    meters.clear();
    for (int round = 0; round < HTTP_ROUNDS; round++) {
      ceilings.add(concurrently(http, List.of(me), token));
      searchRounds.add(concurrently(http, urls, token));
    }
    Load ceiling = medianRound(ceilings);
    Load searches = medianRound(searchRounds);
    Timer serverTime =
        meters.get("http.server.requests").tag("uri", "/api/v1/directory/search").timer();

    List<UUID> reported =
        jdbc.sql("SELECT service_id FROM directory_service_profile ORDER BY service_id LIMIT 200")
            .query(UUID.class)
            .list();
    Samples capacityReports = new Samples();
    for (UUID service : reported) {
      capacityReports.time(
          () ->
              transactions.execute(
                  tx -> {
                    capacities.report(service, 3, 1, null, "benchmark", clock.instant(), null);
                    events.publishEvent(new DirectoryRecordsChanged(Set.of(service)));
                    return null;
                  }));
    }

    int entries =
        jdbc.sql("SELECT count(*) FROM directory_search_entry").query(Integer.class).single();
    BenchmarkReport report =
        new BenchmarkReport(
            "Directory search at the " + scale.name().toLowerCase(Locale.ROOT) + " profile");
    report.row("What", "samples", "median", "p99", "ratio (median, p99)", "target");
    report.row(
        "JDBC: the same statements, rows not mapped (baseline)",
        BenchmarkReport.number(direct.count()),
        BenchmarkReport.millis(direct.medianMillis()),
        BenchmarkReport.millis(direct.p99Millis()),
        "1.00x, 1.00x",
        "");
    report.row(
        "Search facade in the server",
        BenchmarkReport.number(facade.count()),
        BenchmarkReport.millis(facade.medianMillis()),
        BenchmarkReport.millis(facade.p99Millis()),
        BenchmarkReport.ratio(facade.medianMillis() / direct.medianMillis())
            + ", "
            + BenchmarkReport.ratio(facade.p99Millis() / direct.p99Millis()),
        "p99 <= 25 ms; ratio <= 1.5");
    report.row(
        "HTTP, one client (JSON with token)",
        BenchmarkReport.number(sequential.count()),
        BenchmarkReport.millis(sequential.medianMillis()),
        BenchmarkReport.millis(sequential.p99Millis()),
        BenchmarkReport.ratio(sequential.medianMillis() / direct.medianMillis())
            + ", "
            + BenchmarkReport.ratio(sequential.p99Millis() / direct.p99Millis()),
        "");
    report.row(
        "HTTP, " + CONCURRENT_CLIENTS + " clients: GET /api/v1/me (token check only)",
        BenchmarkReport.number(ceiling.samples().count()),
        BenchmarkReport.millis(ceiling.samples().medianMillis()),
        BenchmarkReport.millis(ceiling.samples().p99Millis()),
        "",
        "");
    report.row(
        "HTTP, " + CONCURRENT_CLIENTS + " clients: search",
        BenchmarkReport.number(searches.samples().count()),
        BenchmarkReport.millis(searches.samples().medianMillis()),
        BenchmarkReport.millis(searches.samples().p99Millis()),
        "",
        ">= 500 searches/s");
    report.row(
        "  of which in the server (http.server.requests)",
        BenchmarkReport.number(serverTime.count()),
        BenchmarkReport.millis(percentile(serverTime, 0.5)),
        BenchmarkReport.millis(percentile(serverTime, 0.99)),
        "",
        "p99 <= 25 ms");
    report.row(
        "Capacity report + search refresh, one transaction",
        BenchmarkReport.number(capacityReports.count()),
        BenchmarkReport.millis(capacityReports.medianMillis()),
        BenchmarkReport.millis(capacityReports.p99Millis()),
        "",
        "");
    report.note(
        String.format(
            Locale.ROOT,
            "throughput over HTTP with %d clients, median of %d rounds: %,.0f searches/s"
                + " (rounds: %s; %d failed), %.2fx the %,.0f requests/s of /api/v1/me (rounds:"
                + " %s); the clients and the server share this machine's %d cores",
            CONCURRENT_CLIENTS,
            HTTP_ROUNDS,
            searches.perSecond(),
            perSecond(searchRounds),
            searchRounds.stream().mapToLong(Load::failures).sum(),
            searches.perSecond() / ceiling.perSecond(),
            ceiling.perSecond(),
            perSecond(ceilings),
            Runtime.getRuntime().availableProcessors()));
    report.note(
        String.format(
            Locale.ROOT,
            "directory: %s; %,d search rows; mean %.1f hits per query",
            generated,
            entries,
            hits / (double) facade.count()));
    report.note("plan of a typical query:");
    explain(queries.getFirst()).forEach(line -> report.note("  " + line));
    report.print();

    assertThat(searchRounds.stream().mapToLong(Load::failures).sum()).isZero();
    assertThat(ceilings.stream().mapToLong(Load::failures).sum()).isZero();
    assertThat(hits).isPositive();
  }

  private static double percentile(Timer timer, double fraction) {
    for (ValueAtPercentile value : timer.takeSnapshot().percentileValues()) {
      if (value.percentile() == fraction) {
        return value.value(java.util.concurrent.TimeUnit.MILLISECONDS);
      }
    }
    return Double.NaN;
  }

  /** The round of median throughput. */
  private static Load medianRound(List<Load> rounds) {
    List<Load> sorted = new ArrayList<>(rounds);
    sorted.sort(java.util.Comparator.comparingDouble(Load::perSecond));
    return sorted.get(sorted.size() / 2);
  }

  private static String perSecond(List<Load> rounds) {
    return String.join(
        ", ",
        rounds.stream().map(r -> String.format(Locale.ROOT, "%,.0f", r.perSecond())).toList());
  }

  /** What a load of concurrent clients measured: latencies, requests per second, failures. */
  record Load(Samples samples, double perSecond, int failures) {}

  /** {@link #CONCURRENT_REQUESTS} requests over the URLs in turn, from concurrent clients. */
  private static Load concurrently(HttpClient http, List<String> urls, String token)
      throws Exception {
    Samples samples = new Samples();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    long start = System.nanoTime();
    try (ExecutorService clients = Executors.newFixedThreadPool(CONCURRENT_CLIENTS)) {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < CONCURRENT_CLIENTS; c++) {
        running.add(
            clients.submit(
                () -> {
                  for (int n = next.getAndIncrement();
                      n < CONCURRENT_REQUESTS;
                      n = next.getAndIncrement()) {
                    String url = urls.get(n % urls.size());
                    if (samples.time(() -> send(http, url, token)) != 200) {
                      failures.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> client : running) {
        client.get();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Load(samples, samples.count() / seconds, failures.get());
  }

  /** A staff search: words, one or two need domains, a ZIP code and radius, a person's facts. */
  private static Query query(Random random) {
    NeedDomain[] domains = NeedDomain.values();
    EnumSet<NeedDomain> needs = EnumSet.of(domains[random.nextInt(domains.length)]);
    if (random.nextBoolean()) {
      needs.add(domains[random.nextInt(domains.length)]);
    }
    return new Query(
        random.nextInt(4) == 0 ? null : WORDS[random.nextInt(WORDS.length)],
        needs,
        ZIPS[random.nextInt(ZIPS.length)],
        new int[] {5, 10, 10, 25}[random.nextInt(4)],
        18 + random.nextInt(50),
        random.nextInt(4) == 0 ? Gender.FEMALE : Gender.MALE,
        random.nextInt(3) == 0 ? SupervisionType.PAROLE : SupervisionType.PROBATION,
        SupervisionLevel.values()[random.nextInt(SupervisionLevel.values().length)],
        random.nextInt(5) == 0 ? Set.of(OffenseCategory.values()[0]) : Set.of(),
        random.nextInt(3) == 0,
        random.nextInt(4) == 0 ? Set.of(CostKind.FREE, CostKind.SLIDING_SCALE) : Set.of());
  }

  /** One benchmark query, as the facade takes it and as the API's query string says it. */
  record Query(
      String text,
      Set<NeedDomain> needs,
      String zip,
      int radiusMiles,
      int age,
      Gender gender,
      SupervisionType supervisionType,
      SupervisionLevel supervisionLevel,
      Set<OffenseCategory> offenses,
      boolean hasCapacity,
      Set<CostKind> cost) {

    DirectorySearchQuery toSearch() {
      return DirectorySearchQuery.builder()
          .text(text)
          .needDomains(needs)
          .near(Near.zip(zip, radiusMiles))
          .person(
              new PersonFacts(
                  age, gender, supervisionType, supervisionLevel, offenses, Set.of(), null, null))
          .hasCapacity(hasCapacity)
          .costKinds(cost)
          .withFacets(true)
          .size(PAGE_SIZE)
          .build();
    }

    String toUrl(int port) {
      StringBuilder url =
          new StringBuilder("http://localhost:").append(port).append("/api/v1/directory/search?");
      if (text != null) {
        url.append("q=").append(URLEncoder.encode(text, StandardCharsets.UTF_8)).append('&');
      }
      needs.forEach(need -> url.append("needDomain=").append(need).append('&'));
      offenses.forEach(offense -> url.append("offense=").append(offense).append('&'));
      cost.forEach(kind -> url.append("cost=").append(kind).append('&'));
      return url.append("zip=")
          .append(zip)
          .append("&radiusMiles=")
          .append(radiusMiles)
          .append("&age=")
          .append(age)
          .append("&gender=")
          .append(gender)
          .append("&supervisionType=")
          .append(supervisionType)
          .append("&supervisionLevel=")
          .append(supervisionLevel)
          .append("&hasCapacity=")
          .append(hasCapacity)
          .append("&size=")
          .append(PAGE_SIZE)
          .toString();
    }
  }

  private static int send(HttpClient http, String url, String token) {
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create(url))
                  .header("Authorization", "Bearer " + token)
                  .timeout(Duration.ofSeconds(30))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray())
          .statusCode();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The statements the facade sends (the projection's version and its plan setting, typo correction
   * of words not seen at that version, then the search), in one transaction as the facade's, rows
   * not mapped.
   */
  private int direct(DirectorySearchQuery query) {
    return transactions.execute(
        tx -> {
          long version = DirectorySearchService.prepare(jdbc);
          SearchStatement statement = statement(query, version);
          return jdbc.sql(statement.sql())
              .params(statement.params())
              .query((rs, n) -> 1)
              .list()
              .size();
        });
  }

  private SearchStatement statement(DirectorySearchQuery query, long version) {
    List<String> used =
        searchService.correct(DirectorySearchQuery.words(query.text()), version).used();
    int nowMinute = 600;
    return SearchStatement.of(
        query,
        used.isEmpty() ? null : String.join(" ", used),
        used,
        searchService.origin(query.near()),
        null,
        nowMinute,
        clock.instant().minus(Duration.ofDays(7)));
  }

  private List<String> explain(DirectorySearchQuery query) {
    SearchStatement statement = statement(query, Long.MIN_VALUE);
    return jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + statement.sql())
        .params(statement.params())
        .query((rs, n) -> rs.getString(1))
        .list();
  }
}
