package org.bridgeway.identity.token;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.Role;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A bearer token for the API, scoped to one organization and a set of roles. Only its SHA-256 hash
 * is stored; the token itself is shown once, when issued.
 */
@Table("identity_api_token")
public class ApiToken {

  @Id private final UUID id;
  private final OrganizationId organizationId;
  private final String name;
  private final String roles;
  private final String tokenHash;
  private final UUID createdBy;
  private final Instant createdAt;
  private final Instant expiresAt;
  private Instant revokedAt;
  private UUID revokedBy;
  private Instant lastUsedAt;
  @Version private Long version;

  @PersistenceCreator
  ApiToken(
      UUID id,
      OrganizationId organizationId,
      String name,
      String roles,
      String tokenHash,
      UUID createdBy,
      Instant createdAt,
      Instant expiresAt,
      Instant revokedAt,
      UUID revokedBy,
      Instant lastUsedAt,
      Long version) {
    this.id = id;
    this.organizationId = organizationId;
    this.name = name;
    this.roles = roles;
    this.tokenHash = tokenHash;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
    this.revokedAt = revokedAt;
    this.revokedBy = revokedBy;
    this.lastUsedAt = lastUsedAt;
    this.version = version;
  }

  static ApiToken issue(
      UUID id,
      OrganizationId organization,
      String name,
      Set<Role> roles,
      String tokenHash,
      UUID createdBy,
      Instant at,
      Instant expiresAt) {
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("A token needs at least one role");
    }
    String roleList = roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    return new ApiToken(
        id,
        organization,
        name.strip(),
        roleList,
        tokenHash,
        createdBy,
        at,
        expiresAt,
        null,
        null,
        null,
        null);
  }

  public boolean isUsableAt(Instant now) {
    return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
  }

  void revoke(UUID by, Instant at) {
    if (revokedAt == null) {
      revokedAt = at;
      revokedBy = by;
    }
  }

  /** Whether the last recorded use is older than a moment (or there is none). */
  boolean wasUsedBefore(Instant moment) {
    return lastUsedAt == null || lastUsedAt.isBefore(moment);
  }

  public UUID id() {
    return id;
  }

  public OrganizationId organizationId() {
    return organizationId;
  }

  public String name() {
    return name;
  }

  public Set<Role> roles() {
    Set<Role> result = EnumSet.noneOf(Role.class);
    Arrays.stream(roles.split(",")).map(Role::valueOf).forEach(result::add);
    return result;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Instant revokedAt() {
    return revokedAt;
  }

  public Instant lastUsedAt() {
    return lastUsedAt;
  }
}
