package org.bridgeway.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.bridgeway.benchmark.BenchmarkReport;
import org.bridgeway.benchmark.Samples;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.token.ApiTokenService;
import org.bridgeway.testing.DirectoryFixtures;
import org.bridgeway.testing.SupervisionFixtures;
import org.bridgeway.testing.TestUsers;
import org.bridgeway.testing.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The write target of PERFORMANCE.md: referral writes over the API, audit and outbox included, from
 * {@value #CLIENTS} concurrent clients, against raw JDBC doing the same writes in one transaction
 * each from as many threads.
 *
 * <p>A referral is three writes: the officer's draft ({@code POST /api/v1/referrals}), sending it
 * and the provider accepting it, each a {@code POST} with an {@code Idempotency-Key} and a bearer
 * token. The baseline does, per write and in one transaction, what reaches the database: the
 * referral row inserted or updated, its timeline entry, the audit entry appended to the hash chain
 * under the chain's lock, and one event publication row per listener of the change (the outbox). It
 * skips what the application adds around them (the token, the idempotency record, reading the
 * person, the service and the consent, JSON), which is what the ratio measures. The baseline's
 * audit rows are not canonical (their hashes only stand in for the real ones), so the trail of the
 * throwaway benchmark database does not verify afterwards.
 *
 * <p>Run with {@code ./mvnw -Pbenchmark verify -Dit.test=ReferralWriteBenchmark}; rounds alternate
 * API and baseline so that both meet the same noise. Not part of the suite; never fails on time.
 */
@WebIntegrationTest
class ReferralWriteBenchmark {

  static final int CLIENTS = 50;
  static final int ROUNDS = 3;
  static final int REFERRALS_PER_ROUND = Integer.getInteger("benchmark.referrals", 1_000);
  static final int PEOPLE = 200;
  static final long AUDIT_CHAIN_LOCK = 0x61_75_64_69_74L;

  @LocalServerPort int port;
  @Autowired TestUsers users;
  @Autowired SupervisionFixtures supervision;
  @Autowired DirectoryFixtures directory;
  @Autowired ApiTokenService tokens;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired JsonMapper json;
  @Autowired Clock clock;

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void referralWritesOverTheApiAgainstRawJdbc() throws Exception {
    OrganizationId agency = users.organization(OrganizationKind.PROBATION_AGENCY);
    OrganizationId provider = users.organization(OrganizationKind.TREATMENT_PROVIDER);
    UUID service = directory.stewardedService(provider);
    List<UUID> people = new ArrayList<>();
    for (int i = 0; i < PEOPLE; i++) {
      people.add(supervision.supervised(agency).person());
    }
    String referrer = token(agency, Role.ORGANIZATION_ADMIN);
    String providerStaff = token(provider, Role.PROVIDER_STAFF);

    // Warm up both paths, and learn how many listeners the outbox writes a row for.
    Load warmApi = overApi(200, people, service, referrer, providerStaff);
    int listeners =
        Math.max(
            1,
            jdbc.sql(
                    "SELECT count(DISTINCT listener_id) FROM event_publication"
                        + " WHERE event_type LIKE '%ReferralChanged'")
                .query(Integer.class)
                .single());
    overJdbc(200, people, agency, provider, service, listeners);

    List<Load> api = new ArrayList<>();
    List<Load> raw = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      awaitListenersIdle();
      api.add(overApi(REFERRALS_PER_ROUND, people, service, referrer, providerStaff));
      awaitListenersIdle();
      raw.add(overJdbc(REFERRALS_PER_ROUND, people, agency, provider, service, listeners));
    }

    BenchmarkReport report = new BenchmarkReport("Referral writes, " + CLIENTS + " clients");
    report.row("What", "writes", "writes/s (median round)", "median", "p99", "ratio", "target");
    Load rawMedian = median(raw);
    Load apiMedian = median(api);
    report.row(
        "Raw JDBC, one transaction per write (baseline)",
        BenchmarkReport.number(total(raw)),
        String.format(Locale.ROOT, "%,.0f", rawMedian.perSecond()),
        BenchmarkReport.millis(rawMedian.samples().medianMillis()),
        BenchmarkReport.millis(rawMedian.samples().p99Millis()),
        "1.00x",
        "");
    report.row(
        "API: draft, send, accept (audit + outbox)",
        BenchmarkReport.number(total(api)),
        String.format(Locale.ROOT, "%,.0f", apiMedian.perSecond()),
        BenchmarkReport.millis(apiMedian.samples().medianMillis()),
        BenchmarkReport.millis(apiMedian.samples().p99Millis()),
        BenchmarkReport.ratio(apiMedian.perSecond() / rawMedian.perSecond()),
        ">= 1,000 writes/s; p99 <= 50 ms; ratio >= 0.5");
    for (int round = 0; round < ROUNDS; round++) {
      report.note(
          String.format(
              Locale.ROOT,
              "round %d: API %,.0f writes/s (p99 %.1f ms, %d failed), JDBC %,.0f writes/s",
              round + 1,
              api.get(round).perSecond(),
              api.get(round).samples().p99Millis(),
              api.get(round).failures(),
              raw.get(round).perSecond()));
    }
    report.note(
        String.format(
            Locale.ROOT,
            "outbox rows per change: %d (listeners of ReferralChanged); warm-up API run: %,.0f"
                + " writes/s; clients, server and database share this machine's %d cores",
            listeners,
            warmApi.perSecond(),
            Runtime.getRuntime().availableProcessors()));
    report.print();

    assertThat(api.stream().mapToInt(Load::failures).sum()).isZero();
  }

  /**
   * Waits until the listeners have handled every change written so far: their work for one round
   * runs after its writes were answered, and would otherwise fall into the next round, of either
   * path.
   */
  private void awaitListenersIdle() {
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofMinutes(5))
        .pollInterval(java.time.Duration.ofMillis(250))
        .until(
            () ->
                jdbc.sql(
                            "SELECT count(*) FROM event_publication WHERE completion_date IS NULL"
                                + " AND coalesce(status, '') <> 'FAILED'")
                        .query(Long.class)
                        .single()
                    == 0);
  }

  /** What one load measured: each write's latency, writes per second, failed writes. */
  record Load(Samples samples, double perSecond, int failures) {}

  private Load overApi(
      int referrals, List<UUID> people, UUID service, String referrer, String providerStaff)
      throws Exception {
    Samples samples = new Samples();
    AtomicInteger failures = new AtomicInteger();
    String base = "http://localhost:" + port + "/api/v1/referrals";
    return concurrently(
        referrals,
        samples,
        failures,
        n -> {
          JsonNode draft =
              post(
                  samples,
                  failures,
                  base,
                  referrer,
                  """
                  {"personId":"%s","serviceId":"%s","needDomain":"HOUSING",
                   "reason":"Needs stable housing","urgency":"ROUTINE","preferredContact":"PHONE"}
                  """
                      .formatted(people.get(n % people.size()), service));
          if (draft == null) {
            return;
          }
          String id = draft.get("id").asString();
          JsonNode sent =
              post(
                  samples,
                  failures,
                  base + "/" + id + "/send",
                  referrer,
                  "{\"version\":" + draft.get("version").asLong() + "}");
          if (sent == null) {
            return;
          }
          post(
              samples,
              failures,
              base + "/provider/" + id + "/accept",
              providerStaff,
              "{\"version\":" + sent.get("version").asLong() + "}");
        });
  }

  private JsonNode post(
      Samples samples, AtomicInteger failures, String url, String token, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response =
        samples.time(
            () -> {
              try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    if (response.statusCode() / 100 != 2) {
      failures.incrementAndGet();
      return null;
    }
    return json.readTree(response.body());
  }

  private Load overJdbc(
      int referrals,
      List<UUID> people,
      OrganizationId agency,
      OrganizationId provider,
      UUID service,
      int listeners)
      throws Exception {
    Samples samples = new Samples();
    AtomicInteger failures = new AtomicInteger();
    return concurrently(
        referrals,
        samples,
        failures,
        n -> {
          UUID id = UUID.randomUUID();
          UUID person = people.get(n % people.size());
          samples.time(() -> rawWrite(id, 0, "DRAFT", agency, provider, person, service, 0));
          samples.time(() -> rawWrite(id, 1, "SENT", agency, provider, person, service, listeners));
          samples.time(
              () -> rawWrite(id, 2, "ACCEPTED", agency, provider, person, service, listeners));
        });
  }

  /** One write as the database sees it, in one transaction. */
  private Object rawWrite(
      UUID id,
      int position,
      String state,
      OrganizationId agency,
      OrganizationId provider,
      UUID person,
      UUID service,
      int outboxRows) {
    return transactions.execute(
        tx -> {
          Timestamp now = Timestamp.from(clock.instant());
          if (position == 0) {
            jdbc.sql(
                    """
                    INSERT INTO referral (id, person_id, person_name, referring_organization_id,
                        created_by, created_at, service_id, service_name, provider_organization_id,
                        need_domain, reason, urgency, preferred_contact, state, version)
                    VALUES (:id, :person, 'Benchmark Person', :agency, 'token:benchmark', :now,
                        :service, 'Benchmark service', :provider, 'HOUSING',
                        'Needs stable housing', 'ROUTINE', 'PHONE', 'DRAFT', 0)
                    """)
                .param("id", id)
                .param("person", person)
                .param("agency", agency.value())
                .param("now", now)
                .param("service", service)
                .param("provider", provider.value())
                .update();
          } else {
            jdbc.sql(
                    """
                    UPDATE referral SET state = :state, version = version + 1,
                        sent_at = COALESCE(sent_at, :now),
                        responded_at = CASE WHEN :state = 'ACCEPTED'
                            THEN CAST(:now AS timestamptz) END
                     WHERE id = :id AND version = :version
                    """)
                .param("id", id)
                .param("state", state)
                .param("now", now)
                .param("version", (long) position - 1)
                .update();
          }
          jdbc.sql(
                  """
                  INSERT INTO referral_timeline_entry (referral_id, position, kind, actor,
                      organization_id, at, codes)
                  VALUES (:id, :position, :kind, 'token:benchmark', :org, :now, NULL)
                  """)
              .param("id", id)
              .param("position", position)
              .param("kind", state)
              .param("org", agency.value())
              .param("now", now)
              .update();
          for (int i = 0; i < outboxRows; i++) {
            jdbc.sql(
                    """
                    INSERT INTO event_publication (id, listener_id, event_type, serialized_event,
                        publication_date, completion_date, status, completion_attempts)
                    VALUES (:id, :listener, 'benchmark.ReferralChangedCopy', :event, :now,
                        :now, 'COMPLETED', 0)
                    """)
                .param("id", UUID.randomUUID())
                .param("listener", "benchmark.listener." + i)
                .param("event", "{\"referral\":\"" + id + "\",\"state\":\"" + state + "\"}")
                .param("now", now)
                .update();
          }
          jdbc.sql("SELECT true FROM pg_advisory_xact_lock(:key)")
              .param("key", AUDIT_CHAIN_LOCK)
              .query(Boolean.class)
              .single();
          String previous =
              jdbc.sql("SELECT hash FROM audit_entry ORDER BY seq DESC LIMIT 1")
                  .query(String.class)
                  .optional()
                  .orElse("0".repeat(64));
          UUID entry = UUID.randomUUID();
          jdbc.sql(
                  """
                  INSERT INTO audit_entry (id, occurred_at, actor_ref, organization_id, action,
                      outcome, record_type, record_id, person_id, details, previous_hash, hash)
                  VALUES (:id, :now, 'token:benchmark', :org, 'benchmark.referral.write',
                      'SUCCESS', 'referral', :referral, :person, CAST(:details AS jsonb),
                      :previous, :hash)
                  """)
              .param("id", entry)
              .param("now", now)
              .param("org", agency.value())
              .param("referral", id)
              .param("person", person)
              .param("details", "{\"state\":\"" + state + "\"}")
              .param("previous", previous)
              .param("hash", sha256(previous + entry + state))
              .update();
          return null;
        });
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs {@code count} referrals' writes from {@link #CLIENTS} threads. */
  private static Load concurrently(
      int count, Samples samples, AtomicInteger failures, IntConsumer referral) throws Exception {
    AtomicInteger next = new AtomicInteger();
    long start = System.nanoTime();
    try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        running.add(
            clients.submit(
                () -> {
                  for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                    referral.accept(n);
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

  private static Load median(List<Load> loads) {
    List<Load> sorted =
        loads.stream().sorted(java.util.Comparator.comparingDouble(Load::perSecond)).toList();
    return sorted.get(sorted.size() / 2);
  }

  private static long total(List<Load> loads) {
    return loads.stream().mapToLong(l -> l.samples().count()).sum();
  }

  private String token(OrganizationId organization, Role role) {
    return tokens
        .issueUnchecked(
            organization,
            "Write benchmark " + role,
            Set.of(role),
            null,
            UUID.randomUUID(),
            "bw_benchmark_" + UUID.randomUUID().toString().replace("-", ""))
        .value();
  }
}
