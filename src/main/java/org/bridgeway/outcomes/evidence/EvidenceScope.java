package org.bridgeway.outcomes.evidence;

import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.springframework.security.access.AccessDeniedException;

/**
 * Whose people an evidence figure counts: one probation agency's (its analysts and supervisors), or
 * the whole network's (a funder's analysts, network administrators). Figures are aggregates only;
 * no person is ever listed.
 *
 * @param agency the agency, or null for the whole network
 */
public record EvidenceScope(UUID agency) {

  /** The roles that may read evidence; their organization then decides the scope. */
  public static final String READERS = "hasAnyRole('ANALYST','SUPERVISOR','NETWORK_ADMIN')";

  /**
   * The scope of the principal. An agency's staff see their agency; a funder's analysts and network
   * administrators the network; anyone else (an analyst of a treatment provider) nothing.
   *
   * @throws AccessDeniedException when the principal's organization has no evidence to see
   */
  public static EvidenceScope of(BridgewayPrincipal principal) {
    if (principal.has(Role.NETWORK_ADMIN)) {
      return new EvidenceScope(null);
    }
    if (principal.organizationKind() == OrganizationKind.PROBATION_AGENCY
        && (principal.has(Role.ANALYST) || principal.has(Role.SUPERVISOR))) {
      return new EvidenceScope(principal.organizationId());
    }
    if (principal.organizationKind() == OrganizationKind.FUNDER && principal.has(Role.ANALYST)) {
      return new EvidenceScope(null);
    }
    throw new AccessDeniedException("No evidence for this organization");
  }

  public boolean network() {
    return agency == null;
  }

  /** The SQL condition on an {@code agency_id} column, with the parameter {@code :agency}. */
  public String condition(String column) {
    return network() ? "TRUE" : column + " = :agency";
  }
}
