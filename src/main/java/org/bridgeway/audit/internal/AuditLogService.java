package org.bridgeway.audit.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bridgeway.audit.AuditEntry;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditLog;
import org.bridgeway.audit.AuditQuery;
import org.bridgeway.audit.AuditSearchResult;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.audit.ChainVerification;
import org.bridgeway.shared.security.Actor;
import org.bridgeway.shared.security.Actors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrators' view of the trail. The reader's scope is decided here, from the current
 * authentication, and applied in the SQL, so no caller can widen it by what it passes in.
 */
@Service
class AuditLogService implements AuditLog {

  static final String NETWORK_ADMIN = "ROLE_NETWORK_ADMIN";
  static final String ORGANIZATION_ADMIN = "ROLE_ORGANIZATION_ADMIN";

  /** Who verifies when nobody is signed in: the command-line check. */
  private static final Actor SYSTEM = Actor.system();

  private final AuditEntries entries;
  private final ChainVerifier verifier;
  private final AuditTrail trail;

  AuditLogService(AuditEntries entries, ChainVerifier verifier, AuditTrail trail) {
    this.entries = entries;
    this.verifier = verifier;
    this.trail = trail;
  }

  @Override
  @Transactional
  public AuditSearchResult search(AuditQuery query) {
    UUID scope = organizationScopeOfReader();
    List<StoredEntry> rows = entries.search(query, scope);
    boolean hasNext = rows.size() > AuditQuery.PAGE_SIZE;
    List<AuditEntry> page =
        rows.stream().limit(AuditQuery.PAGE_SIZE).map(StoredEntry::toEntry).toList();
    // Recorded after the read so the page shows the trail as it was, and so the chain lock is
    // held only for the append itself.
    trail.record(searchEvent(query, scope));
    return new AuditSearchResult(page, query.page(), hasNext, scope);
  }

  @Override
  public ChainVerification verifyChain() {
    ChainVerification result = verifier.verify();
    AuditEvent event =
        AuditEvent.success("audit.verify")
            .withDetail("result", result.intact() ? "intact" : "broken")
            .withDetail("entries", Long.toString(result.entriesChecked()));
    if (!result.intact()) {
      event =
          event
              .withDetail("brokenAtSeq", result.brokenAtSeq().toString())
              .withDetail("break", result.breakKind().name());
    }
    if (Actors.current().isEmpty()) {
      event = event.withActor(SYSTEM);
    }
    trail.record(event);
    return result;
  }

  /**
   * Null for a network administrator (everything); the reader's own organization for an
   * organization administrator.
   */
  private static UUID organizationScopeOfReader() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    Collection<? extends GrantedAuthority> authorities =
        authentication == null ? List.of() : authentication.getAuthorities();
    if (has(authorities, NETWORK_ADMIN)) {
      return null;
    }
    Optional<UUID> organization = Actors.current().map(Actor::organizationId);
    if (has(authorities, ORGANIZATION_ADMIN) && organization.isPresent()) {
      return organization.get();
    }
    throw new AccessDeniedException("Only administrators may search the audit trail");
  }

  private static boolean has(Collection<? extends GrantedAuthority> authorities, String role) {
    return authorities.stream().anyMatch(a -> role.equals(a.getAuthority()));
  }

  private static AuditEvent searchEvent(AuditQuery query, UUID scope) {
    AuditEvent event =
        AuditEvent.success("audit.search")
            .withDetail("scope", scope == null ? "network" : "organization:" + scope)
            .withDetail("page", Integer.toString(query.page()));
    if (query.personId() != null) {
      event = event.withDetail("personId", query.personId().toString());
    }
    if (query.userId() != null) {
      event = event.withDetail("userId", query.userId().toString());
    }
    if (query.organizationId() != null) {
      event = event.withDetail("organizationId", query.organizationId().toString());
    }
    if (query.actionPrefix() != null) {
      event = event.withDetail("action", query.actionPrefix());
    }
    if (query.from() != null) {
      event = event.withDetail("from", query.from().toString());
    }
    if (query.until() != null) {
      event = event.withDetail("until", query.until().toString());
    }
    return event;
  }
}
