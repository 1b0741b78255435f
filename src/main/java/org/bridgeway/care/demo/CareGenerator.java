package org.bridgeway.care.demo;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.bridgeway.consent.Part2Programs;
import org.bridgeway.directory.DirectoryServices;
import org.bridgeway.directory.ServiceId;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.shared.demo.DemoProperties.Scale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Generates care events for the people of a supervising agency at treatment providers, from a fixed
 * seed ({@link CareBlueprint}): treatment episodes with their appointments and attendance, drug
 * tests and discharges, written with PostgreSQL COPY. Used by the demo at the county and state
 * scales and by the benchmarks (the attendance upload, the caseload with its care alerts).
 */
@Service
public class CareGenerator {

  private static final Logger log = LoggerFactory.getLogger(CareGenerator.class);

  /** Episodes per COPY batch: large enough for COPY, small enough for memory at any scale. */
  static final int BATCH_EPISODES = 2_000;

  /** The directory services of a provider its episodes are spread over: its programs. */
  static final int SERVICES_PER_PROVIDER = 6;

  /**
   * The size of a profile, in care events (appointments and drug tests).
   *
   * @param events the care events to generate, at least; the last episode is written whole
   */
  public record Sizes(long events) {

    public static Sizes of(Scale scale) {
      return switch (scale) {
        case DEMO -> new Sizes(20_000);
        case COUNTY -> new Sizes(2_000_000);
        case STATE -> new Sizes(40_000_000);
      };
    }
  }

  /** What was generated. */
  public record Summary(
      long episodes,
      long appointments,
      long attendance,
      long drugTests,
      long discharges,
      boolean alreadyThere,
      Duration took) {

    public long events() {
      return appointments + drugTests;
    }

    @Override
    public String toString() {
      return alreadyThere
          ? "care events already there"
          : "%,d care events (%,d appointments, %,d drug tests) in %,d treatment episodes, %,d discharged, in %d s"
              .formatted(events(), appointments, drugTests, episodes, discharges, took.toSeconds());
    }
  }

  private final JdbcClient jdbc;
  private final DataSource dataSource;
  private final Part2Programs part2;
  private final DirectoryServices directory;
  private final Clock clock;

  CareGenerator(
      JdbcClient jdbc,
      DataSource dataSource,
      Part2Programs part2,
      DirectoryServices directory,
      Clock clock) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.part2 = part2;
    this.directory = directory;
    this.clock = clock;
  }

  /**
   * Generates care events for the agency's people at the providers, unless this seed's events are
   * there already.
   */
  @Transactional
  public Summary generate(
      Sizes sizes, OrganizationId agency, List<OrganizationId> providers, long seed) {
    long started = System.nanoTime();
    CareBlueprint blueprint = blueprint(agency, providers, seed);
    boolean there =
        jdbc.sql("SELECT EXISTS (SELECT 1 FROM care_episode WHERE id = ?)")
            .param(blueprint.episodeId(0))
            .query(Boolean.class)
            .single();
    if (there) {
      return new Summary(0, 0, 0, 0, 0, true, Duration.ZERO);
    }
    CareBlueprint.Tables tables = new CareBlueprint.Tables();
    Connection connection = DataSourceUtils.getConnection(dataSource);
    int episodes = 0;
    try {
      long events = 0;
      while (events < sizes.events()) {
        events += blueprint.episode(episodes++, tables);
        if (episodes % BATCH_EPISODES == 0) {
          flush(tables, connection);
        }
      }
      flush(tables, connection);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
    for (CopyRows table : tables.all()) {
      jdbc.sql("ANALYZE " + table.table()).update();
    }
    Summary summary =
        new Summary(
            episodes,
            tables.appointment.count(),
            tables.attendance.count(),
            tables.drugTest.count(),
            tables.discharge.count(),
            false,
            Duration.ofNanos(System.nanoTime() - started));
    log.info("Generated {}", summary);
    return summary;
  }

  /**
   * Generates {@code episodes} open treatment episodes at one provider for the agency's people (no
   * events), for an upload of attendance to name.
   *
   * @return their ids
   */
  @Transactional
  public List<UUID> openEpisodes(
      OrganizationId agency, OrganizationId provider, int episodes, long seed) {
    List<CareBlueprint.Person> people = people(agency);
    LocalDate today = LocalDate.now(clock);
    Instant now = clock.instant();
    CopyRows rows =
        new CopyRows(
            "care_episode",
            "id, person_id, agency_id, provider_id, person_name, person_birth_date, basis,"
                + " started_on, recorded_by, recorded_at, version");
    List<UUID> ids = new ArrayList<>(episodes);
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      for (int n = 0; n < episodes; n++) {
        CareBlueprint.Person person = people.get((int) ((n * 7919L) % people.size()));
        UUID id = new UUID(0x45504953_00000000L ^ (seed << 8), n);
        rows.row(
            id,
            person.id(),
            agency.value(),
            provider.value(),
            person.name(),
            person.dateOfBirth(),
            "COURT_ORDERED",
            today.minusDays(400),
            CareBlueprint.SYSTEM,
            now,
            0);
        ids.add(id);
        if ((n + 1) % BATCH_EPISODES == 0) {
          rows.flush(connection);
        }
      }
      rows.flush(connection);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
    jdbc.sql("ANALYZE care_episode").update();
    return ids;
  }

  /**
   * An attendance file (the upload's CSV) of {@code rows} past appointments spread over the
   * episodes, with realistic attendance (per-episode engagement, no-show streaks), each with the
   * external id {@code prefix-n}. Deterministic for the seed and the clock's day.
   */
  public byte[] attendanceFile(List<UUID> episodes, int rows, String prefix, long seed) {
    StringBuilder csv =
        new StringBuilder(rows * 110)
            .append(
                "external_id,episode_id,starts_at,duration_minutes,kind,mode,attendance,reason\n");
    Instant start = LocalDate.now(clock).minusDays(390).atStartOfDay().toInstant(ZoneOffset.UTC);
    int perEpisode = (rows + episodes.size() - 1) / episodes.size();
    Random random = new Random(seed);
    double[] attends = new double[episodes.size()];
    for (int e = 0; e < attends.length; e++) {
      double u = random.nextDouble();
      attends[e] = u < 0.58 ? 0.92 : (u < 0.86 ? 0.76 : 0.52);
    }
    boolean[] missedLast = new boolean[episodes.size()];
    for (int n = 0; n < rows; n++) {
      int e = n % episodes.size();
      int session = n / episodes.size();
      Instant startsAt =
          start.plus(Duration.ofHours((long) session * 24 * 380 / perEpisode + 9 + (n % 8)));
      double noShow = Math.min(0.9, (1 - attends[e]) * (missedLast[e] ? 2.2 : 1.0));
      String outcome;
      String reason = "";
      if (random.nextDouble() < noShow) {
        outcome = random.nextDouble() < 0.35 ? "NO_SHOW_EXCUSED" : "NO_SHOW_UNEXCUSED";
        reason = "No transportation";
        missedLast[e] = true;
      } else {
        outcome = random.nextDouble() < 0.07 ? "LATE" : "ATTENDED";
        missedLast[e] = false;
      }
      csv.append(prefix)
          .append('-')
          .append(n)
          .append(',')
          .append(episodes.get(e))
          .append(',')
          .append(startsAt)
          .append(",60,")
          .append(session == 0 ? "INTAKE" : (session % 3 == 2 ? "GROUP" : "INDIVIDUAL"))
          .append(",IN_PERSON,")
          .append(outcome)
          .append(',')
          .append(reason)
          .append('\n');
    }
    return csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  CareBlueprint blueprint(OrganizationId agency, List<OrganizationId> providers, long seed) {
    List<CareBlueprint.Provider> sensitive =
        providers.stream()
            .map(
                p ->
                    new CareBlueprint.Provider(
                        p.value(),
                        part2.sensitivityOf(p).name(),
                        directory.activeServicesKeptBy(p, SERVICES_PER_PROVIDER).stream()
                            .map(ServiceId::value)
                            .toList()))
            .toList();
    return new CareBlueprint(
        seed, agency.value(), people(agency), sensitive, LocalDate.now(clock), clock.instant());
  }

  private List<CareBlueprint.Person> people(OrganizationId agency) {
    return jdbc.sql(
            "SELECT id, given_name || ' ' || family_name AS name, date_of_birth"
                + " FROM supervision_person WHERE organization_id = ? ORDER BY id")
        .param(agency.value())
        .query(
            (rs, n) ->
                new CareBlueprint.Person(
                    rs.getObject("id", UUID.class),
                    rs.getString("name"),
                    rs.getObject("date_of_birth", LocalDate.class)))
        .list();
  }

  private static void flush(CareBlueprint.Tables tables, Connection connection) {
    // Episodes first: the events refer to them.
    for (CopyRows table : tables.all()) {
      table.flush(connection);
    }
  }
}
