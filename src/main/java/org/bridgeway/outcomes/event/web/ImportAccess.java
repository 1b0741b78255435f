package org.bridgeway.outcomes.event.web;

import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationKind;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** Imports are for a probation agency's own people: other organizations have none to import. */
@Component
class ImportAccess {

  void requireAgency(BridgewayPrincipal principal) {
    if (principal.organizationKind() != OrganizationKind.PROBATION_AGENCY) {
      throw new AccessDeniedException("Only a probation agency imports outcome data");
    }
  }
}
