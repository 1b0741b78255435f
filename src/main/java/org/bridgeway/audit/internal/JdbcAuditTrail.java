package org.bridgeway.audit.internal;

import java.time.Clock;
import java.util.TreeMap;
import java.util.UUID;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.shared.security.Actor;
import org.bridgeway.shared.security.Actors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends to the hash chain inside the caller's transaction, so an action and its entry commit or
 * roll back together. REQUIRED, not MANDATORY: a failed sign-in changes nothing else and has no
 * transaction of its own.
 *
 * <p>Appends are serialized by a transaction-scoped advisory lock taken before the chain head is
 * read, so two transactions can never both link to the same predecessor. The lock is held until the
 * caller's transaction ends: callers should record at the end of their work, not at its start, to
 * keep that window short.
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
    RequestOrigin origin = RequestOrigin.current();
    entries.lockChainUntilCommit();
    // Read the time under the lock, so that time order and chain order agree on one node.
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
            origin.address(),
            origin.sessionRef(),
            new TreeMap<>(event.details()));
    String previousHash = entries.headHash();
    entries.append(entry, previousHash, entry.chainHash(previousHash));
  }
}
