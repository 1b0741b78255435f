package org.bridgeway.identity;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.shared.security.Actor;
import org.bridgeway.shared.web.DisplayablePrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The authenticated party: a signed-in staff user, or an API client holding a token. Both are
 * scoped to one organization and a set of roles, so authorization rules treat them alike.
 *
 * @param user the user, or null for an API token
 * @param apiTokenId the token, or null for a user
 */
public record BridgewayPrincipal(
    UserId user,
    UUID apiTokenId,
    OrganizationId organization,
    OrganizationKind organizationKind,
    String displayName,
    String organizationName,
    Set<Role> roles)
    implements Actor, DisplayablePrincipal, Serializable {

  public BridgewayPrincipal {
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
  }

  public static BridgewayPrincipal user(
      UserId userId,
      OrganizationId organization,
      OrganizationKind kind,
      String organizationName,
      String displayName,
      Set<Role> roles) {
    return new BridgewayPrincipal(
        userId, null, organization, kind, displayName, organizationName, roles);
  }

  public static BridgewayPrincipal apiClient(
      UUID tokenId,
      OrganizationId organization,
      OrganizationKind kind,
      String organizationName,
      String name,
      Set<Role> roles) {
    return new BridgewayPrincipal(null, tokenId, organization, kind, name, organizationName, roles);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** Whether this principal acts for the given organization. */
  public boolean belongsTo(OrganizationId other) {
    return organization.equals(other);
  }

  /**
   * Whether this principal administers an organization's users and tokens: a network administrator
   * administers every organization, an organization administrator only their own.
   */
  public boolean administers(OrganizationId other) {
    return has(Role.NETWORK_ADMIN) || (has(Role.ORGANIZATION_ADMIN) && belongsTo(other));
  }

  /**
   * The roles this principal may give to users and tokens: only a network administrator grants its
   * own role.
   */
  public List<Role> grantableRoles() {
    return Arrays.stream(Role.values())
        .filter(role -> role != Role.NETWORK_ADMIN || has(Role.NETWORK_ADMIN))
        .toList();
  }

  public boolean mayGrant(Set<Role> requested) {
    return grantableRoles().containsAll(requested);
  }

  public Collection<GrantedAuthority> authorities() {
    return roles.stream()
        .map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority()))
        .toList();
  }

  @Override
  public UUID userId() {
    return user == null ? null : user.value();
  }

  /**
   * The principal's name as Spring Security and the session store see it: the stable reference, so
   * that all sessions of one user can be found and ended.
   */
  @Override
  public String toString() {
    return reference();
  }

  @Override
  public boolean supervisesPeople() {
    return organizationKind == OrganizationKind.PROBATION_AGENCY;
  }

  @Override
  public UUID organizationId() {
    return organization.value();
  }
}
