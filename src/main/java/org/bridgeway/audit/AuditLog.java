package org.bridgeway.audit;

/**
 * Reads the audit trail: the administrators' search and the verification of the hash chain. Both
 * are themselves audited ({@code audit.search}, {@code audit.verify}), because access to the audit
 * log is an administrative action.
 */
public interface AuditLog {

  /**
   * Finds entries, newest first, one page of {@link AuditQuery#PAGE_SIZE} at a time. The scope
   * follows the current user: a network administrator searches everything, an organization
   * administrator only the entries of their own organization, whatever the query says.
   *
   * @throws org.springframework.security.access.AccessDeniedException when the current user is
   *     neither
   */
  AuditSearchResult search(AuditQuery query);

  /**
   * Walks the whole trail in {@code seq} order, recomputes every hash and reports the first broken
   * link. Without an authenticated user (the command-line check) the verification is recorded as
   * done by the system.
   */
  ChainVerification verifyChain();
}
