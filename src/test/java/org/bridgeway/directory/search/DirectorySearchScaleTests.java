package org.bridgeway.directory.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.bridgeway.directory.CostKind;
import org.bridgeway.directory.DirectorySearch;
import org.bridgeway.directory.DirectorySearchQuery;
import org.bridgeway.directory.DirectorySearchQuery.Near;
import org.bridgeway.directory.DirectorySearchQuery.PersonFacts;
import org.bridgeway.directory.hsds.DirectoryRecordsChanged;
import org.bridgeway.directory.hsds.HsdsRecord;
import org.bridgeway.directory.hsds.HsdsRecords;
import org.bridgeway.directory.hsds.HsdsType;
import org.bridgeway.shared.vocabulary.Gender;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.shared.vocabulary.SupervisionType;
import org.bridgeway.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Directory search at the scale of PERFORMANCE.md, on a deterministic synthetic directory: the
 * projection's refresh after one event for the whole import, then search latencies (median and p99
 * over many varied queries) against the same statements sent straight through JDBC, and the plan of
 * a typical query. Not part of the suite and never failing on time:
 *
 * <pre>
 * ./mvnw test -Dtest=DirectorySearchScaleTests -Dbridgeway.search.scale=county   (or state)
 * </pre>
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "bridgeway.search.scale", matches = "county|state")
class DirectorySearchScaleTests {

  static final String[] WORDS = {
    "counseling",
    "housing",
    "shelter",
    "employment",
    "job",
    "training",
    "recovery",
    "substance",
    "addiction",
    "treatment",
    "mental",
    "health",
    "food",
    "pantry",
    "legal",
    "clinic",
    "childcare",
    "transportation",
    "identification",
    "benefits",
    "parenting",
    "anger",
    "management",
    "cognitive",
    "behavioral",
    "therapy",
    "peer",
    "support",
    "mentoring",
    "education",
    "literacy",
    "reentry",
    "veterans",
    "women",
    "youth",
    "family",
    "domestic",
    "violence",
    "medical",
    "dental",
    "outpatient",
    "residential",
    "detox",
    "sober",
    "living",
    "résumé",
    "café",
    "bilingual",
    "group",
    "individual",
    "assessment",
    "case",
    "navigation",
    "expungement",
    "diploma"
  };

  /** Portland-area ZIP codes: the clusters services gather in. */
  static final String[][] CLUSTERS = {
    {"97201", "45.5080", "-122.6900", "8"},
    {"97214", "45.5140", "-122.6420", "6"},
    {"97030", "45.5080", "-122.4340", "3"},
    {"97005", "45.4960", "-122.8050", "3"},
    {"97123", "45.4830", "-122.9790", "2"},
    {"97301", "44.9490", "-122.9990", "2"},
    {"97401", "44.0640", "-123.0850", "1"},
    {"97701", "44.1110", "-121.2390", "1"}
  };

  @Autowired HsdsRecords records;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired ApplicationEventPublisher events;
  @Autowired DirectorySearch search;
  @Autowired SearchProjection projection;
  @Autowired org.bridgeway.directory.profile.Capacities capacities;
  @Autowired DirectorySearchService searchService;
  @Autowired Clock clock;

  @Test
  void measure() {
    boolean state = "state".equals(System.getProperty("bridgeway.search.scale"));
    int organizations = state ? 4_000 : 400;
    int services = state ? 25_000 : 1_800;
    Random random = new Random(20261123);
    Instant now = clock.instant();

    List<HsdsRecord> batch = new ArrayList<>();
    List<Object[]> profiles = new ArrayList<>();
    List<Object[]> capacity = new ArrayList<>();
    int locations = 0;
    int serviceAtLocations = 0;
    for (int o = 0; o < organizations; o++) {
      UUID organization = UUID.randomUUID();
      batch.add(
          record(HsdsType.ORGANIZATION, organization, "name", title(random, 2) + " Center " + o));
      String[] cluster = cluster(random);
      List<UUID> own = new ArrayList<>();
      for (int l = 0, n = 1 + random.nextInt(3); l < n; l++) {
        UUID location = UUID.randomUUID();
        own.add(location);
        locations++;
        batch.add(
            record(
                HsdsType.LOCATION,
                location,
                "organization_id",
                organization.toString(),
                "location_type",
                "physical",
                "name",
                title(random, 1) + " office",
                "latitude",
                Double.parseDouble(cluster[1]) + random.nextGaussian() * 0.03,
                "longitude",
                Double.parseDouble(cluster[2]) + random.nextGaussian() * 0.03));
        batch.add(
            record(
                HsdsType.ADDRESS,
                UUID.randomUUID(),
                "location_id",
                location.toString(),
                "address_1",
                (1 + random.nextInt(9000)) + " Main Street",
                "city",
                "Portland",
                "state_province",
                "OR",
                "postal_code",
                cluster[0],
                "country",
                "US",
                "address_type",
                "physical"));
      }
      int perOrganization = services / organizations;
      for (int s = 0; s < perOrganization; s++) {
        UUID service = UUID.randomUUID();
        StringBuilder description = new StringBuilder();
        for (int w = 0; w < 30 + random.nextInt(40); w++) {
          description.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        batch.add(
            record(
                HsdsType.SERVICE,
                service,
                "organization_id",
                organization.toString(),
                "name",
                title(random, 2),
                "status",
                random.nextInt(20) == 0 ? "inactive" : "active",
                "description",
                description.toString().strip()));
        for (UUID location : own) {
          if (random.nextInt(100) < 75 || location.equals(own.getFirst())) {
            serviceAtLocations++;
            batch.add(
                record(
                    HsdsType.SERVICE_AT_LOCATION,
                    UUID.randomUUID(),
                    "service_id",
                    service.toString(),
                    "location_id",
                    location.toString()));
          }
        }
        if (random.nextInt(10) < 8) {
          batch.add(
              record(
                  HsdsType.SCHEDULE,
                  UUID.randomUUID(),
                  "service_id",
                  service.toString(),
                  "freq",
                  "WEEKLY",
                  "byday",
                  new String[] {"MO,TU,WE,TH,FR", "MO,WE,FR", "TU,TH,SA", "SA,SU"}
                      [random.nextInt(4)],
                  "opens_at",
                  new String[] {"08:00", "09:00:00", "10:00"}[random.nextInt(3)],
                  "closes_at",
                  new String[] {"17:00", "16:30:00", "20:00"}[random.nextInt(3)]));
        }
        if (random.nextInt(10) < 3) {
          batch.add(
              record(
                  HsdsType.LANGUAGE,
                  UUID.randomUUID(),
                  "service_id",
                  service.toString(),
                  "code",
                  "es"));
        }
        NeedDomain[] domains = NeedDomain.values();
        profiles.add(
            new Object[] {
              service,
              new String[] {
                domains[random.nextInt(domains.length)].name(),
                domains[random.nextInt(3) + 3].name()
              },
              random.nextBoolean() ? 18 : null,
              random.nextInt(4) == 0 ? 64 : null,
              random.nextInt(5) == 0 ? new String[] {"FEMALE"} : new String[0],
              random.nextInt(3) == 0 ? new String[] {"PROBATION", "PAROLE"} : new String[0],
              random.nextInt(4) == 0 ? new String[] {"SEX_OFFENSE", "ARSON"} : new String[0],
              random.nextInt(3) == 0 ? new String[] {"MEDICAID"} : new String[0],
              new String[] {"FREE", "SLIDING_SCALE", "INSURANCE", "FIXED"}[random.nextInt(4)]
            });
        if (random.nextInt(10) < 7) {
          capacity.add(
              new Object[] {
                service,
                random.nextInt(4) == 0 ? 0 : random.nextInt(6),
                random.nextInt(15),
                Timestamp.from(now.minus(Duration.ofDays(random.nextInt(12))))
              });
        }
      }
    }

    long started = System.nanoTime();
    Set<UUID> ids = new HashSet<>();
    batch.forEach(r -> ids.add(r.id()));
    long[] refreshNanos = new long[1];
    transactions.executeWithoutResult(
        tx -> {
          records.write(batch, "Scale", now);
          for (Object[] p : profiles) {
            jdbc.sql(
                    "INSERT INTO directory_service_profile (service_id, need_domains, minimum_age,"
                        + " maximum_age, genders, supervision_types, excluded_offenses,"
                        + " insurance_accepted, cost_kind, modified_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, now())")
                .params(Arrays.asList(p))
                .update();
          }
          for (Object[] c : capacity) {
            jdbc.sql(
                    "INSERT INTO directory_capacity (service_id, open_slots, waitlist_length,"
                        + " updated_at, updated_by) VALUES (?, ?, ?, ?, 'scale')")
                .params(Arrays.asList(c))
                .update();
          }
          long refresh = System.nanoTime();
          events.publishEvent(new DirectoryRecordsChanged(ids));
          refreshNanos[0] = System.nanoTime() - refresh;
        });
    double loadMillis = (System.nanoTime() - started) / 1e6;
    long affectedStart = System.nanoTime();
    Set<UUID> affected = projection.affectedServices(ids);
    double affectedMillis = (System.nanoTime() - affectedStart) / 1e6;
    long rebuildStart = System.nanoTime();
    projection.rebuildAll();
    double rebuildMillis = (System.nanoTime() - rebuildStart) / 1e6;
    jdbc.sql("ANALYZE directory_search_entry").update();
    jdbc.sql("ANALYZE directory_search_lexicon").update();

    List<DirectorySearchQuery> queries = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      String[] cluster = cluster(random);
      queries.add(
          DirectorySearchQuery.builder()
              .text(
                  WORDS[random.nextInt(WORDS.length)]
                      + (random.nextBoolean() ? " " + WORDS[random.nextInt(WORDS.length)] : ""))
              .needDomains(
                  java.util.EnumSet.of(
                      NeedDomain.values()[random.nextInt(NeedDomain.values().length)],
                      NeedDomain.HOUSING))
              .near(Near.zip(cluster[0], 10))
              .person(
                  new PersonFacts(
                      20 + random.nextInt(40),
                      Gender.MALE,
                      SupervisionType.PROBATION,
                      SupervisionLevel.MODERATE,
                      Set.of(),
                      Set.of(),
                      null,
                      null))
              .hasCapacity(random.nextBoolean())
              .costKinds(random.nextInt(3) == 0 ? Set.of(CostKind.FREE) : Set.of())
              .withFacets(true)
              .build());
    }
    Samples facade = new Samples();
    Samples direct = new Samples();
    long hits = 0;
    for (int round = 0; round < 6; round++) {
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

    List<UUID> someServices = profiles.stream().limit(200).map(p -> (UUID) p[0]).toList();
    Samples capacityReports = new Samples();
    for (UUID service : someServices) {
      capacityReports.time(
          () ->
              transactions.execute(
                  tx -> {
                    capacities.report(service, 2, 1, null, "scale", clock.instant(), null);
                    events.publishEvent(new DirectoryRecordsChanged(Set.of(service)));
                    return null;
                  }));
    }

    DirectorySearchQuery typical = queries.getFirst();
    String plan = explain(typical);
    int entries =
        jdbc.sql("SELECT count(*) FROM directory_search_entry").query(Integer.class).single();
    StringBuilder report =
        new StringBuilder("\n=== Directory search at the ")
            .append(state ? "state" : "county")
            .append(" profile ===\n");
    report.append(
        String.format(
            Locale.ROOT,
            "directory: %,d organizations, %,d services, %,d locations, %,d services at locations; %,d search rows%n",
            organizations,
            profiles.size(),
            locations,
            serviceAtLocations,
            entries));
    report.append(
        String.format(
            Locale.ROOT,
            "import of %,d records + profiles + capacity: %.0f ms, of which the projection refresh (one event): %.0f ms%n",
            batch.size(),
            loadMillis,
            refreshNanos[0] / 1e6));
    report.append(
        String.format(
            Locale.ROOT,
            "  of the refresh: finding the %,d affected services %.0f ms; rebuildAll (nothing changed) %.0f ms%n",
            affected.size(),
            affectedMillis,
            rebuildMillis));
    report.append(
        String.format(
            Locale.ROOT,
            "search (text + domains + radius + eligibility [+ capacity] + facets), %d queries x 5:%n",
            queries.size()));
    report.append(
        String.format(
            Locale.ROOT,
            "  facade:      median %.2f ms, p99 %.2f ms (mean %.1f hits)%n",
            facade.medianMillis(),
            facade.p99Millis(),
            hits / (double) facade.count()));
    report.append(
        String.format(
            Locale.ROOT,
            "  JDBC direct: median %.2f ms, p99 %.2f ms%n",
            direct.medianMillis(),
            direct.p99Millis()));
    report.append(
        String.format(
            Locale.ROOT,
            "  ratio facade/JDBC: median %.2fx, p99 %.2fx%n",
            facade.medianMillis() / direct.medianMillis(),
            facade.p99Millis() / direct.p99Millis()));
    report.append(
        String.format(
            Locale.ROOT,
            "capacity report + refresh of its service, one transaction each: median %.2f ms, p99 %.2f ms%n",
            capacityReports.medianMillis(),
            capacityReports.p99Millis()));
    report.append("plan of a typical page:\n").append(plan);
    System.out.println(report);
    assertThat(entries).isPositive();
  }

  /** The same two statements the facade sends, through JDBC, without mapping rows to hits. */
  private int direct(DirectorySearchQuery query) {
    List<String> used = searchService.correct(DirectorySearchQuery.words(query.text())).used();
    SearchStatement statement = statement(query, used);
    return jdbc.sql(statement.sql()).params(statement.params()).query((rs, n) -> 1).list().size();
  }

  private SearchStatement statement(DirectorySearchQuery query, List<String> used) {
    Instant now = clock.instant();
    return SearchStatement.of(
        query,
        used.isEmpty() ? null : String.join(" ", used),
        used,
        searchService.origin(query.near()),
        query.openNow() ? 600 : null,
        600,
        now.minus(Duration.ofDays(7)));
  }

  private String explain(DirectorySearchQuery query) {
    List<String> used = searchService.correct(DirectorySearchQuery.words(query.text())).used();
    SearchStatement statement = statement(query, used);
    return String.join(
        "\n",
        jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + statement.sql())
            .params(statement.params())
            .query((rs, n) -> rs.getString(1))
            .list());
  }

  private static String[] cluster(Random random) {
    int total = Arrays.stream(CLUSTERS).mapToInt(c -> Integer.parseInt(c[3])).sum();
    int pick = random.nextInt(total);
    for (String[] cluster : CLUSTERS) {
      pick -= Integer.parseInt(cluster[3]);
      if (pick < 0) {
        return cluster;
      }
    }
    return CLUSTERS[0];
  }

  private static String title(Random random, int words) {
    StringBuilder title = new StringBuilder();
    for (int i = 0; i < words; i++) {
      String word = WORDS[random.nextInt(WORDS.length)];
      title
          .append(i == 0 ? "" : " ")
          .append(Character.toUpperCase(word.charAt(0)))
          .append(word.substring(1));
    }
    return title.toString();
  }

  private static HsdsRecord record(HsdsType type, UUID id, Object... fields) {
    return SearchFixtures.record(type, id, fields);
  }

  /** Latencies of one measured operation. */
  static final class Samples {
    private final List<Long> nanos = new ArrayList<>();

    <T> T time(Supplier<T> call) {
      long start = System.nanoTime();
      T result = call.get();
      nanos.add(System.nanoTime() - start);
      return result;
    }

    int count() {
      return nanos.size();
    }

    double percentileMillis(double fraction) {
      long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
      int rank = (int) Math.ceil(fraction * sorted.length);
      return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    double medianMillis() {
      return percentileMillis(0.5);
    }

    double p99Millis() {
      return percentileMillis(0.99);
    }
  }
}
