package org.bridgeway.audit.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.shared.security.Actor;
import org.bridgeway.shared.security.Actors;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends to the hash chain inside the caller's transaction, so an action and its entry commit or
 * roll back together. REQUIRED, not MANDATORY: a failed sign-in changes nothing else and has no
 * transaction of its own.
 *
 * <p>Appends are serialized by a transaction-scoped advisory lock taken before the chain head is
 * read, so two transactions can never both link to the same predecessor. The lock is held until the
 * transaction ends, so entries are not appended when they are recorded but just before the commit
 * ({@link TransactionSynchronization#beforeCommit}), all of a transaction's at once: the chain is
 * then locked only for the last statements and the commit, not for the rest of the caller's work,
 * and concurrent writers queue for milliseconds instead of for whole transactions. Who acted and
 * from where are taken when the entry is recorded; the time is read under the lock, so that time
 * order and chain order agree on one node.
 */
@Service
class JdbcAuditTrail implements AuditTrail {

  static final String ANONYMOUS = "anonymous";

  private final AuditEntries entries;
  private final Clock clock;

  JdbcAuditTrail(AuditEntries entries, Clock clock) {
    this.entries = entries;
    this.clock = clock;
  }

  @Override
  @Transactional(propagation = Propagation.REQUIRED)
  public void record(AuditEvent event) {
    Actor actor = event.actor() != null ? event.actor() : Actors.current().orElse(null);
    pendingOfThisTransaction().add(new Pending(event, actor, RequestOrigin.current()));
  }

  /** An entry recorded in the transaction, waiting for its commit. */
  private record Pending(AuditEvent event, Actor actor, RequestOrigin origin) {}

  /**
   * The entries recorded in the current transaction, bound to it as a resource. The binding follows
   * the transaction: an inner REQUIRES_NEW transaction suspends it (see {@link
   * AppendAtCommit#suspend}), so that its entries commit with it and not with the outer one. Not
   * found by scanning the transaction's synchronizations: every event published in a transaction
   * adds one per listener, and the scan sorts them all on each call, which made a transaction that
   * records thousands of entries and events quadratic.
   */
  private AppendAtCommit pendingOfThisTransaction() {
    if (TransactionSynchronizationManager.getResource(this) instanceof AppendAtCommit pending) {
      return pending;
    }
    AppendAtCommit pending = new AppendAtCommit(this);
    TransactionSynchronizationManager.bindResource(this, pending);
    TransactionSynchronizationManager.registerSynchronization(pending);
    return pending;
  }

  private void append(List<Pending> pending) {
    entries.lockChainUntilCommit();
    String previousHash = entries.headHash();
    for (Pending p : pending) {
      AuditEvent event = p.event();
      Actor actor = p.actor();
      CanonicalEntry entry =
          new CanonicalEntry(
              UUID.randomUUID(),
              clock.instant(),
              actor == null ? ANONYMOUS : actor.reference(),
              actor == null ? null : actor.userId(),
              actor == null ? null : actor.organizationId(),
              event.action(),
              event.outcome(),
              event.recordType(),
              event.recordId(),
              event.personId(),
              event.purpose(),
              p.origin().address(),
              p.origin().sessionRef(),
              new TreeMap<>(event.details()));
      String hash = entry.chainHash(previousHash);
      entries.append(entry, previousHash, hash);
      previousHash = hash;
    }
  }

  /** Appends a transaction's entries, in the order recorded, just before it commits. */
  private static final class AppendAtCommit implements TransactionSynchronization {

    private final JdbcAuditTrail trail;
    private final List<Pending> pending = new ArrayList<>();

    AppendAtCommit(JdbcAuditTrail trail) {
      this.trail = trail;
    }

    void add(Pending entry) {
      pending.add(entry);
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      if (!pending.isEmpty()) {
        trail.append(List.copyOf(pending));
        pending.clear();
      }
    }

    @Override
    public void suspend() {
      TransactionSynchronizationManager.unbindResource(trail);
    }

    @Override
    public void resume() {
      TransactionSynchronizationManager.bindResource(trail, this);
    }

    @Override
    public void afterCompletion(int status) {
      TransactionSynchronizationManager.unbindResourceIfPossible(trail);
    }

    @Override
    public int getOrder() {
      // Last among the transaction's callbacks: anything they record still joins the chain.
      return Ordered.LOWEST_PRECEDENCE;
    }
  }
}
