package org.bridgeway.care.upload;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntConsumer;
import javax.sql.DataSource;
import org.bridgeway.care.record.TestConfirmation;
import org.bridgeway.consent.Sensitivity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The set-based half of a drug test upload, in the job's one transaction (ADR 0023), like {@link
 * AttendanceLoad}: the rows that passed their own checks are copied into a temporary staging table
 * with COPY, matched against the provider's posted tests in one statement, checked together and
 * written with one statement per table.
 *
 * <p>A row names a posted test by the provider's external id, else by the laboratory's specimen id
 * at the provider, else (a refused or missed test, which has no specimen) by its episode, day and
 * result among the tests posted without an external id. A row identical to the posted test is
 * unchanged. A posted test changes no more (as on the provider's form) except that its laboratory
 * confirmation moves on ({@link TestConfirmation#canBecome}) and that a test posted without an
 * external id takes the row's; what such a change replaced is kept in {@code
 * care_drug_test_revision}. Any other difference is an error.
 */
@Component
class DrugTestLoad {

  private static final String STAGE =
      "CREATE TEMP TABLE care_upload_test_stage (row_no INTEGER NOT NULL, external_id TEXT,"
          + " specimen_id TEXT, episode_id UUID NOT NULL, person_id UUID NOT NULL,"
          + " agency_id UUID NOT NULL, collected_on DATE NOT NULL, panel TEXT NOT NULL,"
          + " method TEXT NOT NULL, tested TEXT NOT NULL, found TEXT NOT NULL,"
          + " result TEXT NOT NULL, confirmation TEXT NOT NULL) ON COMMIT DROP";

  private static final String COPY =
      "COPY care_upload_test_stage (row_no, external_id, specimen_id, episode_id, person_id,"
          + " agency_id, collected_on, panel, method, tested, found, result, confirmation)"
          + " FROM STDIN";

  /**
   * Each staged row with the posted test it names, what would differ from it, and the first row of
   * the file giving the same test (by the posted test, the specimen, the external id, or the day of
   * a test without either).
   */
  private static final String MATCH =
      """
      CREATE TEMP TABLE care_upload_test_matched ON COMMIT DROP AS
      WITH specimens AS (
        SELECT d.specimen_id, count(*) AS tests, min(d.id::text)::uuid AS id,
               bool_or(d.external_id IS NOT NULL) AS has_external
        FROM care_drug_test d
        WHERE d.provider_id = :provider
          AND d.specimen_id IN (SELECT specimen_id FROM care_upload_test_stage)
        GROUP BY d.specimen_id
      ), without_specimen AS (
        SELECT d.episode_id, d.collected_on, d.result, count(*) AS tests,
               min(d.id::text)::uuid AS id
        FROM care_drug_test d
        WHERE d.provider_id = :provider AND d.specimen_id IS NULL AND d.external_id IS NULL
          AND d.episode_id IN (
            SELECT episode_id FROM care_upload_test_stage WHERE specimen_id IS NULL)
        GROUP BY d.episode_id, d.collected_on, d.result
      ), named AS (
        SELECT s.*, bx.id AS by_external, bx.specimen_id AS by_external_specimen,
               sp.tests AS specimen_tests, sp.id AS by_specimen,
               sp.has_external AS specimen_has_external,
               ws.tests AS day_tests, ws.id AS by_day
        FROM care_upload_test_stage s
        LEFT JOIN care_drug_test bx
          ON bx.provider_id = :provider AND bx.external_id = s.external_id
        LEFT JOIN specimens sp ON sp.specimen_id = s.specimen_id
        LEFT JOIN without_specimen ws
          ON s.specimen_id IS NULL AND ws.episode_id = s.episode_id
          AND ws.collected_on = s.collected_on AND ws.result = s.result
      ), resolved AS (
        SELECT n.*,
               CASE
                 WHEN n.by_external IS NOT NULL THEN n.by_external
                 WHEN n.specimen_id IS NOT NULL THEN
                   CASE WHEN n.specimen_tests = 1
                          AND (n.external_id IS NULL OR NOT n.specimen_has_external)
                        THEN n.by_specimen END
                 WHEN n.external_id IS NULL AND n.day_tests = 1 THEN n.by_day
               END AS existing_id,
               n.specimen_id IS NOT NULL AND CASE
                 WHEN n.by_external IS NOT NULL THEN COALESCE(n.specimen_tests, 0)
                   > CASE WHEN n.by_external_specimen = n.specimen_id THEN 1 ELSE 0 END
                 ELSE n.specimen_tests = 1 AND n.external_id IS NOT NULL AND n.specimen_has_external
               END AS specimen_taken,
               n.by_external IS NULL AND n.specimen_id IS NOT NULL AND n.specimen_tests > 1
                 AS specimen_ambiguous,
               n.by_external IS NULL AND n.specimen_id IS NULL AND n.external_id IS NULL
                 AND n.day_tests > 1 AS day_ambiguous
        FROM named n
      )
      SELECT r.row_no, r.external_id, r.specimen_id, r.episode_id, r.person_id, r.agency_id,
             r.collected_on, r.panel, r.method, r.tested, r.found, r.result, r.confirmation,
             r.existing_id, r.specimen_taken, r.specimen_ambiguous, r.day_ambiguous,
             d.episode_id AS stored_episode_id, d.confirmation AS stored_confirmation,
             CASE
               WHEN d.id IS NULL THEN NULL
               WHEN d.collected_on <> r.collected_on THEN 'collected_on'
               WHEN d.result <> r.result THEN 'result'
               WHEN d.panel <> r.panel THEN 'panel'
               WHEN d.method <> r.method THEN 'method'
               WHEN d.specimen_id IS DISTINCT FROM r.specimen_id THEN 'specimen_id'
               WHEN d.substances_found <> r.found THEN 'substances'
               WHEN d.substances_tested <> r.tested THEN 'substances_tested'
             END AS posted_column,
             d.id IS NOT NULL AND d.confirmation <> r.confirmation AS confirmation_moves,
             d.id IS NOT NULL AND (d.confirmation <> r.confirmation
               OR (d.external_id IS NULL AND r.external_id IS NOT NULL)) AS changed,
             min(r.row_no) OVER (PARTITION BY COALESCE('t:' || d.id::text, 'r:' || r.row_no))
               AS first_of_test,
             min(r.row_no) OVER (PARTITION BY COALESCE('s:' || r.specimen_id, 'r:' || r.row_no))
               AS first_of_specimen,
             min(r.row_no) OVER (PARTITION BY COALESCE('x:' || r.external_id, 'r:' || r.row_no))
               AS first_of_external,
             min(r.row_no) OVER (PARTITION BY CASE
               WHEN r.specimen_id IS NULL AND r.external_id IS NULL
               THEN 'd:' || r.episode_id::text || ':' || r.collected_on::text || ':' || r.result
               ELSE 'r:' || r.row_no END) AS first_of_day,
             CASE WHEN d.id IS NULL THEN gen_random_uuid() END AS new_id
      FROM resolved r
      LEFT JOIN care_drug_test d ON d.id = r.existing_id
      """;

  /** The set-based checks: one row per error found, each with its column, code and message. */
  private static final String ERRORS =
      """
      SELECT row_no, 'specimen_id' AS col, 'SpecimenTaken' AS code,
             'is the specimen id of another test at your organization' AS message
        FROM care_upload_test_matched WHERE specimen_taken
      UNION ALL
      SELECT row_no, 'specimen_id', 'AmbiguousSpecimen',
             'is the specimen id of several tests at your organization: give the test''s external_id'
        FROM care_upload_test_matched WHERE specimen_ambiguous
      UNION ALL
      SELECT row_no, 'collected_on', 'AmbiguousTest',
             'several tests of the episode without a specimen were posted with this day and'
             || ' result: the row cannot tell which it is'
        FROM care_upload_test_matched WHERE day_ambiguous
      UNION ALL
      SELECT row_no,
             CASE WHEN row_no > first_of_specimen THEN 'specimen_id'
                  WHEN row_no > first_of_day THEN 'collected_on' ELSE 'external_id' END,
             'Duplicate',
             'row ' || LEAST(first_of_test, first_of_specimen, first_of_external, first_of_day)
               || ' gives the same test'
        FROM care_upload_test_matched
        WHERE row_no > LEAST(first_of_test, first_of_specimen, first_of_external, first_of_day)
      UNION ALL
      SELECT row_no, 'episode_id', 'EpisodeDiffers',
             'the test was posted on another treatment episode'
        FROM care_upload_test_matched
        WHERE existing_id IS NOT NULL AND stored_episode_id <> episode_id
      UNION ALL
      SELECT row_no, posted_column, 'Posted',
             'differs from the test as it was posted: a posted test changes only its confirmation'
        FROM care_upload_test_matched
        WHERE posted_column IS NOT NULL AND stored_episode_id = episode_id
      UNION ALL
      SELECT row_no, 'confirmation', 'ConfirmationFinal',
             'the test''s confirmation is ' || stored_confirmation || ': it moves on only from'
             || ' NOT_SENT to PENDING, and from either to CONFIRMED or NOT_CONFIRMED'
        FROM care_upload_test_matched
        WHERE confirmation_moves AND posted_column IS NULL AND stored_episode_id = episode_id
          AND (stored_confirmation, confirmation) NOT IN (%s)
      """
          .formatted(confirmationMoves());

  private static final String HISTORY =
      """
      INSERT INTO care_drug_test_revision (drug_test_id, upload_job_id, confirmation, external_id,
          replaced_by, replaced_at)
      SELECT d.id, :job, d.confirmation, d.external_id, :by, :now
      FROM care_upload_test_matched m
      JOIN care_drug_test d ON d.id = m.existing_id
      WHERE m.changed
      """;

  private static final String UPDATE =
      """
      UPDATE care_drug_test d
      SET confirmation = m.confirmation, external_id = COALESCE(d.external_id, m.external_id),
          version = d.version + 1
      FROM care_upload_test_matched m
      WHERE d.id = m.existing_id AND m.changed
      """;

  private static final String INSERT =
      """
      INSERT INTO care_drug_test (id, episode_id, person_id, provider_id, collected_on, panel,
          method, specimen_id, substances_tested, substances_found, result, confirmation,
          external_id, sensitivity, reported_by, reported_at, version)
      SELECT m.new_id, m.episode_id, m.person_id, :provider, m.collected_on, m.panel, m.method,
             m.specimen_id, m.tested, m.found, m.result, m.confirmation, m.external_id,
             :sensitivity, :by, :now, 0
      FROM care_upload_test_matched m WHERE m.new_id IS NOT NULL
      ORDER BY m.episode_id, m.collected_on
      """;

  /** A new test the agency may need to act on: positive, refused or missed. */
  record Posted(UUID test, UUID episode, UUID person, UUID agency, String result, LocalDate day) {}

  private final JdbcClient jdbc;
  private final DataSource dataSource;

  DrugTestLoad(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
  }

  /** The moves of a confirmation the domain allows, as SQL row values. */
  private static String confirmationMoves() {
    List<String> moves = new ArrayList<>();
    for (TestConfirmation from : TestConfirmation.values()) {
      for (TestConfirmation to : TestConfirmation.values()) {
        if (from.canBecome(to)) {
          moves.add("('" + from.name() + "', '" + to.name() + "')");
        }
      }
    }
    return "VALUES " + String.join(", ", moves);
  }

  /** Creates the staging table and opens COPY into it, on the transaction's connection. */
  @Transactional(propagation = Propagation.MANDATORY)
  CopyStage stage() {
    jdbc.sql(STAGE).update();
    return CopyStage.open(dataSource, COPY);
  }

  /** Copies a row that passed its own checks into the staging table, in the COPY's columns. */
  static void stage(CopyStage stage, DrugTestRows.Staged row) {
    stage.add(
        row.row(),
        row.externalId(),
        row.specimenId(),
        row.episode().id().value(),
        row.episode().personId().value(),
        row.episode().agencyId().value(),
        row.collectedOn(),
        row.panel().name(),
        row.method().name(),
        row.tested(),
        row.found(),
        row.result().name(),
        row.confirmation().name());
  }

  /**
   * Matches the staged rows with the posted tests and adds every error the rows have together or
   * against the posted tests.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  void check(UUID provider, UploadErrors errors) {
    jdbc.sql("ANALYZE care_upload_test_stage").update();
    jdbc.sql(MATCH).param("provider", provider).update();
    jdbc.sql("ANALYZE care_upload_test_matched").update();
    long found = jdbc.sql("SELECT count(*) FROM (" + ERRORS + ") e").query(Long.class).single();
    if (found == 0) {
      return;
    }
    List<UploadError> first =
        jdbc.sql("SELECT * FROM (" + ERRORS + ") e ORDER BY row_no, col LIMIT :limit")
            .param("limit", Math.max(errors.room(), 0))
            .query(
                (rs, n) ->
                    new UploadError(
                        rs.getInt("row_no"),
                        rs.getString("col"),
                        rs.getString("code"),
                        rs.getString("message")))
            .list();
    errors.addCounted(found, first);
  }

  /**
   * Writes the matched rows of a file without errors.
   *
   * @param progress told the rows written after each statement
   */
  @Transactional(propagation = Propagation.MANDATORY)
  AttendanceLoad.Written write(
      UUID job,
      UUID provider,
      Sensitivity sensitivity,
      String by,
      Instant now,
      IntConsumer progress) {
    Timestamp at = Timestamp.from(now);
    int history = jdbc.sql(HISTORY).param("job", job).param("by", by).param("now", at).update();
    int updated = jdbc.sql(UPDATE).update();
    if (history != updated) {
      throw new IllegalStateException("the history of changed tests is incomplete");
    }
    progress.accept(updated);
    int created =
        jdbc.sql(INSERT)
            .param("provider", provider)
            .param("sensitivity", sensitivity.name())
            .param("by", by)
            .param("now", at)
            .update();
    progress.accept(updated + created);
    int unchanged =
        jdbc.sql(
                "SELECT count(*) FROM care_upload_test_matched"
                    + " WHERE existing_id IS NOT NULL AND NOT changed")
            .query(Integer.class)
            .single();
    return new AttendanceLoad.Written(created, updated, unchanged);
  }

  /**
   * The tests the write added that were collected since a day and that the agency may need to act
   * on (positive, refused, missed): those a single posting would signal.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  List<Posted> postedSince(LocalDate since) {
    return jdbc.sql(
            "SELECT new_id, episode_id, person_id, agency_id, result, collected_on"
                + " FROM care_upload_test_matched"
                + " WHERE new_id IS NOT NULL AND collected_on >= :since"
                + " AND result IN ('POSITIVE', 'REFUSED', 'MISSED')"
                + " ORDER BY collected_on, row_no")
        .param("since", since)
        .query(
            (rs, n) ->
                new Posted(
                    rs.getObject("new_id", UUID.class),
                    rs.getObject("episode_id", UUID.class),
                    rs.getObject("person_id", UUID.class),
                    rs.getObject("agency_id", UUID.class),
                    rs.getString("result"),
                    rs.getObject("collected_on", LocalDate.class)))
        .list();
  }
}
