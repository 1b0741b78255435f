package org.bridgeway.audit;

/**
 * Appends entries to the audit trail. The entry is written in the caller's transaction, so an
 * action and its audit entry commit or roll back together; outside a transaction the entry is
 * written on its own (used for failed sign-ins, which change nothing else).
 *
 * <p>The acting user, organization, source address and session are taken from the current request
 * unless the event names an actor itself.
 */
public interface AuditTrail {

  void record(AuditEvent event);
}
