package org.bridgeway.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One entry of the audit trail as stored.
 *
 * @param seq the position in the hash chain
 * @param actorRef {@code user:<uuid>}, {@code token:<uuid>}, {@code system} or {@code anonymous}
 * @param sourceAddress the remote address of the request; null outside a request
 * @param sessionRef the SHA-256 of the session id, never the id itself; null without a session
 */
public record AuditEntry(
    long seq,
    UUID id,
    Instant occurredAt,
    String actorRef,
    UUID actorUserId,
    UUID organizationId,
    String action,
    AuditOutcome outcome,
    String recordType,
    UUID recordId,
    UUID personId,
    String purpose,
    String sourceAddress,
    String sessionRef,
    Map<String, String> details) {

  public AuditEntry {
    details = details == null ? Map.of() : Map.copyOf(details);
  }
}
