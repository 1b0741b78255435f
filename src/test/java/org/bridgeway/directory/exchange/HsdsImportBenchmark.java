package org.bridgeway.directory.exchange;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.bridgeway.directory.hsds.HsdsRecord;
import org.bridgeway.directory.profile.BridgewayTaxonomy;
import org.bridgeway.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * HSDS import of a state-sized directory (25,000 services of 2,500 organizations, each with a
 * location, phone, schedule, language, service area and cost option; 5,000 locations with address
 * and phone), end to end through the import job, against PostgreSQL COPY of the same flat rows. Run
 * with {@code ./mvnw -Pbenchmark verify -Dit.test=HsdsImportBenchmark}; not part of the suite and
 * never fails on time.
 */
@IntegrationTest
@TestPropertySource(properties = "bridgeway.directory.exchange.max-upload-size=512MB")
class HsdsImportBenchmark {

  static final int ORGANIZATIONS = 2_500;
  static final int SERVICES_PER_ORGANIZATION = 10;

  @Autowired ImportJobs jobs;
  @Autowired ImportJobRunner runner;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired HsdsImportReader reader;

  @Test
  void importOfTwentyFiveThousandServices() throws Exception {
    ImportTesting imports = new ImportTesting(jobs, runner, jdbc);
    List<String> rows = new ArrayList<>();

    Generated plain = generate(new Random(42), false);
    ImportBatch batch =
        reader.read(
            new Upload("state.zip", null, ExchangeFixtures.zip(plain.csv)),
            ExchangeFixtures.problems(),
            ImportProgress.NONE);
    plain.flat = new ArrayList<>(batch.records().values());
    plain.records = plain.flat.size();
    long copyNanos = copy(plain);
    rows.add(
        row("COPY of the same rows, same indexes (baseline)", plain.records, copyNanos, copyNanos));

    long start = System.nanoTime();
    ImportJob csv =
        imports.run(new Upload("state.zip", "application/zip", ExchangeFixtures.zip(plain.csv)));
    rows.add(row("CSV datapackage, new", csv.createdCount(), System.nanoTime() - start, copyNanos));
    check(csv);

    start = System.nanoTime();
    ImportJob again =
        imports.run(new Upload("state.zip", "application/zip", ExchangeFixtures.zip(plain.csv)));
    rows.add(
        row(
            "CSV datapackage, again (unchanged)",
            again.unchangedCount(),
            System.nanoTime() - start,
            copyNanos));
    check(again);

    Generated withProfiles = generate(new Random(7), true);
    start = System.nanoTime();
    ImportJob profiles =
        imports.run(
            new Upload("profiles.zip", "application/zip", ExchangeFixtures.zip(withProfiles.csv)));
    rows.add(
        row(
            "CSV with Bridgeway profiles and capacity",
            profiles.createdCount(),
            System.nanoTime() - start,
            copyNanos));
    check(profiles);

    Generated json = generate(new Random(11), false);
    start = System.nanoTime();
    ImportJob nested =
        imports.run(
            new Upload(
                "state.json", "application/json", json.json.getBytes(StandardCharsets.UTF_8)));
    rows.add(
        row(
            "JSON array of organizations",
            nested.createdCount(),
            System.nanoTime() - start,
            copyNanos));
    check(nested);

    StringBuilder out =
        new StringBuilder("\n=== HSDS import: 25,000 services ===\n")
            .append(
                String.format(
                    Locale.ROOT,
                    "%-42s | %9s | %10s | %s%n",
                    "What",
                    "objects",
                    "seconds",
                    "ratio to COPY"));
    rows.forEach(out::append);
    out.append(
        String.format(
            Locale.ROOT,
            "  sizes: CSV ZIP %,d bytes, JSON %,d bytes%n",
            ExchangeFixtures.zip(plain.csv).length,
            json.json.length()));
    System.out.println(out);
  }

  private static void check(ImportJob job) {
    if (job.status() != ImportStatus.SUCCEEDED) {
      throw new AssertionError(job.report().errors().toString());
    }
  }

  private static String row(String what, long objects, long nanos, long baseline) {
    return String.format(
        Locale.ROOT,
        "%-42s | %,9d | %10.2f | %.1fx%n",
        what,
        objects,
        nanos / 1e9,
        (double) nanos / baseline);
  }

  /** The flat rows COPY writes: what directory_record holds after the import. */
  private long copy(Generated generated) throws Exception {
    jdbc.sql("CREATE TABLE IF NOT EXISTS benchmark_record (LIKE directory_record INCLUDING ALL)")
        .update();
    jdbc.sql("TRUNCATE benchmark_record").update();
    StringBuilder csv = new StringBuilder();
    for (HsdsRecord record : generated.flat) {
      csv.append(record.id()).append(',').append(record.type().schemaName()).append(",\"");
      csv.append(record.document().toString().replace("\"", "\"\"")).append("\",\"");
      csv.append(
              record.links().stream()
                  .map(UUID::toString)
                  .collect(Collectors.joining(",", "{", "}")))
          .append("\",,2026-11-23T00:00:00Z,2026-11-23T00:00:00Z\n");
    }
    long start = System.nanoTime();
    try (Connection connection = dataSource.getConnection()) {
      connection
          .unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(
              "COPY benchmark_record (id, resource_type, document, links, organization_id,"
                  + " created_at, modified_at)"
                  + " FROM STDIN WITH (FORMAT csv)",
              new StringReader(csv.toString()));
    }
    long elapsed = System.nanoTime() - start;
    jdbc.sql("DROP TABLE benchmark_record").update();
    return elapsed;
  }

  /** A generated directory in both forms: CSV files, nested JSON, and its flat records. */
  private static final class Generated {
    final Map<String, StringBuilder> files = new LinkedHashMap<>();
    final Map<String, byte[]> csv = new LinkedHashMap<>();
    List<HsdsRecord> flat = new ArrayList<>();
    String json;
    int records;

    StringBuilder file(String name, String header) {
      return files.computeIfAbsent(name, n -> new StringBuilder(header).append('\n'));
    }
  }

  private static final String[] KINDS = {
    "Counseling",
    "Job training",
    "Food pantry",
    "Shelter",
    "Recovery group",
    "Legal clinic",
    "GED classes",
    "Parenting class",
    "Transit passes",
    "Health clinic"
  };
  private static final String[] DAYS = {"MO,TU,WE,TH,FR", "MO,WE,FR", "TU,TH", "SA,SU"};

  private static Generated generate(Random random, boolean bridgeway) throws IOException {
    Generated g = new Generated();
    StringBuilder json = new StringBuilder("[");
    for (int o = 0; o < ORGANIZATIONS; o++) {
      UUID organization = new UUID(random.nextLong(), random.nextLong());
      String name = "Community Partner " + o;
      g.file("organizations.csv", "id,name,description,email,website")
          .append(organization)
          .append(',')
          .append(name)
          .append(",A community organization serving county residents,info")
          .append(o)
          .append("@example.org,https://partner")
          .append(o)
          .append(".example.org\n");
      json.append(o == 0 ? "" : ",")
          .append("{\"id\":\"")
          .append(organization)
          .append("\",\"name\":\"")
          .append(name)
          .append(
              "\",\"description\":\"A community organization serving county residents\",\"locations\":[");
      UUID[] locations = new UUID[2];
      for (int l = 0; l < 2; l++) {
        UUID location = new UUID(random.nextLong(), random.nextLong());
        UUID address = new UUID(random.nextLong(), random.nextLong());
        UUID phone = new UUID(random.nextLong(), random.nextLong());
        locations[l] = location;
        double lat = 39 + random.nextDouble();
        double lon = -77 - random.nextDouble();
        String zip = String.format(Locale.ROOT, "%05d", 20000 + random.nextInt(1000));
        g.file("locations.csv", "id,organization_id,location_type,name,latitude,longitude")
            .append(location)
            .append(',')
            .append(organization)
            .append(",physical,Office ")
            .append(l)
            .append(',')
            .append(String.format(Locale.ROOT, "%.5f,%.5f", lat, lon))
            .append('\n');
        g.file(
                "addresses.csv",
                "id,location_id,address_1,city,state_province,postal_code,country,address_type")
            .append(address)
            .append(',')
            .append(location)
            .append(',')
            .append(100 + random.nextInt(9000))
            .append(" Main Street,Springfield,MD,")
            .append(zip)
            .append(",US,physical\n");
        g.file("phones.csv", "id,location_id,service_id,number,type")
            .append(phone)
            .append(',')
            .append(location)
            .append(",,+1 410 555 ")
            .append(String.format(Locale.ROOT, "%04d", random.nextInt(10000)))
            .append(",voice\n");
        json.append(l == 0 ? "" : ",")
            .append(
                String.format(
                    Locale.ROOT,
                    "{\"id\":\"%s\",\"location_type\":\"physical\",\"name\":\"Office %d\",\"latitude\":%.5f,\"longitude\":%.5f,"
                        + "\"addresses\":[{\"id\":\"%s\",\"address_1\":\"Main Street\",\"city\":\"Springfield\",\"state_province\":\"MD\",\"postal_code\":\"%s\",\"country\":\"US\",\"address_type\":\"physical\"}],"
                        + "\"phones\":[{\"id\":\"%s\",\"number\":\"+1 410 555 0100\",\"type\":\"voice\"}]}",
                    location,
                    l,
                    lat,
                    lon,
                    address,
                    zip,
                    phone));
      }
      json.append("],\"services\":[");
      for (int s = 0; s < SERVICES_PER_ORGANIZATION; s++) {
        UUID service = new UUID(random.nextLong(), random.nextLong());
        UUID at = new UUID(random.nextLong(), random.nextLong());
        UUID phone = new UUID(random.nextLong(), random.nextLong());
        UUID schedule = new UUID(random.nextLong(), random.nextLong());
        UUID language = new UUID(random.nextLong(), random.nextLong());
        UUID area = new UUID(random.nextLong(), random.nextLong());
        UUID cost = new UUID(random.nextLong(), random.nextLong());
        String kind = KINDS[random.nextInt(KINDS.length)];
        UUID location = locations[random.nextInt(2)];
        String days = DAYS[random.nextInt(DAYS.length)];
        g.file("services.csv", "id,organization_id,name,description,status,minimum_age")
            .append(service)
            .append(',')
            .append(organization)
            .append(',')
            .append(kind)
            .append(' ')
            .append(s)
            .append(",\"")
            .append(kind)
            .append(" for people under supervision, their families and neighbors\",active,18\n");
        g.file("service_at_location.csv", "id,service_id,location_id")
            .append(at)
            .append(',')
            .append(service)
            .append(',')
            .append(location)
            .append('\n');
        g.file("phones.csv", "id,location_id,service_id,number,type")
            .append(phone)
            .append(",,")
            .append(service)
            .append(",+1 410 555 0199,voice\n");
        g.file("schedules.csv", "id,service_id,freq,byday,opens_at,closes_at,description")
            .append(schedule)
            .append(',')
            .append(service)
            .append(",WEEKLY,\"")
            .append(days)
            .append("\",09:00,17:00,Office hours\n");
        g.file("languages.csv", "id,service_id,name,code")
            .append(language)
            .append(',')
            .append(service)
            .append(",English,en\n");
        g.file("service_areas.csv", "id,service_id,name,extent_type")
            .append(area)
            .append(',')
            .append(service)
            .append(",Springfield County,geojson\n");
        g.file("cost_options.csv", "id,service_id,option,currency,amount")
            .append(cost)
            .append(',')
            .append(service)
            .append(",Sliding scale,USD,")
            .append(random.nextInt(50))
            .append('\n');
        if (bridgeway) {
          for (String[] attribute :
              new String[][] {
                {"need-domain", random.nextBoolean() ? "HOUSING" : "EDUCATION_EMPLOYMENT"},
                {"need-domain", "MENTAL_HEALTH"},
                {"minimum-age", "18"},
                {"capacity-open-slots", Integer.toString(random.nextInt(10))},
                {"capacity-waitlist-length", Integer.toString(random.nextInt(5))},
                {"capacity-updated-at", "2026-11-20T10:00:00Z"}
              }) {
            BridgewayTaxonomy.Term term =
                java.util.Arrays.stream(BridgewayTaxonomy.Term.values())
                    .filter(t -> t.code().equals(attribute[0]))
                    .findFirst()
                    .orElseThrow();
            g.file("attributes.csv", "id,link_id,taxonomy_term_id,link_type,link_entity,value")
                .append(new UUID(random.nextLong(), random.nextLong()))
                .append(',')
                .append(service)
                .append(',')
                .append(term.id())
                .append(",bridgeway,service,")
                .append(attribute[1])
                .append('\n');
          }
        }
        json.append(s == 0 ? "" : ",")
            .append(
                String.format(
                    Locale.ROOT,
                    "{\"id\":\"%s\",\"name\":\"%s %d\",\"description\":\"%s for people under supervision\",\"status\":\"active\",\"minimum_age\":18,"
                        + "\"phones\":[{\"id\":\"%s\",\"number\":\"+1 410 555 0199\",\"type\":\"voice\"}],"
                        + "\"schedules\":[{\"id\":\"%s\",\"freq\":\"WEEKLY\",\"byday\":\"%s\",\"opens_at\":\"09:00\",\"closes_at\":\"17:00\"}],"
                        + "\"languages\":[{\"id\":\"%s\",\"name\":\"English\",\"code\":\"en\"}],"
                        + "\"service_areas\":[{\"id\":\"%s\",\"name\":\"Springfield County\"}],"
                        + "\"cost_options\":[{\"id\":\"%s\",\"option\":\"Sliding scale\",\"currency\":\"USD\",\"amount\":%d}],"
                        + "\"service_at_locations\":[{\"id\":\"%s\",\"location\":{\"id\":\"%s\",\"location_type\":\"physical\"}}]}",
                    service,
                    kind,
                    s,
                    kind,
                    phone,
                    schedule,
                    days,
                    language,
                    area,
                    cost,
                    random.nextInt(50),
                    at,
                    location));
      }
      json.append("]}");
    }
    json.append("]");
    g.json = json.toString();
    g.files.forEach(
        (name, text) -> g.csv.put(name, text.toString().getBytes(StandardCharsets.UTF_8)));
    return g;
  }
}
