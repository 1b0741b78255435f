package org.bridgeway.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditLog;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.audit.ChainVerification;
import org.bridgeway.audit.ChainVerification.Break;
import org.bridgeway.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hash chain against the real database. Tampering tests change a row behind the triggers' back,
 * as a superuser could, and always put it back, because the database is shared with the other
 * integration tests.
 */
@IntegrationTest
@AutoConfigureMockMvc
class AuditChainIntegrationTests {

  @Autowired AuditTrail trail;
  @Autowired AuditLog auditLog;
  @Autowired AuditEntries entries;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired ApplicationContext context;

  private final String action = "test.chain." + UUID.randomUUID();

  @BeforeEach
  void chainIsIntactToStartWith() {
    assertThat(auditLog.verifyChain().intact()).isTrue();
  }

  @Test
  void theChainVerifiesAfterMoreAppendsThanOneVerificationBatch() {
    long before = count();
    for (int i = 0; i < ChainVerifier.BATCH + 50; i++) {
      trail.record(AuditEvent.success(action).withDetail("n", Integer.toString(i)));
    }

    ChainVerification result = auditLog.verifyChain();

    assertThat(result.intact()).isTrue();
    assertThat(result.entriesChecked()).isGreaterThanOrEqualTo(before + ChainVerifier.BATCH + 50);
    assertThat(result.headHash()).isEqualTo(hashBeforeTheNewestVerification());
  }

  @Test
  void concurrentAppendsFromManyThreadsFormOneChainWithoutForks() throws Exception {
    int threads = 8;
    int appendsPerThread = 25;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String thread = Integer.toString(t);
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < appendsPerThread; i++) {
                    if (i % 5 == 0) {
                      // Several entries in one transaction, as a command that audits twice would.
                      transaction.executeWithoutResult(
                          status -> {
                            trail.record(AuditEvent.success(action).withDetail("thread", thread));
                            trail.record(AuditEvent.success(action).withDetail("thread", thread));
                          });
                    } else {
                      trail.record(AuditEvent.success(action).withDetail("thread", thread));
                    }
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> future : done) {
        future.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(countOf(action)).isEqualTo(threads * (appendsPerThread + appendsPerThread / 5));
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) - count(DISTINCT previous_hash) FROM audit_entry", Long.class))
        .as("entries sharing a predecessor")
        .isZero();
    assertThat(auditLog.verifyChain().intact()).isTrue();
  }

  @Test
  void anAlteredEntryIsReportedAtExactlyItsSeq() {
    long seq = append();
    append();
    StoredEntry original = stored(seq);

    try {
      behindTheTriggers("UPDATE audit_entry SET purpose = 'changed' WHERE seq = ?", seq);

      ChainVerification result = auditLog.verifyChain();

      assertThat(result.intact()).isFalse();
      assertThat(result.brokenAtSeq()).isEqualTo(seq);
      assertThat(result.breakKind()).isEqualTo(Break.HASH_MISMATCH);
      assertThat(result.headHash()).isEqualTo(original.previousHash());
    } finally {
      behindTheTriggers("UPDATE audit_entry SET purpose = NULL WHERE seq = ?", seq);
    }
    assertThat(auditLog.verifyChain().intact()).isTrue();
  }

  @Test
  void anAlteredDetailIsReportedAtItsSeq() {
    long seq = append();

    try {
      behindTheTriggers(
          "UPDATE audit_entry SET details = '{\"n\": \"forged\"}'::jsonb WHERE seq = ?", seq);

      assertThat(auditLog.verifyChain().brokenAtSeq()).isEqualTo(seq);
    } finally {
      behindTheTriggers(
          "UPDATE audit_entry SET details = '{\"n\": \"x\"}'::jsonb WHERE seq = ?", seq);
    }
  }

  @Test
  void detailsThatTheApplicationNeverWritesAreReportedAsABreakNotAnError() {
    long seq = append();

    try {
      behindTheTriggers("UPDATE audit_entry SET details = '{\"n\": 5}'::jsonb WHERE seq = ?", seq);

      ChainVerification result = auditLog.verifyChain();

      assertThat(result.brokenAtSeq()).isEqualTo(seq);
      assertThat(result.breakKind()).isEqualTo(Break.HASH_MISMATCH);
    } finally {
      behindTheTriggers(
          "UPDATE audit_entry SET details = '{\"n\": \"x\"}'::jsonb WHERE seq = ?", seq);
    }
  }

  @Test
  void anAlteredAndReHashedEntryBreaksTheLinkOfTheNextOne() {
    long seq = append();
    long next = append();
    StoredEntry original = stored(seq);
    CanonicalEntry forged =
        new CanonicalEntry(
            original.id(),
            original.occurredAt(),
            original.actorRef(),
            original.actorUserId(),
            original.organizationId(),
            "test.chain.innocent",
            original.canonical().outcome(),
            original.recordType(),
            original.recordId(),
            original.personId(),
            original.purpose(),
            original.sourceAddress(),
            original.sessionRef(),
            original.canonical().details());

    try {
      behindTheTriggers(
          "UPDATE audit_entry SET action = ?, hash = ? WHERE seq = ?",
          forged.action(),
          forged.chainHash(original.previousHash()),
          seq);

      ChainVerification result = auditLog.verifyChain();

      assertThat(result.brokenAtSeq()).isEqualTo(next);
      assertThat(result.breakKind()).isEqualTo(Break.PREVIOUS_HASH_MISMATCH);
    } finally {
      behindTheTriggers(
          "UPDATE audit_entry SET action = ?, hash = ? WHERE seq = ?",
          original.action(),
          original.hash(),
          seq);
    }
    assertThat(auditLog.verifyChain().intact()).isTrue();
  }

  @Test
  void aRemovedEntryBreaksTheLinkOfTheNextOne() {
    long seq = append();
    long next = append();
    Map<String, Object> saved =
        jdbc.queryForMap(
            "SELECT *, occurred_at::text AS occurred_text, details::text AS details_text"
                + " FROM audit_entry WHERE seq = ?",
            seq);

    try {
      behindTheTriggers("DELETE FROM audit_entry WHERE seq = ?", seq);

      ChainVerification result = auditLog.verifyChain();

      assertThat(result.brokenAtSeq()).isEqualTo(next);
      assertThat(result.breakKind()).isEqualTo(Break.PREVIOUS_HASH_MISMATCH);
    } finally {
      jdbc.update(
          """
          INSERT INTO audit_entry (seq, id, occurred_at, actor_ref, actor_user_id, organization_id,
              action, outcome, record_type, record_id, person_id, purpose, source_address,
              session_ref, details, previous_hash, hash)
          VALUES (?, ?, CAST(? AS timestamptz), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)
          """,
          saved.get("seq"),
          saved.get("id"),
          saved.get("occurred_text"),
          saved.get("actor_ref"),
          saved.get("actor_user_id"),
          saved.get("organization_id"),
          saved.get("action"),
          saved.get("outcome"),
          saved.get("record_type"),
          saved.get("record_id"),
          saved.get("person_id"),
          saved.get("purpose"),
          saved.get("source_address"),
          saved.get("session_ref"),
          saved.get("details_text"),
          saved.get("previous_hash"),
          saved.get("hash"));
    }
    assertThat(auditLog.verifyChain().intact()).isTrue();
  }

  @Test
  void theCommandReportsATamperedTrailWithExitStatusOne() {
    long seq = append();
    AuditVerificationCommand command = new AuditVerificationCommand(auditLog, null);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    assertThat(command.verifyAndReport(out)).isZero();
    try {
      behindTheTriggers("UPDATE audit_entry SET purpose = 'changed' WHERE seq = ?", seq);

      assertThat(command.verifyAndReport(out)).isEqualTo(1);
      assertThat(printed.toString(StandardCharsets.UTF_8)).contains("BROKEN at seq " + seq);
    } finally {
      behindTheTriggers("UPDATE audit_entry SET purpose = NULL WHERE seq = ?", seq);
    }
    assertThat(command.verifyAndReport(out)).isZero();
  }

  @Test
  void verifyingIsItselfAudited() {
    long before = countOf("audit.verify");

    auditLog.verifyChain();

    assertThat(countOf("audit.verify")).isEqualTo(before + 1);
    assertThat(
            jdbc.queryForObject(
                "SELECT actor_ref FROM audit_entry WHERE action = 'audit.verify'"
                    + " ORDER BY seq DESC LIMIT 1",
                String.class))
        .isEqualTo("system");
  }

  @Test
  void theCommandRunsOnlyWhenAskedFor() {
    assertThat(context.getBeansOfType(AuditVerificationCommand.class)).isEmpty();
  }

  private StoredEntry stored(long seq) {
    return entries.after(seq - 1, 1).getFirst();
  }

  private long append() {
    trail.record(AuditEvent.success(action).withDetail("n", "x"));
    return jdbc.queryForObject(
        "SELECT max(seq) FROM audit_entry WHERE action = ?", Long.class, action);
  }

  /** Runs a change with the append-only triggers off, in one transaction, as a superuser can. */
  private void behindTheTriggers(String sql, Object... arguments) {
    transaction.executeWithoutResult(
        status -> {
          jdbc.execute("ALTER TABLE audit_entry DISABLE TRIGGER ALL");
          jdbc.update(sql, arguments);
          jdbc.execute("ALTER TABLE audit_entry ENABLE TRIGGER ALL");
        });
  }

  private String hashBeforeTheNewestVerification() {
    // The verification itself was audited after the walk, so the head it reports is the entry
    // just before the newest audit.verify entry.
    return jdbc.queryForObject(
        "SELECT previous_hash FROM audit_entry WHERE action = 'audit.verify'"
            + " ORDER BY seq DESC LIMIT 1",
        String.class);
  }

  private long count() {
    return jdbc.queryForObject("SELECT count(*) FROM audit_entry", Long.class);
  }

  private long countOf(String anAction) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM audit_entry WHERE action = ?", Long.class, anAction);
  }
}
