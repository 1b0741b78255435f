package org.bridgeway.supervision.access;

import java.util.Map;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.Role;
import org.bridgeway.supervision.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who sees which person on supervision (ADR 0009). Nobody outside the supervising agency, not even
 * a network administrator of another organization. Within the agency: its organization and network
 * administrators see everyone; an officer sees the people on cases assigned to them; a supervisor
 * sees those and the people on the cases of the officers of their team; whoever entered a person
 * sees them until a case is opened. API clients have no caseload, so only an administrator's token
 * sees people. A case is seen by whoever sees its person.
 */
@Component
public class CaseloadAccess {

  /** Matches no user: API clients and the system have no caseload. */
  private static final UUID NO_USER = new UUID(0, 0);

  /**
   * The condition on a person table aliased {@code p} that keeps the people a {@link Scope} sees.
   * Takes the named parameters of {@link Scope#parameters()}.
   */
  public static final String VISIBLE =
      """
      p.organization_id = :scopeAgency AND (
        :scopeAll
        OR (p.created_by = :scopeUser
            AND NOT EXISTS (SELECT 1 FROM supervision_case c0 WHERE c0.person_id = p.id))
        OR EXISTS (SELECT 1 FROM supervision_case c1 WHERE c1.person_id = p.id AND (
          (:scopeOfficer AND c1.officer_id = :scopeUser)
          OR (:scopeSupervisor AND (c1.officer_id = :scopeUser OR c1.officer_id IN (
            SELECT t.officer_id FROM supervision_team_member t
            WHERE t.supervisor_id = :scopeUser AND t.organization_id = p.organization_id))))))
      """;

  /** Whose people a principal sees. */
  public record Scope(
      OrganizationId agency, boolean all, UUID user, boolean officer, boolean supervisor) {

    public Map<String, Object> parameters() {
      return Map.of(
          "scopeAgency", agency.value(),
          "scopeAll", all,
          "scopeUser", user,
          "scopeOfficer", officer,
          "scopeSupervisor", supervisor);
    }
  }

  private final JdbcClient jdbc;

  CaseloadAccess(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether the principal administers the agency's records: its own administrators only. */
  public static boolean manages(BridgewayPrincipal principal, OrganizationId agency) {
    return principal.belongsTo(agency)
        && (principal.has(Role.ORGANIZATION_ADMIN) || principal.has(Role.NETWORK_ADMIN));
  }

  /** The people the principal sees: always within the principal's own organization. */
  public static Scope scopeOf(BridgewayPrincipal principal) {
    UUID user = principal.userId() == null ? NO_USER : principal.userId();
    return new Scope(
        principal.organization(),
        manages(principal, principal.organization()),
        user,
        principal.has(Role.OFFICER),
        principal.has(Role.SUPERVISOR));
  }

  /** Whether the principal sees the person, kept by the given agency. */
  public boolean sees(BridgewayPrincipal principal, PersonId person, OrganizationId agency) {
    if (!principal.belongsTo(agency)) {
      return false;
    }
    Scope scope = scopeOf(principal);
    if (scope.all()) {
      return true;
    }
    return jdbc.sql(
            "SELECT EXISTS (SELECT 1 FROM supervision_person p WHERE p.id = :person AND "
                + VISIBLE
                + ")")
        .params(scope.parameters())
        .param("person", person.value())
        .query(Boolean.class)
        .single();
  }

  /** Whether the user is on the team of the supervisor (or is the supervisor). */
  public boolean leads(UUID supervisor, UUID officer) {
    if (supervisor == null) {
      return false;
    }
    if (supervisor.equals(officer)) {
      return true;
    }
    return jdbc.sql(
            "SELECT EXISTS (SELECT 1 FROM supervision_team_member WHERE officer_id = ? AND"
                + " supervisor_id = ?)")
        .params(officer, supervisor)
        .query(Boolean.class)
        .single();
  }
}
