package org.bridgeway.care.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.care.CareSignal;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.testing.CareFixtures;
import org.bridgeway.testing.CareFixtures.Episode;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.Principals;
import org.bridgeway.testing.SupervisionFixtures;
import org.bridgeway.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The providers' drug test upload end to end over the API ({@code ?kind=drug-tests}): a good file
 * is written with the test's own rules and signals recent positive and missed tests; a bad one
 * writes nothing and reports every row; a re-sent file changes nothing, a confirmation moves on
 * (keeping what it replaced) and nothing else of a posted test changes; people are named by the
 * agency's number in both kinds of file.
 */
@IntegrationTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class DrugTestUploadIntegrationTests {

  static final String UPLOADS = "/api/v1/care/provider/uploads";
  static final String TESTS = UPLOADS + "?kind=drug-tests";
  static final String HEADER =
      "external_id,specimen_id,episode_id,collected_on,panel,method,result,substances,"
          + "substances_tested,confirmation\n";

  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired SupervisionFixtures supervision;
  @Autowired CareFixtures care;
  @Autowired UploadRunner runner;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  @Autowired ApplicationEvents events;

  OrganizationId agency;
  OrganizationId provider;
  BridgewayPrincipal staff;
  Episode episode;
  String tag;
  LocalDate today;

  @BeforeEach
  void setUp() {
    agency = users.organization(OrganizationKind.PROBATION_AGENCY);
    provider = care.provider();
    staff = CareFixtures.staffOf(provider);
    episode = care.episode(agency, supervision.supervised(agency), provider);
    tag = Long.toHexString(UUID.randomUUID().getMostSignificantBits()).substring(0, 8);
    today = LocalDate.now(clock);
  }

  /** A row of the test file; {@code specimen} and {@code external} are prefixed with the tag. */
  private String row(
      String external,
      String specimen,
      Object episodeId,
      LocalDate day,
      String panelMethodResult,
      String found,
      String tested,
      String confirmation) {
    return String.join(
            ",",
            external == null ? "" : tag + "-" + external,
            specimen == null ? "" : tag + "-" + specimen,
            String.valueOf(episodeId),
            String.valueOf(day),
            panelMethodResult,
            found == null ? "" : found,
            tested == null ? "" : tested,
            confirmation == null ? "" : confirmation)
        + "\n";
  }

  /**
   * Five tests: a recent positive awaiting confirmation, an older positive (30 days: outside the
   * 14-day signal window), a recent missed test (no specimen), a negative and a custom panel.
   */
  private String fiveTests() {
    return HEADER
        + row(
            "T1",
            "S1",
            episode.id(),
            today.minusDays(1),
            "FIVE_PANEL,URINE,POSITIVE",
            "COCAINE;OPIATES",
            null,
            "PENDING")
        + row(
            "T2",
            "S2",
            episode.id(),
            today.minusDays(30),
            "TEN_PANEL,ORAL_FLUID,POSITIVE",
            "CANNABIS",
            null,
            "CONFIRMED")
        + row(
            null,
            null,
            episode.id(),
            today.minusDays(2),
            "FIVE_PANEL,URINE,MISSED",
            null,
            null,
            null)
        + row(null, "S4", episode.id(), today, "ALCOHOL_ETG,BREATH,NEGATIVE", null, null, null)
        + row(
            "T5",
            "S5",
            episode.id(),
            today.minusDays(3),
            "CUSTOM,BLOOD,NEGATIVE",
            null,
            "FENTANYL;ALCOHOL",
            "NOT_SENT");
  }

  @Test
  void aGoodFileIsWrittenWithTheTestsRulesAuditedOnceAndSignalsRecentPositiveAndMissedTests()
      throws Exception {
    JsonNode queued = upload(fiveTests(), TESTS, staff, 202);
    assertThat(queued.get("kind").asString()).isEqualTo("drug-tests");
    assertThat(queued.get("rows").asInt()).isEqualTo(5);
    UUID id = UUID.fromString(queued.get("id").asString());

    JsonNode done = run(id);
    assertThat(done.get("status").asString()).isEqualTo("SUCCEEDED");
    assertThat(done.get("report").get("created").asInt()).isEqualTo(5);
    assertThat(done.get("report").get("updated").asInt()).isZero();
    assertThat(done.get("report").get("unchanged").asInt()).isZero();

    // Stored as a single posting stores them: the found substances in their declared order, a
    // standard panel's own substances as tested, NOT_SENT when no confirmation is given.
    assertThat(stored())
        .containsExactly(
            Map.entry(
                tag + "-S1",
                "POSITIVE/PENDING/COCAINE,OPIATES/AMPHETAMINES,CANNABIS,COCAINE,OPIATES,OTHER"),
            Map.entry(tag + "-S2", "POSITIVE/CONFIRMED/CANNABIS/" + tenPanel()),
            Map.entry(tag + "-S4", "NEGATIVE/NOT_SENT//ALCOHOL"),
            Map.entry(tag + "-S5", "NEGATIVE/NOT_SENT//ALCOHOL,FENTANYL"),
            Map.entry("missed " + today.minusDays(2), "MISSED/NOT_SENT//" + fivePanel()));
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM care_drug_test WHERE episode_id = ? AND provider_id = ?"
                        + " AND person_id = ? AND sensitivity IS NOT NULL")
                .params(episode.id(), provider.value(), episode.person())
                .query(Long.class)
                .single())
        .isEqualTo(5);
    assertThat(
            jdbc.sql(
                    "SELECT details->>'created' || '/' || (details->>'signals') || '/'"
                        + " || (details->>'kind') FROM audit_entry WHERE action = 'care.upload'"
                        + " AND record_id = ? AND outcome = 'SUCCESS'")
                .param(id)
                .query(String.class)
                .list())
        .containsExactly("5/2/DRUG_TESTS");

    // The signals a single posting publishes, for the tests of the last 14 days only: the positive
    // of yesterday and the missed test of two days ago; not the positive of 30 days ago (history),
    // not the negatives.
    List<CareSignal> signals =
        events.stream(CareSignal.class)
            .filter(s -> s.episode().value().equals(episode.id()))
            .toList();
    assertThat(signals)
        .extracting(s -> s.kind() + " " + s.day())
        .containsExactlyInAnyOrder(
            "TEST_POSITIVE " + today.minusDays(1), "TEST_MISSED " + today.minusDays(2));
    UUID positive =
        jdbc.sql("SELECT id FROM care_drug_test WHERE specimen_id = ?")
            .param(tag + "-S1")
            .query(UUID.class)
            .single();
    assertThat(signals)
        .filteredOn(s -> s.kind() == CareSignal.Kind.TEST_POSITIVE)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.recordId()).isEqualTo(positive);
              assertThat(s.agency()).isEqualTo(agency);
              assertThat(s.provider()).isEqualTo(provider);
              assertThat(s.person().value()).isEqualTo(episode.person());
            });
  }

  @Test
  void everyBadRowIsReportedByRowColumnAndCodeAndNothingIsWritten() throws Exception {
    Episode elsewhere = care.episode(agency, supervision.supervised(agency), care.provider());
    String file =
        HEADER
            // 2: a good row, not written because others are bad
            + row("1", "A", episode.id(), today, "FIVE_PANEL,URINE,NEGATIVE", null, null, null)
            // 3: a result without its specimen id
            + row(
                "2", null, episode.id(), today, "FIVE_PANEL,URINE,POSITIVE", "COCAINE", null, null)
            // 4: collected tomorrow
            + row(
                "3",
                "C",
                episode.id(),
                today.plusDays(1),
                "FIVE_PANEL,URINE,NEGATIVE",
                null,
                null,
                null)
            // 5: an episode Bridgeway does not know
            + row("4", "D", UUID.randomUUID(), today, "FIVE_PANEL,URINE,NEGATIVE", null, null, null)
            // 6: another provider's episode
            + row("5", "E", elsewhere.id(), today, "FIVE_PANEL,URINE,NEGATIVE", null, null, null)
            // 7: a malformed row (a cell too many)
            + row("6", "F", episode.id(), today, "FIVE_PANEL,URINE,NEGATIVE", null, null, null)
                .replace("\n", ",extra\n")
            // 8: the specimen of row 2 again
            + row("7", "A", episode.id(), today, "FIVE_PANEL,URINE,NEGATIVE", null, null, null)
            // 9: a substance that does not exist
            + row("8", "H", episode.id(), today, "FIVE_PANEL,URINE,POSITIVE", "GLUE", null, null)
            // 10: a negative result that found something
            + row("9", "I", episode.id(), today, "FIVE_PANEL,URINE,NEGATIVE", "COCAINE", null, null)
            // 11: a missed test with a specimen, and confirmed
            + row(
                "10", "J", episode.id(), today, "FIVE_PANEL,URINE,MISSED", null, null, "CONFIRMED")
            // 12: a day that is not a day, and a panel that does not exist
            + row("11", "K", episode.id(), today, "SIX_PANEL,URINE,NEGATIVE", null, null, null)
                .replace(today.toString(), "yesterday");
    UUID id = UUID.fromString(upload(file, TESTS, staff, 202).get("id").asString());
    JsonNode job = run(id);
    assertThat(job.get("status").asString()).isEqualTo("REJECTED");
    assertThat(errors(job))
        .containsExactlyInAnyOrder(
            "3 specimen_id Required",
            "4 collected_on PastOrPresent",
            "5 episode_id UnknownEpisode",
            "6 episode_id UnknownEpisode",
            "7  Malformed",
            "8 specimen_id Duplicate",
            "9 substances Unknown",
            "10 substances NotAllowed",
            "11 specimen_id NotAllowed",
            "11 confirmation NotAllowed",
            "12 collected_on Invalid",
            "12 panel Unknown");
    assertThat(job.get("errorCount").asInt()).isEqualTo(12);
    assertThat(
            jdbc.sql("SELECT count(*) FROM care_drug_test WHERE specimen_id LIKE ?")
                .param(tag + "-%")
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql(
                    "SELECT details->>'errors' FROM audit_entry WHERE action = 'care.upload'"
                        + " AND record_id = ? AND outcome = 'FAILURE'")
                .param(id)
                .query(String.class)
                .list())
        .containsExactly("12");
  }

  @Test
  void aResentFileIsUnchangedAConfirmationMovesOnAndNothingElseOfAPostedTestChanges()
      throws Exception {
    run(UUID.fromString(upload(fiveTests(), TESTS, staff, 202).get("id").asString()));
    Map<String, String> before = stored();
    Map<String, Long> versions = versions();

    JsonNode again =
        run(UUID.fromString(upload(fiveTests(), TESTS, staff, 202).get("id").asString()));
    assertThat(again.get("status").asString()).isEqualTo("SUCCEEDED");
    assertThat(again.get("report").get("unchanged").asInt()).isEqualTo(5);
    assertThat(again.get("report").get("created").asInt()).isZero();
    assertThat(again.get("report").get("updated").asInt()).isZero();
    assertThat(stored()).isEqualTo(before);
    assertThat(versions()).isEqualTo(versions);

    // The laboratory confirmed the positive of S1; the negative S4 gets the provider's id.
    String confirmed =
        fiveTests()
            .replace("COCAINE;OPIATES,,PENDING", "COCAINE;OPIATES,,CONFIRMED")
            .replace("\n," + tag + "-S4,", "\n" + tag + "-T4," + tag + "-S4,");
    UUID changed = UUID.fromString(upload(confirmed, TESTS, staff, 202).get("id").asString());
    JsonNode report = run(changed).get("report");
    assertThat(report.get("updated").asInt()).isEqualTo(2);
    assertThat(report.get("unchanged").asInt()).isEqualTo(3);
    assertThat(stored().get(tag + "-S1")).startsWith("POSITIVE/CONFIRMED/");
    assertThat(
            jdbc.sql(
                    "SELECT t.specimen_id || ':' || r.confirmation || ':'"
                        + " || COALESCE(r.external_id, '-') || ':' || COALESCE(t.external_id, '-')"
                        + " FROM care_drug_test_revision r"
                        + " JOIN care_drug_test t ON t.id = r.drug_test_id"
                        + " WHERE r.upload_job_id = ? ORDER BY t.specimen_id")
                .param(changed)
                .query(String.class)
                .list())
        .containsExactly(
            tag + "-S1:PENDING:" + tag + "-T1:" + tag + "-T1",
            tag + "-S4:NOT_SENT:-:" + tag + "-T4");
    // No signal for a changed test: a single posting signals new tests only.
    assertThat(
            events.stream(CareSignal.class)
                .filter(s -> s.episode().value().equals(episode.id()))
                .count())
        .isEqualTo(2);

    Episode second = care.episode(agency, supervision.supervised(agency), provider);
    Map<String, String> confirmedState = stored();
    String changes =
        HEADER
            // 2: a posted test's result does not change
            + row(
                "T1",
                "S1",
                episode.id(),
                today.minusDays(1),
                "FIVE_PANEL,URINE,NEGATIVE",
                null,
                null,
                "CONFIRMED")
            // 3: a confirmation is final
            + row(
                "T2",
                "S2",
                episode.id(),
                today.minusDays(30),
                "TEN_PANEL,ORAL_FLUID,POSITIVE",
                "CANNABIS",
                null,
                "PENDING")
            // 4: a new external id with the specimen of a test that has another
            + row(
                "T9",
                "S5",
                episode.id(),
                today.minusDays(3),
                "CUSTOM,BLOOD,NEGATIVE",
                null,
                "FENTANYL;ALCOHOL",
                null)
            // 5: the specimen of the first episode's test, given for another episode
            + row(null, "S4", second.id(), today, "ALCOHOL_ETG,BREATH,NEGATIVE", null, null, null);
    JsonNode rejected =
        run(UUID.fromString(upload(changes, TESTS, staff, 202).get("id").asString()));
    assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
    assertThat(errors(rejected))
        .containsExactlyInAnyOrder(
            "2 result Posted",
            "3 confirmation ConfirmationFinal",
            "4 specimen_id SpecimenTaken",
            "5 episode_id EpisodeDiffers");
    assertThat(stored()).isEqualTo(confirmedState);
  }

  @Test
  void aPersonIsNamedByTheAgencysNumberInBothKindsOfFile() throws Exception {
    String number = agencyNumber(episode.person());
    Instant yesterday = clock.instant().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
    // The number as the provider's system may write it: other case, spaces for dashes.
    String written = number.toLowerCase(java.util.Locale.ROOT).replace('-', ' ');
    String attendance =
        "external_id,person_number,starts_at,kind,mode,attendance\n"
            + tag
            + "-n,"
            + written
            + ","
            + yesterday
            + ",GROUP,VIDEO,ATTENDED\n";
    JsonNode job =
        run(UUID.fromString(upload(attendance, UPLOADS, staff, 202).get("id").asString()));
    assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
    assertThat(
            jdbc.sql("SELECT episode_id FROM care_appointment WHERE external_id = ?")
                .param(tag + "-n")
                .query(UUID.class)
                .single())
        .isEqualTo(episode.id());

    String tests =
        "specimen_id,person_number,collected_on,panel,method,result,substances\n"
            + tag
            + "-N1,"
            + number
            + ","
            + today
            + ",FIVE_PANEL,URINE,POSITIVE,CANNABIS\n";
    assertThat(
            run(UUID.fromString(upload(tests, TESTS, staff, 202).get("id").asString()))
                .get("status")
                .asString())
        .isEqualTo("SUCCEEDED");
    assertThat(
            jdbc.sql("SELECT episode_id FROM care_drug_test WHERE specimen_id = ?")
                .param(tag + "-N1")
                .query(UUID.class)
                .single())
        .isEqualTo(episode.id());

    // A number no person in treatment here has, and (once a person of another agency in treatment
    // at the provider has the same number) a number that names two people, are row errors.
    OrganizationId otherAgency = users.organization(OrganizationKind.PROBATION_AGENCY);
    Episode namesake = care.episode(otherAgency, supervision.supervised(otherAgency), provider);
    jdbc.sql(
            "UPDATE supervision_person_identifier SET value = ?, value_key = ?"
                + " WHERE person_id = ? AND kind = 'AGENCY_ID'")
        .params(
            number,
            number.replaceAll("[\\s\\-./]", "").toUpperCase(java.util.Locale.ROOT),
            namesake.person())
        .update();
    String unknownAndAmbiguous =
        "external_id,person_number,starts_at,kind,mode,attendance\n"
            + tag
            + "-u,NO-SUCH-"
            + tag
            + ","
            + yesterday
            + ",GROUP,VIDEO,ATTENDED\n"
            + tag
            + "-a,"
            + number
            + ","
            + yesterday
            + ",GROUP,VIDEO,ATTENDED\n"
            + tag
            + "-e,"
            + number
            + ","
            + yesterday.minus(Duration.ofDays(2))
            + ",GROUP,VIDEO,ATTENDED\n";
    JsonNode rejected =
        run(UUID.fromString(upload(unknownAndAmbiguous, UPLOADS, staff, 202).get("id").asString()));
    assertThat(errors(rejected))
        .containsExactlyInAnyOrder(
            "2 person_number UnknownPerson",
            "3 person_number AmbiguousPerson",
            "4 person_number AmbiguousPerson");
    // Another provider does not find the person by number: the number is not of its people.
    BridgewayPrincipal otherStaff = CareFixtures.staffOf(care.provider());
    JsonNode foreign =
        run(
            UUID.fromString(
                upload(tests.replace("-N1", "-N2"), TESTS, otherStaff, 202).get("id").asString()),
            otherStaff);
    assertThat(errors(foreign)).containsExactly("2 person_number UnknownPerson");
  }

  @Test
  void theKindIsChosenByAParameterAndAFileOfTheOtherKindIsRefusedAtOnce() throws Exception {
    JsonNode unknownKind = upload(fiveTests(), UPLOADS + "?kind=lab-results", staff, 400);
    assertThat(unknownKind.get("errors").get(0).get("field").asString()).isEqualTo("kind");

    String attendance =
        "external_id,episode_id,starts_at,kind,mode,attendance\nM-1,"
            + episode.id()
            + ","
            + clock.instant().minus(Duration.ofDays(1))
            + ",INDIVIDUAL,IN_PERSON,ATTENDED\n";
    JsonNode asTests = upload(attendance, TESTS, staff, 400);
    List<String> problems = new ArrayList<>();
    asTests
        .get("errors")
        .forEach(e -> problems.add(e.get("code").asString() + " " + e.get("column").asString()));
    assertThat(problems)
        .contains(
            "MissingColumn specimen_id", "MissingColumn collected_on", "MissingColumn result");
    // A drug test file is not an attendance file either.
    assertThat(upload(fiveTests(), UPLOADS, staff, 400).get("code").asString())
        .isEqualTo("care.upload.rejected");
  }

  private static String fivePanel() {
    return "AMPHETAMINES,CANNABIS,COCAINE,OPIATES,OTHER";
  }

  private static String tenPanel() {
    return "AMPHETAMINES,BENZODIAZEPINES,CANNABIS,COCAINE,METHADONE,METHAMPHETAMINE,OPIATES,"
        + "OXYCODONE,OTHER";
  }

  private String agencyNumber(UUID person) {
    return jdbc.sql(
            "SELECT value FROM supervision_person_identifier WHERE person_id = ?"
                + " AND kind = 'AGENCY_ID'")
        .param(person)
        .query(String.class)
        .single();
  }

  /**
   * The episode's tests by specimen (a test without one by "missed" and its day): result,
   * confirmation, substances found and tested.
   */
  private Map<String, String> stored() {
    Map<String, String> found = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT COALESCE(specimen_id, 'missed ' || collected_on), result || '/' || confirmation"
                + " || '/' || substances_found || '/' || substances_tested FROM care_drug_test"
                + " WHERE episode_id = ? ORDER BY specimen_id NULLS LAST")
        .param(episode.id())
        .query((rs, n) -> found.put(rs.getString(1), rs.getString(2)))
        .list();
    return found;
  }

  private Map<String, Long> versions() {
    Map<String, Long> versions = new java.util.TreeMap<>();
    jdbc.sql("SELECT id::text, version FROM care_drug_test WHERE episode_id = ?")
        .param(episode.id())
        .query((rs, n) -> versions.put(rs.getString(1), rs.getLong(2)))
        .list();
    return versions;
  }

  private static List<String> errors(JsonNode job) {
    List<String> errors = new ArrayList<>();
    job.get("report")
        .get("errors")
        .forEach(
            e ->
                errors.add(
                    e.get("row").asInt()
                        + " "
                        + (e.get("column").isNull() ? "" : e.get("column").asString())
                        + " "
                        + e.get("code").asString()));
    return errors;
  }

  private JsonNode run(UUID id) throws Exception {
    return run(id, staff);
  }

  /** Runs the job as the scheduler would (it does not run in tests), then reads it. */
  private JsonNode run(UUID id, BridgewayPrincipal who) throws Exception {
    runner.run(id);
    return send(get(UPLOADS + "/" + id), who, 200);
  }

  private JsonNode upload(String file, String path, BridgewayPrincipal who, int expected)
      throws Exception {
    return send(
        post(path).contentType("text/csv").content(file.getBytes(StandardCharsets.UTF_8)),
        who,
        expected);
  }

  private JsonNode send(
      AbstractMockHttpServletRequestBuilder<?> request, BridgewayPrincipal who, int expected)
      throws Exception {
    String body =
        mvc.perform(request.with(authentication(Principals.authenticationOf(who))))
            .andExpect(status().is(expected))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    return body.isEmpty() || !body.startsWith("{")
        ? JsonMapper.shared().nullNode()
        : JsonMapper.shared().readTree(body);
  }
}
