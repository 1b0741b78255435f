package org.bridgeway.testing;

import java.util.Set;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.UserId;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/** Builds authenticated principals for MockMvc tests: {@code .with(authentication(...))}. */
public final class Principals {

  private Principals() {}

  public static BridgewayPrincipal user(
      OrganizationId organization, OrganizationKind kind, Role... roles) {
    return BridgewayPrincipal.user(
        UserId.random(),
        organization,
        kind,
        "Test organization",
        "Test " + roles[0].name().toLowerCase(),
        Set.of(roles));
  }

  public static BridgewayPrincipal apiClient(
      OrganizationId organization, OrganizationKind kind, Role... roles) {
    return BridgewayPrincipal.apiClient(
        UUID.randomUUID(), organization, kind, "Test organization", "Test client", Set.of(roles));
  }

  public static Authentication authenticationOf(BridgewayPrincipal principal) {
    return UsernamePasswordAuthenticationToken.authenticated(
        principal, null, principal.authorities());
  }
}
