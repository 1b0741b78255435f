package org.bridgeway.care.upload;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.bridgeway.benchmark.BenchmarkReport;
import org.bridgeway.benchmark.Samples;
import org.bridgeway.care.demo.CareGenerator;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.testing.CareFixtures;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.SupervisionFixtures;
import org.bridgeway.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The providers' attendance upload of 1,000,000 rows (new appointments with their attendance, from
 * the care generator, over 25,000 open episodes of one provider), end to end through the job (the
 * upload's own check, the stored payload, every row checked, staged with COPY, checked together and
 * written set-based, audit included), against PostgreSQL COPY of the same appointment and
 * attendance rows into tables with the same indexes and foreign keys, in the same run; then the
 * same file sent again (nothing changes). Medians over {@code -Dbenchmark.rounds} rounds (3). Run
 * with {@code ./mvnw -Pbenchmark verify -Dit.test=CareUploadBenchmark}; not part of the suite and
 * never fails on time.
 */
@IntegrationTest
class CareUploadBenchmark {

  static final int ROWS = Integer.getInteger("benchmark.uploadRows", 1_000_000);
  static final int EPISODES = 25_000;

  @Autowired CareUploads uploads;
  @Autowired UploadRunner runner;
  @Autowired CareGenerator generator;
  @Autowired TestUsers users;
  @Autowired SupervisionFixtures supervision;
  @Autowired CareFixtures care;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired Clock clock;

  @Test
  void uploadOfAMillionAttendanceRows() {
    int rounds = Integer.getInteger("benchmark.rounds", 3);
    OrganizationId agency = users.organization(OrganizationKind.PROBATION_AGENCY);
    for (int i = 0; i < 50; i++) {
      supervision.supervised(agency);
    }
    OrganizationId provider = care.provider();
    BridgewayPrincipal staff = CareFixtures.staffOf(provider);
    long seed = 20_261_207L;
    List<UUID> episodes = generator.openEpisodes(agency, provider, EPISODES, seed);
    createBaselineTables();

    Samples copy = new Samples();
    Samples submit = new Samples();
    Samples job = new Samples();
    Samples total = new Samples();
    Samples again = new Samples();
    BenchmarkReport report =
        new BenchmarkReport("Attendance upload: %,d rows, %d rounds".formatted(ROWS, rounds));
    report.row("Round", "What", "seconds", "rows/s", "ratio to COPY");
    long bytes = 0;
    for (int round = 1; round <= rounds; round++) {
      byte[] file = generator.attendanceFile(episodes, ROWS, "R" + round, seed + round);
      bytes = file.length;
      long copyNanos = copyBaseline(file, provider);
      copy.add(copyNanos);

      long started = System.nanoTime();
      UUID id = uploads.submit(staff, "attendance.csv", file);
      long submitted = System.nanoTime();
      runner.run(id);
      long finished = System.nanoTime();
      UploadJob done = uploads.find(staff, id).orElseThrow();
      if (done.status() != UploadStatus.SUCCEEDED || done.report().created() != ROWS) {
        throw new AssertionError("round " + round + ": " + done);
      }
      submit.add(submitted - started);
      job.add(finished - submitted);
      total.add(finished - started);

      long againStarted = System.nanoTime();
      UUID resent = uploads.submit(staff, "attendance.csv", file);
      runner.run(resent);
      long againNanos = System.nanoTime() - againStarted;
      UploadJob unchanged = uploads.find(staff, resent).orElseThrow();
      if (unchanged.report() == null || unchanged.report().unchanged() != ROWS) {
        throw new AssertionError("round " + round + " again: " + unchanged);
      }
      again.add(againNanos);
      // Each round as it ends, so a long run shows its figures before the table.
      System.out.printf(
          Locale.ROOT,
          "round %d: COPY %.2f s, upload %.2f s (job %.2f s, %.2fx COPY), again %.2f s%n",
          round,
          copyNanos / 1e9,
          (finished - started) / 1e9,
          (finished - submitted) / 1e9,
          (finished - started) / (double) copyNanos,
          againNanos / 1e9);

      report.row(
          Integer.toString(round),
          "COPY of the same rows (baseline)",
          seconds(copyNanos),
          rate(copyNanos),
          "1.00x");
      report.row(
          Integer.toString(round),
          "upload, new rows (submit + job)",
          seconds(finished - started),
          rate(finished - started),
          BenchmarkReport.ratio((finished - started) / (double) copyNanos));
      report.row(
          Integer.toString(round),
          "  of which the job",
          seconds(finished - submitted),
          rate(finished - submitted),
          BenchmarkReport.ratio((finished - submitted) / (double) copyNanos));
      report.row(
          Integer.toString(round),
          "same file again (unchanged)",
          seconds(againNanos),
          rate(againNanos),
          BenchmarkReport.ratio(againNanos / (double) copyNanos));
    }
    double copyMedian = copy.medianMillis();
    report.row(
        "median",
        "COPY of the same rows (baseline)",
        secondsOf(copyMedian),
        rateOf(copyMedian),
        "1.00x");
    report.row(
        "median",
        "upload, new rows (submit + job)",
        secondsOf(total.medianMillis()),
        rateOf(total.medianMillis()),
        BenchmarkReport.ratio(total.medianMillis() / copyMedian));
    report.row(
        "median",
        "  of which the submit (check, store)",
        secondsOf(submit.medianMillis()),
        rateOf(submit.medianMillis()),
        BenchmarkReport.ratio(submit.medianMillis() / copyMedian));
    report.row(
        "median",
        "  of which the job",
        secondsOf(job.medianMillis()),
        rateOf(job.medianMillis()),
        BenchmarkReport.ratio(job.medianMillis() / copyMedian));
    report.row(
        "median",
        "same file again (unchanged)",
        secondsOf(again.medianMillis()),
        rateOf(again.medianMillis()),
        BenchmarkReport.ratio(again.medianMillis() / copyMedian));
    report.note("file: %,d bytes; target: %,d rows in <= 30 s".formatted(bytes, ROWS));
    report.note(
        "the upload's time ends when its one transaction committed (appointments, attendance,"
            + " audit, job report); the appointment table grows by %,d rows a round"
                .formatted(ROWS));
    report.print();
  }

  private void createBaselineTables() {
    jdbc.sql("DROP TABLE IF EXISTS benchmark_attendance, benchmark_appointment").update();
    jdbc.sql(
            "CREATE TABLE benchmark_appointment (LIKE care_appointment INCLUDING ALL,"
                + " FOREIGN KEY (episode_id) REFERENCES care_episode (id),"
                + " FOREIGN KEY (person_id) REFERENCES supervision_person (id),"
                + " FOREIGN KEY (provider_id) REFERENCES identity_organization (id))")
        .update();
    jdbc.sql(
            "CREATE TABLE benchmark_attendance (LIKE care_attendance INCLUDING ALL,"
                + " FOREIGN KEY (appointment_id) REFERENCES benchmark_appointment (id))")
        .update();
  }

  /**
   * COPY of the rows the upload writes (an appointment and its attendance per row) into the
   * baseline tables, in one transaction; the rows are prepared before the clock starts.
   */
  private long copyBaseline(byte[] file, OrganizationId provider) {
    jdbc.sql("TRUNCATE benchmark_attendance, benchmark_appointment").update();
    String text = new String(file, StandardCharsets.UTF_8);
    String[] lines = text.split("\n");
    StringBuilder appointments = new StringBuilder(lines.length * 200);
    StringBuilder attendance = new StringBuilder(lines.length * 90);
    String now = clock.instant().toString();
    // The person of each episode, as the upload resolves it.
    java.util.Map<String, String> personOf = new java.util.HashMap<>();
    jdbc.sql("SELECT id::text, person_id::text FROM care_episode WHERE provider_id = ?")
        .param(provider.value())
        .query((rs, n) -> personOf.put(rs.getString(1), rs.getString(2)))
        .list();
    for (int i = 1; i < lines.length; i++) {
      String[] cells = Arrays.copyOf(lines[i].split(",", -1), 8);
      String id = UUID.randomUUID().toString();
      boolean cancelled = "CANCELLED_BY_PROVIDER".equals(cells[6]);
      appointments
          .append(id)
          .append('\t')
          .append(cells[1])
          .append('\t')
          .append(personOf.get(cells[1]))
          .append('\t')
          .append(provider.value())
          .append('\t')
          .append(cells[4])
          .append('\t')
          .append(cells[5])
          .append('\t')
          .append(cells[2])
          .append('\t')
          .append(cells[3])
          .append('\t')
          .append(cancelled ? "CANCELLED" : "HELD")
          .append('\t')
          .append(cells[0])
          .append("\tHEALTH\tbenchmark\t")
          .append(now)
          .append("\t0\n");
      attendance
          .append(id)
          .append('\t')
          .append(cells[6])
          .append('\t')
          .append(cells[7] == null || cells[7].isEmpty() ? "\\N" : cells[7])
          .append("\tbenchmark\t")
          .append(now)
          .append('\n');
    }
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    // Timed up to the commit, like the upload.
    long started = System.nanoTime();
    transaction.executeWithoutResult(
        tx -> {
          Connection connection = DataSourceUtils.getConnection(dataSource);
          try {
            var api = connection.unwrap(PGConnection.class).getCopyAPI();
            api.copyIn(
                "COPY benchmark_appointment (id, episode_id, person_id, provider_id, kind, mode,"
                    + " starts_at, duration_minutes, status, external_id, sensitivity,"
                    + " scheduled_by, scheduled_at, version) FROM STDIN",
                new StringReader(appointments.toString()));
            api.copyIn(
                "COPY benchmark_attendance (appointment_id, outcome, reason, recorded_by,"
                    + " recorded_at) FROM STDIN",
                new StringReader(attendance.toString()));
          } catch (java.sql.SQLException | IOException e) {
            throw new IllegalStateException(e);
          } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
          }
        });
    return System.nanoTime() - started;
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.2f", nanos / 1e9);
  }

  private static String secondsOf(double millis) {
    return String.format(Locale.ROOT, "%.2f", millis / 1e3);
  }

  private static String rate(long nanos) {
    return BenchmarkReport.number(ROWS / (nanos / 1e9));
  }

  private static String rateOf(double millis) {
    return BenchmarkReport.number(ROWS / (millis / 1e3));
  }
}
