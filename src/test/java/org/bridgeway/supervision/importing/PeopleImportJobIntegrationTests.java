package org.bridgeway.supervision.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.Principals;
import org.bridgeway.testing.SupervisionFixtures;
import org.bridgeway.testing.TestUsers;
import org.bridgeway.testing.TestUsers.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The import as a background job: its progress through the phases (nothing is visible before the
 * one write commits), who sees a job, a retried upload, and what a restart does to a job that was
 * running.
 */
@IntegrationTest
@AutoConfigureMockMvc
class PeopleImportJobIntegrationTests {

  /** The advisory lock that serializes appends to the audit chain (audit's AuditEntries). */
  static final long AUDIT_CHAIN_LOCK = 0x61_75_64_69_74L;

  static final String IMPORTS = "/api/v1/supervision/imports";

  @Autowired MockMvc mvc;
  @Autowired TestUsers testUsers;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  @Autowired PeopleImportRunner runner;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired DataSource dataSource;
  @Autowired OneTimeTask<Void> supervisionImportTask;

  OrganizationId agency;
  BridgewayPrincipal admin;
  TestUser officer;
  String tag;

  @BeforeEach
  void setUp() {
    agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    admin = SupervisionFixtures.administratorOf(agency);
    officer = testUsers.withoutSecondFactor(agency, Role.OFFICER);
    tag = Long.toHexString(UUID.randomUUID().getMostSignificantBits()).substring(0, 8);
  }

  /** A file of {@code people} people, each with one case. */
  private String file(int people) {
    LocalDate today = LocalDate.now(clock);
    StringBuilder csv =
        new StringBuilder(
            "agency_id,given_name,family_name,date_of_birth,supervision_type,court,docket_number,"
                + "offense_category,offense_description,start_date,expected_end_date,level,"
                + "officer_email\n");
    for (int i = 0; i < people; i++) {
      csv.append(
          "J-%s-%d,Ana%s%d,Job%s%d,%s,PROBATION,Superior Court,CR-%d,PROPERTY,Theft,%s,%s,LOW,%s\n"
              .formatted(
                  tag,
                  i,
                  tag,
                  i,
                  tag,
                  i,
                  LocalDate.of(1960, 1, 1).plusDays(i * 37L),
                  i,
                  today.minusMonths(1),
                  today.plusYears(1),
                  officer.email()));
    }
    return csv.toString();
  }

  @Test
  void aJobGoesFromQueuedThroughCheckingAndWritingAndNothingIsVisibleBeforeItCommits()
      throws Exception {
    JsonNode queued = upload(file(5), admin, 202);
    UUID id = UUID.fromString(queued.get("id").asString());
    assertThat(queued.get("status").asString()).isEqualTo("QUEUED");
    assertThat(queued.get("rows").asInt()).isEqualTo(5);
    assertThat(queued.get("percent").asInt()).isZero();

    TransactionTemplate transactions = new TransactionTemplate(transactionManager);
    ExecutorService threads = Executors.newFixedThreadPool(3);
    CountDownLatch peopleLocked = new CountDownLatch(1);
    CountDownLatch auditLocked = new CountDownLatch(1);
    CountDownLatch releasePeople = new CountDownLatch(1);
    CountDownLatch releaseAudit = new CountDownLatch(1);
    try {
      // The audit trail's chain lock, held here as a committing writer holds it, stops the job
      // where its audit entries join the chain, just before its write commits; a lock on the
      // people table stops its check at the first duplicate search.
      Future<?> holdingAudit =
          threads.submit(
              () ->
                  transactions.executeWithoutResult(
                      tx -> {
                        jdbc.sql("SELECT true FROM pg_advisory_xact_lock(:key)")
                            .param("key", AUDIT_CHAIN_LOCK)
                            .query(Boolean.class)
                            .single();
                        auditLocked.countDown();
                        await(releaseAudit);
                        tx.setRollbackOnly();
                      }));
      assertThat(auditLocked.await(10, TimeUnit.SECONDS)).isTrue();
      Future<?> holdingPeople =
          threads.submit(
              () ->
                  transactions.executeWithoutResult(
                      tx -> {
                        jdbc.sql("LOCK TABLE supervision_person IN ACCESS EXCLUSIVE MODE").update();
                        peopleLocked.countDown();
                        await(releasePeople);
                      }));
      assertThat(peopleLocked.await(10, TimeUnit.SECONDS)).isTrue();
      Future<?> running = threads.submit(() -> runner.run(id));

      JsonNode checking = awaitJob(id, job -> job.get("status").asString().equals("VALIDATING"));
      assertThat(checking.get("rowsWritten").asInt()).isZero();
      assertThat(checking.get("startedAt").isNull()).isFalse();
      releasePeople.countDown();
      holdingPeople.get(10, TimeUnit.SECONDS);

      JsonNode writing =
          awaitJob(
              id,
              job ->
                  job.get("status").asString().equals("WRITING")
                      && job.get("rowsWritten").asInt() == 5);
      assertThat(writing.get("rowsValidated").asInt()).isEqualTo(5);
      assertThat(writing.get("percent").asInt()).isEqualTo(100);
      assertThat(peopleOfAgency()).as("the write is one transaction, not yet committed").isZero();

      releaseAudit.countDown();
      holdingAudit.get(10, TimeUnit.SECONDS);
      running.get(30, TimeUnit.SECONDS);
    } finally {
      releasePeople.countDown();
      releaseAudit.countDown();
      threads.shutdownNow();
    }
    JsonNode done = job(id, admin, 200);
    assertThat(done.get("status").asString()).isEqualTo("SUCCEEDED");
    assertThat(done.get("rowsWritten").asInt()).isEqualTo(5);
    assertThat(done.get("finishedAt").isNull()).isFalse();
    assertThat(done.get("report").get("casesCreated").asInt()).isEqualTo(5);
    assertThat(peopleOfAgency()).isEqualTo(5);
    assertThat(
            jdbc.sql("SELECT payload IS NULL FROM supervision_import_job WHERE id = ?")
                .param(id)
                .query(Boolean.class)
                .single())
        .as("the uploaded file is dropped once the job is done")
        .isTrue();

    runner.run(id);
    assertThat(peopleOfAgency()).as("a finished job does not run again").isEqualTo(5);
  }

  @Test
  void onlyTheAgencysAdministratorsSeeItsJobs() throws Exception {
    UUID id = UUID.fromString(upload(file(1), admin, 202).get("id").asString());
    job(
        id,
        Principals.apiClient(agency, OrganizationKind.PROBATION_AGENCY, Role.NETWORK_ADMIN),
        200);

    OrganizationId other = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    for (BridgewayPrincipal outsider :
        List.of(
            SupervisionFixtures.administratorOf(other),
            Principals.apiClient(other, OrganizationKind.PROBATION_AGENCY, Role.NETWORK_ADMIN))) {
      job(id, outsider, 404);
      send(get(IMPORTS + "/" + id + "/errors"), outsider, 404);
      send(get("/supervision/imports/" + id), outsider, 404);
    }
    job(UUID.randomUUID(), admin, 404);
    job(id, Principals.apiClient(agency, OrganizationKind.PROBATION_AGENCY, Role.OFFICER), 403);
  }

  @Test
  void aRetriedUploadWithTheSameIdempotencyKeyQueuesOneJob() throws Exception {
    String file = file(2);
    String key = UUID.randomUUID().toString();
    JsonNode first =
        send(
            post(IMPORTS)
                .contentType("text/csv")
                .header("Idempotency-Key", key)
                .content(file.getBytes(StandardCharsets.UTF_8)),
            admin,
            202);
    JsonNode again =
        send(
            post(IMPORTS)
                .contentType("text/csv")
                .header("Idempotency-Key", key)
                .content(file.getBytes(StandardCharsets.UTF_8)),
            admin,
            202);
    assertThat(again.get("id").asString()).isEqualTo(first.get("id").asString());
    assertThat(
            jdbc.sql("SELECT count(*) FROM supervision_import_job WHERE organization_id = ?")
                .param(agency.value())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  /**
   * A node died while the job was writing: its execution is still marked picked, with a heartbeat
   * long gone. A scheduler that starts revives it and the job runs again from the start.
   */
  @Test
  void aJobInterruptedByACrashRunsAgainWhenASchedulerStarts() throws Exception {
    UUID id = UUID.fromString(upload(file(3), admin, 202).get("id").asString());
    jdbc.sql("UPDATE supervision_import_job SET status = 'WRITING', attempts = 1 WHERE id = ?")
        .param(id)
        .update();
    jdbc.sql(
            "UPDATE scheduled_tasks SET picked = TRUE, picked_by = 'dead-node',"
                + " last_heartbeat = ?, version = version + 1"
                + " WHERE task_name = ? AND task_instance = ?")
        .params(
            Timestamp.from(clock.instant().minus(Duration.ofHours(1))),
            PeopleImportTask.TASK,
            id.toString())
        .update();

    // db-scheduler revives a dead execution by the wall clock: its clock must not start behind it.
    Instant start = Collections.max(List.of(clock.instant(), Instant.now()));
    long started = System.nanoTime();
    Scheduler scheduler =
        Scheduler.create(dataSource, supervisionImportTask)
            .pollingInterval(Duration.ofMillis(200))
            .heartbeatInterval(Duration.ofMillis(300))
            .clock(() -> start.plusNanos(System.nanoTime() - started))
            .threads(1)
            .build();
    try {
      scheduler.start();
      awaitJob(id, job -> job.get("status").asString().equals("SUCCEEDED"));
    } finally {
      scheduler.stop();
    }
    assertThat(
            jdbc.sql("SELECT attempts FROM supervision_import_job WHERE id = ?")
                .param(id)
                .query(Integer.class)
                .single())
        .isEqualTo(2);
    assertThat(peopleOfAgency()).isEqualTo(3);
  }

  @Test
  void aJobInterruptedTooOftenIsMarkedFailedAndWritesNothing() throws Exception {
    UUID id = UUID.fromString(upload(file(2), admin, 202).get("id").asString());
    jdbc.sql("UPDATE supervision_import_job SET status = 'WRITING', attempts = 3 WHERE id = ?")
        .param(id)
        .update();

    runner.run(id);

    JsonNode failed = job(id, admin, 200);
    assertThat(failed.get("status").asString()).isEqualTo("FAILED");
    assertThat(failed.get("report").get("errors").get(0).get("code").asString())
        .isEqualTo("Interrupted");
    assertThat(failed.get("errorReport").asString()).endsWith("/" + id + "/errors");
    assertThat(peopleOfAgency()).isZero();
    assertThat(
            jdbc.sql(
                    "SELECT details->>'reason' FROM audit_entry WHERE record_id = ?"
                        + " AND action = 'supervision.import' AND outcome = 'FAILURE'")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo("Interrupted");
  }

  private JsonNode awaitJob(UUID id, Predicate<JsonNode> condition) {
    return Awaitility.await("the job " + id)
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> job(id, admin, 200), condition::test);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private long peopleOfAgency() {
    return jdbc.sql("SELECT count(*) FROM supervision_person WHERE organization_id = ?")
        .param(agency.value())
        .query(Long.class)
        .single();
  }

  private JsonNode upload(String file, BridgewayPrincipal who, int expected) throws Exception {
    return send(
        post(IMPORTS).contentType("text/csv").content(file.getBytes(StandardCharsets.UTF_8)),
        who,
        expected);
  }

  private JsonNode job(UUID id, BridgewayPrincipal who, int expected) throws Exception {
    return send(get(IMPORTS + "/" + id), who, expected);
  }

  private JsonNode send(MockHttpServletRequestBuilder request, BridgewayPrincipal who, int expected)
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
