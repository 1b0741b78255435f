package org.bridgeway.shared.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.testing.Principals;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** API callers for the conventions tests: each call makes a new client with its own token. */
final class ApiClients {

  private ApiClients() {}

  static BridgewayPrincipal newClient() {
    return Principals.apiClient(
        OrganizationId.random(), OrganizationKind.PROBATION_AGENCY, Role.OFFICER);
  }

  static RequestPostProcessor as(BridgewayPrincipal client) {
    return authentication(Principals.authenticationOf(client));
  }

  static RequestPostProcessor anyClient() {
    return as(newClient());
  }
}
