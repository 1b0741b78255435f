package org.bridgeway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.shared.security.Actor;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.MutableClock;
import org.bridgeway.testing.Principals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

@IntegrationTest
@AutoConfigureMockMvc
class AuditTrailIntegrationTests {

  @Autowired AuditTrail trail;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired MutableClock clock;

  private final String action = "test.trail." + UUID.randomUUID();

  @AfterEach
  void clearThreadState() {
    SecurityContextHolder.clearContext();
    RequestContextHolder.resetRequestAttributes();
  }

  @Test
  void anEntryCarriesTheActorAndOrganizationOfTheSecurityContext() {
    BridgewayPrincipal officer =
        Principals.user(OrganizationId.random(), OrganizationKind.PROBATION_AGENCY, Role.OFFICER);
    SecurityContextHolder.getContext().setAuthentication(Principals.authenticationOf(officer));
    UUID person = UUID.randomUUID();
    UUID record = UUID.randomUUID();

    trail.record(
        AuditEvent.success(action)
            .withRecord("case", record)
            .withPerson(person)
            .withPurpose("TREATMENT")
            .withDetail("reason", "review"));

    Map<String, Object> row = onlyRowOf(action);
    assertThat(row)
        .containsEntry("actor_ref", "user:" + officer.userId())
        .containsEntry("actor_user_id", officer.userId())
        .containsEntry("organization_id", officer.organizationId())
        .containsEntry("outcome", "SUCCESS")
        .containsEntry("record_type", "case")
        .containsEntry("record_id", record)
        .containsEntry("person_id", person)
        .containsEntry("purpose", "TREATMENT")
        .containsEntry("details_text", "{\"reason\": \"review\"}");
  }

  @Test
  void theEventsOwnActorTakesPrecedenceOverTheSecurityContext() {
    SecurityContextHolder.getContext()
        .setAuthentication(
            Principals.authenticationOf(
                Principals.user(OrganizationId.random(), OrganizationKind.COURT, Role.OFFICER)));
    BridgewayPrincipal client =
        Principals.apiClient(OrganizationId.random(), OrganizationKind.COURT, Role.PARTNER_STAFF);

    trail.record(AuditEvent.denied(action).withActor(client));

    assertThat(onlyRowOf(action))
        .containsEntry("actor_ref", "token:" + client.apiTokenId())
        .containsEntry("actor_user_id", null)
        .containsEntry("organization_id", client.organizationId())
        .containsEntry("outcome", "DENIED");
  }

  @Test
  void withoutAnyActorOrRequestTheEntryIsAnonymousAndHasNoOrigin() {
    // The test framework binds a mock request to every test thread; a job or a listener has none.
    RequestContextHolder.resetRequestAttributes();

    trail.record(AuditEvent.failure(action).withDetail("reason", "bad-password"));

    assertThat(onlyRowOf(action))
        .containsEntry("actor_ref", "anonymous")
        .containsEntry("actor_user_id", null)
        .containsEntry("organization_id", null)
        .containsEntry("source_address", null)
        .containsEntry("session_ref", null);
  }

  @Test
  void aJobActingAsTheSystemIsRecordedAsSystem() {
    Actor system = Actor.system();

    trail.record(AuditEvent.success(action).withActor(system));

    assertThat(onlyRowOf(action)).containsEntry("actor_ref", "system");
  }

  @Test
  void theTimeComesFromTheApplicationClockToTheMicrosecond() {
    Instant before = clock.instant();
    clock.set(Instant.parse("2001-02-03T04:05:06.123456789Z"));
    try {
      trail.record(AuditEvent.success(action));
    } finally {
      clock.set(before);
    }

    Instant stored =
        jdbc.queryForObject(
                "SELECT occurred_at FROM audit_entry WHERE action = ?",
                OffsetDateTime.class,
                action)
            .toInstant();
    assertThat(stored).isEqualTo(Instant.parse("2001-02-03T04:05:06.123456Z"));
  }

  @Test
  void theRequestAddressIsRecordedAndTheSessionOnlyAsAHashOfItsId() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setRemoteAddr("203.0.113.7");
    request.setSession(new MockHttpSession(null, "the-session-id"));
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

    trail.record(AuditEvent.success(action));

    String expected =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest("the-session-id".getBytes(StandardCharsets.UTF_8)));
    assertThat(onlyRowOf(action))
        .containsEntry("source_address", "203.0.113.7")
        .containsEntry("session_ref", expected);
  }

  @Test
  void auditingARequestWithoutASessionDoesNotCreateOne() {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setRemoteAddr("2001:db8::1");
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

    trail.record(AuditEvent.success(action));

    assertThat(request.getSession(false)).isNull();
    assertThat(onlyRowOf(action))
        .containsEntry("source_address", "2001:db8::1")
        .containsEntry("session_ref", null);
  }

  @Test
  void anEntryWrittenInATransactionThatRollsBackIsGoneWithTheAction() {
    String marker = "rolled-back-" + UUID.randomUUID();
    transaction.executeWithoutResult(
        status -> {
          jdbc.update(
              "INSERT INTO api_idempotency (scope, idempotency_key, request_hash, created_at)"
                  + " VALUES ('audit-test', ?, 'x', now())",
              marker);
          trail.record(AuditEvent.success(action));
          status.setRollbackOnly();
        });

    assertThat(rowsOf(action)).isEmpty();
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM api_idempotency WHERE idempotency_key = ?",
                Long.class,
                marker))
        .isZero();
  }

  @Test
  void aTransactionThatHasRecordedButNotCommittedKeepsNoOtherWriterWaiting() throws Exception {
    String second = action + ".second";
    CountDownLatch recorded = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
      Future<?> slow =
          threads.submit(
              () ->
                  transaction.executeWithoutResult(
                      status -> {
                        trail.record(AuditEvent.success(action));
                        recorded.countDown();
                        await(release);
                      }));
      assertThat(recorded.await(10, TimeUnit.SECONDS)).isTrue();

      // Appending takes the chain's lock until commit: were the first entry appended when it was
      // recorded, this transaction would wait for the first to end.
      threads
          .submit(
              () -> transaction.executeWithoutResult(s -> trail.record(AuditEvent.success(second))))
          .get(10, TimeUnit.SECONDS);
      assertThat(rowsOf(second)).hasSize(1);
      assertThat(rowsOf(action)).isEmpty();

      release.countDown();
      slow.get(10, TimeUnit.SECONDS);
    }
    assertThat(rowsOf(action)).hasSize(1);
  }

  @Test
  void theEntriesOfAnInnerNewTransactionCommitWithItAndNotWithTheOuterOne() {
    String inner = action + ".inner";
    TransactionTemplate requiresNew = new TransactionTemplate(transaction.getTransactionManager());
    requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

    transaction.executeWithoutResult(
        outer -> {
          trail.record(AuditEvent.success(action));
          requiresNew.executeWithoutResult(s -> trail.record(AuditEvent.success(inner)));
          assertThat(rowsOf(inner)).hasSize(1);
          outer.setRollbackOnly();
        });

    assertThat(rowsOf(inner)).hasSize(1);
    assertThat(rowsOf(action)).isEmpty();
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anEntryWrittenInATransactionThatCommitsIsKept() {
    transaction.executeWithoutResult(status -> trail.record(AuditEvent.success(action)));

    assertThat(rowsOf(action)).hasSize(1);
  }

  @Test
  void theDatabaseRefusesToUpdateAnEntry() {
    trail.record(AuditEvent.success(action));

    assertThatThrownBy(
            () ->
                inTransactionRolledBack(
                    "UPDATE audit_entry SET outcome = 'FAILURE' WHERE action = '" + action + "'"))
        .isInstanceOf(DataIntegrityViolationException.class)
        .rootCause()
        .hasMessageContaining("append-only");
    assertThat(onlyRowOf(action)).containsEntry("outcome", "SUCCESS");
  }

  @Test
  void theDatabaseRefusesToDeleteAnEntry() {
    trail.record(AuditEvent.success(action));

    assertThatThrownBy(
            () ->
                inTransactionRolledBack("DELETE FROM audit_entry WHERE action = '" + action + "'"))
        .isInstanceOf(DataIntegrityViolationException.class)
        .rootCause()
        .hasMessageContaining("append-only");
    assertThat(rowsOf(action)).hasSize(1);
  }

  @Test
  void theDatabaseRefusesToTruncateTheTrail() {
    trail.record(AuditEvent.success(action));

    // Rolled back in any case, so that a failing test cannot empty the shared database.
    assertThatThrownBy(() -> inTransactionRolledBack("TRUNCATE audit_entry"))
        .isInstanceOf(DataIntegrityViolationException.class)
        .rootCause()
        .hasMessageContaining("append-only");
    assertThat(rowsOf(action)).hasSize(1);
  }

  private void inTransactionRolledBack(String sql) {
    transaction.executeWithoutResult(
        status -> {
          status.setRollbackOnly();
          jdbc.execute(sql);
        });
  }

  private Map<String, Object> onlyRowOf(String action) {
    List<Map<String, Object>> rows = rowsOf(action);
    assertThat(rows).hasSize(1);
    return rows.getFirst();
  }

  private List<Map<String, Object>> rowsOf(String action) {
    return jdbc.queryForList(
        "SELECT *, details::text AS details_text FROM audit_entry WHERE action = ?", action);
  }
}
