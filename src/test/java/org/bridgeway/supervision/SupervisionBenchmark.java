package org.bridgeway.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.bridgeway.benchmark.BenchmarkReport;
import org.bridgeway.benchmark.Samples;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.UserId;
import org.bridgeway.identity.token.ApiTokenService;
import org.bridgeway.shared.demo.DemoData;
import org.bridgeway.shared.demo.DemoProperties.Scale;
import org.bridgeway.supervision.access.CaseloadAccess;
import org.bridgeway.supervision.assessment.AssessmentRecords;
import org.bridgeway.supervision.assessment.NeedsQueries;
import org.bridgeway.supervision.caseload.CaseRecords;
import org.bridgeway.supervision.caseload.SupervisionCase;
import org.bridgeway.supervision.contact.ContactRecords;
import org.bridgeway.supervision.contact.ContactStatusQuery;
import org.bridgeway.supervision.demo.SupervisionGenerationSummary;
import org.bridgeway.supervision.demo.SupervisionGenerator;
import org.bridgeway.supervision.importing.ImportJob;
import org.bridgeway.supervision.importing.ImportJobStatus;
import org.bridgeway.supervision.importing.ImportReport;
import org.bridgeway.supervision.importing.PeopleImportJobs;
import org.bridgeway.supervision.person.PersonRecords;
import org.bridgeway.supervision.violation.ViolationRecords;
import org.bridgeway.testing.SignInSteps;
import org.bridgeway.testing.TestUsers;
import org.bridgeway.testing.WebIntegrationTest;
import org.bridgeway.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The officer's pages at the county profile of PERFORMANCE.md ({@code -Dbenchmark.scale=state} for
 * the state one): the supervision generator fills an agency of its own, then measured, each against
 * a baseline in the same run,
 *
 * <ul>
 *   <li>an officer's caseload of about 60 people with their flags (risk, top needs, assessment due,
 *       next contact due and overdue, open violations) through the public queries ({@link
 *       NeedsQueries#caseload}, {@link ContactStatusQuery#statusOf}) after the list of the
 *       officer's open cases, against the same statements through plain JDBC;
 *   <li>a person's full record (person, cases with conditions, contacts, violations, assessments)
 *       through the records' services, against the same reads through plain JDBC;
 *   <li>over HTTP, what exists until the caseload page does: the people list of 60 and the full
 *       record through the API with an agency administrator's token, against a static file served
 *       by the same application.
 * </ul>
 *
 * The plans of the caseload statements are printed. Run with {@code ./mvnw -Pbenchmark verify
 * -Dit.test=SupervisionBenchmark}; not part of the suite and never fails on time.
 */
@WebIntegrationTest
class SupervisionBenchmark {

  static final int ROUNDS = 5;
  static final int CASELOAD_ROUNDS = 100;
  static final int HTTP_ROUNDS = 3;
  static final int PEOPLE_READ = 60;

  /** The officer's open cases, by name: what the caseload page lists before adding flags. */
  static final String CASELOAD =
      """
      SELECT c.id, c.person_id, p.given_name, p.family_name, c.level
      FROM supervision_case c JOIN supervision_person p ON p.id = c.person_id
      WHERE c.officer_id = ? AND c.status = 'OPEN' AND c.organization_id = ?
      ORDER BY p.family_name_key, p.given_name_key, p.id""";

  /** The caseload's needs flags, as {@link NeedsQueries#caseload} asks them (access aside). */
  static final String NEEDS =
      """
      SELECT p.id, l.risk_level, l.next_due_on, ARRAY(SELECT d.severity || ':' || d.domain
        FROM supervision_assessment_domain d WHERE d.assessment_id = l.id AND d.severity <> 'NONE')
      FROM supervision_person p LEFT JOIN LATERAL (SELECT a.id, a.risk_level, a.next_due_on
        FROM supervision_assessment a WHERE a.person_id = p.id
        ORDER BY a.assessed_on DESC, a.recorded_at DESC LIMIT 1) l ON TRUE
      WHERE p.id = ANY (?)""";

  /** The caseload's contact flags, as {@link ContactStatusQuery#statusOf} asks them. */
  static final String CONTACTS =
      """
      SELECT c.id, c.person_id, c.officer_id, c.level, c.status, c.start_date,
        s.contacts, s.period_days, s.field_every_days, s.level AS standard_level,
        ARRAY(SELECT (k.happened_at AT TIME ZONE ?)::date FROM supervision_contact k
              WHERE k.case_id = c.id AND k.outcome = 'COMPLETED' AND k.happened_at < ?
              ORDER BY k.happened_at DESC LIMIT 10) AS completed,
        (SELECT max(k.happened_at) FROM supervision_contact k
         WHERE k.case_id = c.id AND k.outcome = 'COMPLETED' AND k.kind IN ('HOME', 'FIELD')
           AND k.happened_at < ?) AS last_in_community,
        (SELECT count(*) FROM supervision_violation v
         WHERE v.case_id = c.id AND v.occurred_on > ? AND v.occurred_on <= ?
           AND NOT EXISTS (SELECT 1 FROM supervision_violation_response r
                           WHERE r.violation_id = v.id)) AS open_violations
      FROM supervision_case c
      LEFT JOIN supervision_contact_standard s
        ON s.organization_id = c.organization_id AND s.level = c.level
      WHERE c.id = ANY (?)""";

  /** A person's full record through plain JDBC: the statements the services' reads amount to. */
  static final List<String> RECORD =
      List.of(
          "SELECT * FROM supervision_person WHERE id = ?",
          "SELECT * FROM supervision_person_alias WHERE person_id = ? ORDER BY position",
          "SELECT * FROM supervision_person_identifier WHERE person_id = ? ORDER BY position",
          "SELECT * FROM supervision_person_address WHERE person_id = ? ORDER BY position",
          "SELECT c.*, (SELECT json_agg(o) FROM supervision_case_offense o WHERE o.case_id ="
              + " c.id), (SELECT json_agg(a) FROM supervision_case_assignment a WHERE a.case_id ="
              + " c.id) FROM supervision_case c WHERE c.person_id = ? ORDER BY start_date DESC",
          "SELECT k.* FROM supervision_condition k JOIN supervision_case c ON c.id = k.case_id"
              + " WHERE c.person_id = ? ORDER BY k.created_at",
          "SELECT k.* FROM supervision_contact k JOIN supervision_case c ON c.id = k.case_id"
              + " WHERE c.person_id = ? ORDER BY k.scheduled_for DESC",
          "SELECT v.*, (SELECT json_agg(r) FROM supervision_violation_response r WHERE"
              + " r.violation_id = v.id) FROM supervision_violation v JOIN supervision_case c ON"
              + " c.id = v.case_id WHERE c.person_id = ? ORDER BY v.occurred_on DESC",
          "SELECT a.*, (SELECT json_agg(d) FROM supervision_assessment_domain d WHERE"
              + " d.assessment_id = a.id) FROM supervision_assessment a WHERE a.person_id = ?"
              + " ORDER BY a.assessed_on DESC, a.recorded_at DESC");

  @LocalServerPort int port;
  @Autowired SupervisionGenerator generator;
  @Autowired NeedsQueries needs;
  @Autowired ContactStatusQuery statuses;
  @Autowired PersonRecords people;
  @Autowired CaseRecords cases;
  @Autowired ContactRecords contacts;
  @Autowired ViolationRecords violations;
  @Autowired AssessmentRecords assessments;
  @Autowired TestUsers users;
  @Autowired ApiTokenService tokens;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired TransactionTemplate transactions;
  @Autowired Clock clock;
  @Autowired PeopleImportJobs importJobs;
  @Autowired OneTimeTask<Void> supervisionImportTask;

  /**
   * The CSV import of the legacy export at 50,000 rows (one person and one case each, 12 officers)
   * into an agency of its own: the upload's check, then the job (check every row, write in one
   * transaction) as the scheduler runs it; then the same file again (every person and case already
   * there). Run alone with {@code -Dit.test=SupervisionBenchmark#importOf50000Rows}.
   */
  @Test
  void importOf50000Rows() {
    int rows = Integer.getInteger("benchmark.importRows", 50_000);
    OrganizationId agency = users.organization(OrganizationKind.PROBATION_AGENCY);
    List<String> officers = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      officers.add(users.withoutSecondFactor(agency, Role.OFFICER).email());
    }
    LocalDate today = LocalDate.now(clock);
    StringBuilder csv =
        new StringBuilder(
            "agency_id,state_id,given_name,middle_name,family_name,date_of_birth,gender,language,"
                + "phone,email,address_line1,address_line2,city,state,postal_code,"
                + "supervision_type,court,docket_number,offense_category,offense_description,"
                + "start_date,expected_end_date,level,officer_email\n");
    String[] given = {"Maria", "Jose", "Ana", "Luis", "Sarah", "David", "Linh", "Omar", "Grace"};
    for (int i = 0; i < rows; i++) {
      csv.append("LEG-")
          .append(i)
          .append(",SID")
          .append(i)
          .append(',')
          .append(given[i % given.length])
          .append(",,")
          .append(syllables(i))
          .append(',')
          .append(LocalDate.of(1950, 1, 1).plusDays(i % 18_000))
          .append(i % 2 == 0 ? ",female" : ",male")
          .append(",en,951-555-")
          .append(String.format(Locale.ROOT, "%04d", i % 10_000))
          .append(",,")
          .append(i % 900 + 1)
          .append(" Main St,,Riverside,CA,92501,PROBATION,Riverside Superior Court,CR-")
          .append(i)
          .append(",PROPERTY,Theft,")
          .append(today.minusDays(30 + i % 700))
          .append(',')
          .append(today.plusDays(300 + i % 700))
          .append(",MODERATE,")
          .append(officers.get(i % officers.size()))
          .append('\n');
    }
    byte[] file = csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    BridgewayPrincipal admin =
        BridgewayPrincipal.apiClient(
            UUID.randomUUID(),
            agency,
            OrganizationKind.PROBATION_AGENCY,
            "Benchmark agency",
            "Benchmark migration",
            Set.of(Role.ORGANIZATION_ADMIN));

    BenchmarkReport report =
        new BenchmarkReport("CSV import of " + rows + " rows (" + file.length / 1024 + " KiB)");
    report.row("Run", "upload check", "job (check + write)", "rows/s", "result");
    for (String run : List.of("new agency: all new", "same file again: all unchanged")) {
      long start = System.nanoTime();
      UUID id = importJobs.submit(admin, "legacy.csv", file);
      long submitted = System.nanoTime();
      supervisionImportTask.execute(supervisionImportTask.instance(id.toString()), null);
      long done = System.nanoTime();
      ImportJob job = importJobs.find(admin, id).orElseThrow();
      assertThat(job.status()).as(run).isEqualTo(ImportJobStatus.SUCCEEDED);
      ImportReport result = job.report();
      report.row(
          run,
          BenchmarkReport.millis((submitted - start) / 1e6),
          BenchmarkReport.millis((done - submitted) / 1e6),
          BenchmarkReport.number(rows / ((done - submitted) / 1e9)),
          "people %d created, %d unchanged; cases %d opened, %d there"
              .formatted(
                  result.peopleCreated(),
                  result.peopleUnchanged(),
                  result.casesCreated(),
                  result.casesUnchanged()));
    }
    report.note("phases of each job: see the log line 'Import <id>: N rows checked in ... ms'");
    report.print();
  }

  /** A family name per number, unlike the others (three syllables from the number's digits). */
  private static String syllables(int n) {
    String[] parts = {"ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "qu"};
    StringBuilder name = new StringBuilder("B");
    int rest = n;
    do {
      name.append(parts[rest % 10]);
      rest /= 10;
    } while (rest > 0);
    return name.toString();
  }

  @Test
  void officerPagesAtTheScaleProfile() throws Exception {
    Scale scale =
        "state".equalsIgnoreCase(System.getProperty("benchmark.scale"))
            ? Scale.STATE
            : Scale.COUNTY;
    OrganizationId agency = users.organization(OrganizationKind.PROBATION_AGENCY);
    SupervisionGenerationSummary generated =
        generator.generate(new DemoData(Path.of("target", "benchmark")), scale, agency);
    jdbc.sql("ANALYZE").update();
    LocalDate today = LocalDate.now(clock);
    ZoneId zone = clock.getZone();

    UUID officer =
        jdbc.sql(
                "SELECT officer_id FROM supervision_case WHERE organization_id = ? AND status ="
                    + " 'OPEN' GROUP BY officer_id ORDER BY abs(count(*) - 60), officer_id LIMIT 1")
            .param(agency.value())
            .query(UUID.class)
            .single();
    BridgewayPrincipal principal =
        BridgewayPrincipal.user(
            new UserId(officer),
            agency,
            OrganizationKind.PROBATION_AGENCY,
            "Benchmark agency",
            "Benchmark officer",
            Set.of(Role.OFFICER));

    // (a) The caseload with its flags: in the server through the public queries, and through JDBC.
    Samples facade = new Samples();
    Samples direct = new Samples();
    int listed = 0;
    for (int round = 0; round <= CASELOAD_ROUNDS; round++) {
      boolean measured = round > 0;
      int size =
          measure(measured ? facade : null, () -> caseloadFacade(principal, agency, today)).size();
      measure(measured ? direct : null, () -> caseloadDirect(officer, agency, today, zone));
      listed = size;
    }

    // (b) A person's full record, for each person of the officer's caseload.
    List<PersonId> caseload =
        caseloadRows(officer, agency).stream().map(CaseRow::person).limit(PEOPLE_READ).toList();
    Samples record = new Samples();
    Samples recordDirect = new Samples();
    for (int round = 0; round <= ROUNDS; round++) {
      for (PersonId person : caseload) {
        measure(round > 0 ? record : null, () -> fullRecord(principal, person));
        measure(round > 0 ? recordDirect : null, () -> fullRecordDirect(person));
      }
    }

    // Over HTTP: what exists until the caseload page does, against a static file of the app.
    String token =
        tokens
            .issueUnchecked(
                agency,
                "Supervision benchmark",
                Set.of(Role.ORGANIZATION_ADMIN),
                null,
                UUID.randomUUID(),
                "bw_benchmark_" + UUID.randomUUID().toString().replace("-", ""))
            .value();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String base = "http://localhost:" + port;
    Samples staticFile = new Samples();
    Samples peopleList = new Samples();
    Samples recordOverHttp = new Samples();
    for (int round = 0; round <= HTTP_ROUNDS; round++) {
      for (PersonId person : caseload) {
        boolean measured = round > 0;
        measure(measured ? staticFile : null, () -> get(http, base + "/js/app.js", null));
        measure(
            measured ? peopleList : null,
            () -> get(http, base + "/api/v1/supervision/people?size=60", token));
        measure(measured ? recordOverHttp : null, () -> recordOverHttp(http, base, token, person));
      }
    }

    // The officer's pages themselves, signed in: an enrolled officer takes over the caseload.
    TestUsers.TestUser pageOfficer = users.enrolled(agency, Role.OFFICER);
    jdbc.sql("UPDATE supervision_case SET officer_id = ? WHERE officer_id = ? AND status = 'OPEN'")
        .params(pageOfficer.id().value(), officer)
        .update();
    WebSession web = SignInSteps.signedIn(port, pageOfficer, clock);
    Samples caseloadPage = new Samples();
    Samples caseloadByRisk = new Samples();
    Samples personPage = new Samples();
    int failedPages = 0;
    for (int round = 0; round <= HTTP_ROUNDS; round++) {
      for (PersonId person : caseload) {
        boolean measured = round > 0;
        failedPages +=
            measure(measured ? caseloadPage : null, () -> web.get("/supervision/caseload")).status()
                    == 200
                ? 0
                : 1;
        failedPages +=
            measure(
                            measured ? caseloadByRisk : null,
                            () -> web.get("/supervision/caseload?sort=risk-desc"))
                        .status()
                    == 200
                ? 0
                : 1;
        failedPages +=
            measure(
                            measured ? personPage : null,
                            () -> web.get("/supervision/people/" + person.value()))
                        .status()
                    == 200
                ? 0
                : 1;
      }
    }

    BenchmarkReport report =
        new BenchmarkReport(
            "Officer pages at the " + scale.name().toLowerCase(Locale.ROOT) + " profile");
    report.row("What", "samples", "median", "p99", "ratio (median, p99)", "target");
    row(report, "Caseload: the same statements through JDBC (baseline)", direct, direct, "");
    row(
        report,
        "Caseload of " + listed + " with flags: public queries in the server",
        facade,
        direct,
        "");
    row(
        report,
        "Full record: the same reads through JDBC (baseline)",
        recordDirect,
        recordDirect,
        "");
    row(report, "Full record: records' services, audited", record, recordDirect, "");
    row(report, "HTTP: static file /js/app.js (baseline)", staticFile, staticFile, "");
    row(
        report,
        "HTTP: GET /api/v1/supervision/people?size=60 (admin token)",
        peopleList,
        staticFile,
        "page p99 <= 100 ms");
    row(
        report,
        "HTTP: full record (person, cases, contacts, violations, assessments: 2 + 3 per case)",
        recordOverHttp,
        staticFile,
        "");
    row(
        report,
        "HTTP: caseload page, first 25 of " + listed + " by name, signed in",
        caseloadPage,
        staticFile,
        "p99 <= 100 ms");
    row(
        report,
        "HTTP: caseload page sorted by risk (flags of all " + listed + ")",
        caseloadByRisk,
        staticFile,
        "p99 <= 100 ms");
    row(report, "HTTP: person page with timeline, signed in", personPage, staticFile, "");
    report.note("pages that did not answer 200: " + failedPages);
    report.note("generated: " + generated);
    report.note(
        String.format(
            Locale.ROOT,
            "the officer has %d open cases; the machine's %d cores are shared with other work",
            listed,
            Runtime.getRuntime().availableProcessors()));
    List<CaseRow> rows = caseloadRows(officer, agency);
    report.note("plan of the caseload list:");
    explain(CASELOAD, officer, agency.value()).forEach(line -> report.note("  " + line));
    report.note("plan of the needs flags:");
    explain(NEEDS, array(rows.stream().map(r -> r.person().value()).toList()))
        .forEach(line -> report.note("  " + line));
    report.note("plan of the contact flags:");
    Timestamp asOfEnd = Timestamp.from(today.plusDays(1).atStartOfDay(zone).toInstant());
    explain(
            CONTACTS,
            zone.getId(),
            asOfEnd,
            asOfEnd,
            Date.valueOf(today.minusDays(ContactStatusQuery.RECENT_VIOLATION_DAYS)),
            Date.valueOf(today),
            array(rows.stream().map(r -> r.supervisionCase().value()).toList()))
        .forEach(line -> report.note("  " + line));
    BridgewayPrincipal admin =
        BridgewayPrincipal.apiClient(
            UUID.randomUUID(),
            agency,
            OrganizationKind.PROBATION_AGENCY,
            "Benchmark agency",
            "Benchmark client",
            Set.of(Role.ORGANIZATION_ADMIN));
    String people =
        " FROM supervision_person p WHERE "
            + CaseloadAccess.VISIBLE
            + " AND p.merged_into_id IS NULL";
    report.note("plan of the people list (admin, page of 60):");
    explainNamed(
            "SELECT p.id, p.given_name, p.middle_name, p.family_name, p.date_of_birth"
                + people
                + " ORDER BY p.family_name_key, p.given_name_key, p.id LIMIT 60",
            CaseloadAccess.scopeOf(admin).parameters())
        .forEach(line -> report.note("  " + line));
    report.note("plan of its total:");
    explainNamed("SELECT count(*)" + people, CaseloadAccess.scopeOf(admin).parameters())
        .forEach(line -> report.note("  " + line));
    report.print();

    assertThat(listed).isBetween(40, 90);
    assertThat(failedPages).isZero();
    assertThat(generated.alreadyPresent()).isFalse();
  }

  record CaseRow(CaseId supervisionCase, PersonId person) {}

  private Map<PersonId, CaseloadNeeds> caseloadFacade(
      BridgewayPrincipal principal, OrganizationId agency, LocalDate today) {
    return transactions.execute(
        tx -> {
          List<CaseRow> rows = caseloadRows(principal.userId(), agency);
          Map<PersonId, CaseloadNeeds> flags =
              needs.caseload(principal, rows.stream().map(CaseRow::person).toList(), today);
          Map<CaseId, ContactStatusQuery.CaseContactStatus> contactFlags =
              statuses.statusOf(
                  principal, rows.stream().map(CaseRow::supervisionCase).toList(), today);
          assertThat(contactFlags).hasSize(rows.size());
          return flags;
        });
  }

  private List<CaseRow> caseloadRows(UUID officer, OrganizationId agency) {
    return jdbc.sql(CASELOAD)
        .params(officer, agency.value())
        .query(
            (rs, n) ->
                new CaseRow(
                    new CaseId(rs.getObject(1, UUID.class)),
                    new PersonId(rs.getObject(2, UUID.class))))
        .list();
  }

  private Integer caseloadDirect(
      UUID officer, OrganizationId agency, LocalDate today, ZoneId zone) {
    return transactions.execute(
        tx ->
            withConnection(
                connection -> {
                  List<UUID> caseIds = new ArrayList<>();
                  List<UUID> personIds = new ArrayList<>();
                  try (PreparedStatement list = connection.prepareStatement(CASELOAD)) {
                    list.setObject(1, officer);
                    list.setObject(2, agency.value());
                    try (ResultSet rs = list.executeQuery()) {
                      while (rs.next()) {
                        caseIds.add(rs.getObject(1, UUID.class));
                        personIds.add(rs.getObject(2, UUID.class));
                      }
                    }
                  }
                  int rows = 0;
                  try (PreparedStatement flags = connection.prepareStatement(NEEDS)) {
                    flags.setArray(1, connection.createArrayOf("uuid", personIds.toArray()));
                    rows += drain(flags);
                  }
                  Timestamp asOfEnd =
                      Timestamp.from(today.plusDays(1).atStartOfDay(zone).toInstant());
                  try (PreparedStatement flags = connection.prepareStatement(CONTACTS)) {
                    flags.setString(1, zone.getId());
                    flags.setTimestamp(2, asOfEnd);
                    flags.setTimestamp(3, asOfEnd);
                    flags.setDate(
                        4, Date.valueOf(today.minusDays(ContactStatusQuery.RECENT_VIOLATION_DAYS)));
                    flags.setDate(5, Date.valueOf(today));
                    flags.setArray(6, connection.createArrayOf("uuid", caseIds.toArray()));
                    rows += drain(flags);
                  }
                  return rows;
                }));
  }

  private int fullRecord(BridgewayPrincipal principal, PersonId person) {
    return transactions.execute(
        tx -> {
          int parts = people.read(principal, person).details().addresses().size();
          for (SupervisionCase supervisionCase : cases.casesOf(principal, person)) {
            parts += cases.read(principal, supervisionCase.id()).conditions().size();
            parts += contacts.contactsOf(principal, supervisionCase.id()).contacts().size();
            parts += violations.violationsOf(principal, supervisionCase.id()).violations().size();
          }
          return parts + assessments.history(principal, person).assessments().size();
        });
  }

  private int fullRecordDirect(PersonId person) {
    return transactions.execute(
        tx ->
            withConnection(
                connection -> {
                  int rows = 0;
                  for (String sql : RECORD) {
                    try (PreparedStatement statement = connection.prepareStatement(sql)) {
                      statement.setObject(1, person.value());
                      rows += drain(statement);
                    }
                  }
                  return rows;
                }));
  }

  private int recordOverHttp(HttpClient http, String base, String token, PersonId person) {
    String body = get(http, base + "/api/v1/supervision/people/" + person.value(), token);
    int requests = 1;
    get(http, base + "/api/v1/supervision/people/" + person.value() + "/assessments", token);
    requests++;
    for (UUID caseId :
        jdbc.sql("SELECT id FROM supervision_case WHERE person_id = ?")
            .param(person.value())
            .query(UUID.class)
            .list()) {
      get(http, base + "/api/v1/supervision/cases/" + caseId, token);
      get(http, base + "/api/v1/supervision/cases/" + caseId + "/contacts", token);
      get(http, base + "/api/v1/supervision/cases/" + caseId + "/violations", token);
      requests += 3;
    }
    assertThat(body).contains(person.value().toString());
    return requests;
  }

  private static String get(HttpClient http, String url, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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

  private static int drain(PreparedStatement statement) throws SQLException {
    int rows = 0;
    try (ResultSet rs = statement.executeQuery()) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= columns; i++) {
          rs.getObject(i);
        }
        rows++;
      }
    }
    return rows;
  }

  interface ConnectionWork<T> {
    T run(Connection connection) throws SQLException;
  }

  private <T> T withConnection(ConnectionWork<T> work) {
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      return work.run(connection);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }

  /** A uuid[] parameter for EXPLAIN. */
  private record UuidArray(List<UUID> values) {}

  private static UuidArray array(List<UUID> values) {
    return new UuidArray(values);
  }

  private List<String> explainNamed(String sql, Map<String, Object> parameters) {
    return transactions.execute(
        tx ->
            jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + sql)
                .params(parameters)
                .query(String.class)
                .list());
  }

  private List<String> explain(String sql, Object... parameters) {
    return transactions.execute(
        tx ->
            withConnection(
                connection -> {
                  List<String> lines = new ArrayList<>();
                  try (PreparedStatement statement =
                      connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
                    for (int i = 0; i < parameters.length; i++) {
                      Object parameter = parameters[i];
                      if (parameter instanceof UuidArray uuids) {
                        statement.setArray(
                            i + 1, connection.createArrayOf("uuid", uuids.values().toArray()));
                      } else {
                        statement.setObject(i + 1, parameter);
                      }
                    }
                    try (ResultSet rs = statement.executeQuery()) {
                      while (rs.next()) {
                        lines.add(rs.getString(1));
                      }
                    }
                  }
                  return lines;
                }));
  }
}
