package org.bridgeway.identity.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.Role;
import org.bridgeway.shared.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues, revokes and checks API tokens. */
@Service
public class ApiTokenService {

  static final String PREFIX = "bw_";

  /** A busy client's use is recorded once per this interval, not on every request. */
  static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

  private final ApiTokens tokens;
  private final AuditTrail audit;
  private final Clock clock;
  private final PresentedTokens presentedTokens;

  ApiTokenService(
      ApiTokens tokens, AuditTrail audit, Clock clock, PresentedTokens presentedTokens) {
    this.presentedTokens = presentedTokens;
    this.tokens = tokens;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Issues a token for an organization. An organization administrator may issue tokens for their
   * own organization and never with the network administrator role.
   */
  @Transactional
  public IssuedToken issue(
      BridgewayPrincipal by,
      OrganizationId organization,
      String name,
      Set<Role> roles,
      Instant expiresAt) {
    requireMayAdminister(by, organization);
    if (!by.mayGrant(roles)) {
      throw new IllegalArgumentException("Only a network administrator can grant that role");
    }
    return issueUnchecked(
        organization, name, roles, expiresAt, by.userId(), TokenHashing.newSecret(PREFIX));
  }

  /** Issues a token with a given secret value; used by demo data, which must be reproducible. */
  @Transactional
  public IssuedToken issueUnchecked(
      OrganizationId organization,
      String name,
      Set<Role> roles,
      Instant expiresAt,
      UUID createdBy,
      String value) {
    Instant now = clock.instant();
    ApiToken token =
        ApiToken.issue(
            UUID.randomUUID(),
            organization,
            name,
            roles,
            TokenHashing.sha256(value),
            createdBy,
            now,
            expiresAt);
    tokens.save(token);
    audit.record(
        AuditEvent.success("admin.api-token.issue")
            .withRecord("api-token", token.id())
            .withDetail("organization", organization.toString())
            .withDetail(
                "roles", String.join(",", roles.stream().map(Role::name).sorted().toList())));
    return new IssuedToken(token.id(), value);
  }

  @Transactional
  public void revoke(BridgewayPrincipal by, UUID tokenId) {
    ApiToken token = tokens.findById(tokenId).orElseThrow(() -> new NotFoundException("api-token"));
    if (!by.administers(token.organizationId())) {
      throw new NotFoundException("api-token");
    }
    token.revoke(by.userId(), clock.instant());
    tokens.save(token);
    audit.record(AuditEvent.success("admin.api-token.revoke").withRecord("api-token", tokenId));
  }

  @Transactional(readOnly = true)
  public List<ApiToken> visibleTo(BridgewayPrincipal viewer) {
    return viewer.has(Role.NETWORK_ADMIN)
        ? tokens.findAllByOrderByCreatedAtDesc()
        : tokens.findByOrganizationIdOrderByCreatedAtDesc(viewer.organization());
  }

  /**
   * The principal a presented token stands for, if it is valid now. Not transactional: one read,
   * and at most once a minute one conditional update, each complete in itself.
   */
  public Optional<BridgewayPrincipal> authenticate(String presented) {
    if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Optional<PresentedTokens.Presented> found =
        presentedTokens.withHash(TokenHashing.sha256(presented));
    if (found.isEmpty() || !found.get().token().isUsableAt(now) || !found.get().active()) {
      return Optional.empty();
    }
    ApiToken token = found.get().token();
    if (token.wasUsedBefore(now.minus(USE_RECORDED_EVERY))) {
      tokens.recordUse(token.id(), now, now.minus(USE_RECORDED_EVERY));
    }
    return Optional.of(
        BridgewayPrincipal.apiClient(
            token.id(),
            token.organizationId(),
            found.get().organizationKind(),
            found.get().organizationName(),
            token.name(),
            token.roles()));
  }

  private static void requireMayAdminister(BridgewayPrincipal by, OrganizationId organization) {
    if (!by.administers(organization)) {
      throw new NotFoundException("organization");
    }
  }
}
