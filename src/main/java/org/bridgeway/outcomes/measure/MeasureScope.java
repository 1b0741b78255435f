package org.bridgeway.outcomes.measure;

import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;

/**
 * Whose spells a caller's figures count: one agency's (its analysts, supervisors and
 * administrators; a supervisor may narrow it to their team), one provider's program exits and
 * participations (its staff), or the whole network (a funder's analysts, network administrators).
 * Anyone else gets their own organization as an agency, which holds no spells.
 *
 * @param agency the agency whose spells count, or null
 * @param provider the provider whose programs' spells count, or null
 * @param team the supervisor whose team's spells count, or null
 */
public record MeasureScope(UUID agency, UUID provider, UUID team) {

  public boolean network() {
    return agency == null && provider == null;
  }

  public static MeasureScope network(UUID team) {
    return new MeasureScope(null, null, team);
  }

  public static MeasureScope agency(UUID agency) {
    return new MeasureScope(agency, null, null);
  }

  public static MeasureScope of(BridgewayPrincipal principal, boolean myTeam) {
    UUID organization = principal.organization().value();
    if (principal.has(Role.NETWORK_ADMIN)
        || (principal.organizationKind() == OrganizationKind.FUNDER
            && principal.has(Role.ANALYST))) {
      return new MeasureScope(null, null, null);
    }
    if (principal.organizationKind() == OrganizationKind.PROBATION_AGENCY) {
      UUID team =
          myTeam && principal.has(Role.SUPERVISOR) && principal.user() != null
              ? principal.user().value()
              : null;
      return new MeasureScope(organization, null, team);
    }
    if (principal.has(Role.PROVIDER_STAFF)) {
      return new MeasureScope(null, organization, null);
    }
    return new MeasureScope(organization, null, null);
  }

  /** The SQL condition on a fact (alias f) or participation (alias p) row; binds :agency etc. */
  String factCondition() {
    StringBuilder sql = new StringBuilder("TRUE");
    if (agency != null) {
      sql.append(" AND f.agency_id = :agency");
    }
    if (provider != null) {
      sql.append(" AND f.provider_id = :provider");
    }
    if (team != null) {
      sql.append(" AND f.team_id = :team");
    }
    return sql.toString();
  }
}
