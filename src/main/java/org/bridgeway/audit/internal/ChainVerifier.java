package org.bridgeway.audit.internal;

import java.util.List;
import org.bridgeway.audit.ChainVerification;
import org.bridgeway.audit.ChainVerification.Break;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Walks the hash chain from the first entry and stops at the first broken link. */
@Component
class ChainVerifier {

  /** Entries read per query; the walk keeps only one batch in memory. */
  static final int BATCH = 1_000;

  private final AuditEntries entries;
  private final TransactionTemplate snapshot;

  ChainVerifier(AuditEntries entries, PlatformTransactionManager transactions) {
    this.entries = entries;
    this.snapshot = new TransactionTemplate(transactions);
    // One snapshot for the whole walk, so that appends during it cannot make it see a half chain;
    // a new transaction because the walk must not join (and be limited by) a caller's.
    snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    snapshot.setReadOnly(true);
  }

  ChainVerification verify() {
    return snapshot.execute(status -> walk());
  }

  private ChainVerification walk() {
    String expectedPrevious = CanonicalEntry.GENESIS_HASH;
    long verified = 0;
    long lastSeq = Long.MIN_VALUE;
    List<StoredEntry> batch;
    do {
      batch = entries.after(lastSeq, BATCH);
      for (StoredEntry stored : batch) {
        if (!expectedPrevious.equals(stored.previousHash())) {
          return ChainVerification.broken(
              verified, stored.seq(), Break.PREVIOUS_HASH_MISMATCH, expectedPrevious);
        }
        if (!hashHolds(stored)) {
          return ChainVerification.broken(
              verified, stored.seq(), Break.HASH_MISMATCH, expectedPrevious);
        }
        expectedPrevious = stored.hash();
        verified++;
        lastSeq = stored.seq();
      }
    } while (batch.size() == BATCH);
    return ChainVerification.intact(verified, expectedPrevious);
  }

  private static boolean hashHolds(StoredEntry stored) {
    try {
      return stored.canonical().chainHash(stored.previousHash()).equals(stored.hash());
    } catch (IllegalArgumentException undecodable) {
      // A value the application never writes: the row was changed behind its back.
      return false;
    }
  }
}
