package org.bridgeway.supervision.caseload;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.StaffDirectory;
import org.bridgeway.identity.StaffMember;
import org.bridgeway.identity.UserId;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.supervision.SupervisionInputRejected;
import org.bridgeway.supervision.access.CaseloadAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An agency's teams (ADR 0009): the supervisor each officer reports to, set by the agency's
 * administrators. An officer has at most one supervisor; the link decides which people a supervisor
 * sees.
 */
@Service
public class Teams {

  private final StaffDirectory staff;
  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final java.time.Clock clock;

  Teams(StaffDirectory staff, JdbcClient jdbc, AuditTrail audit, java.time.Clock clock) {
    this.staff = staff;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Puts an officer on a supervisor's team, or takes them off any team.
   *
   * @param supervisor the supervisor, or null to take the officer off their team
   * @throws NotFoundException if the officer is not a user of an agency the caller administers
   * @throws SupervisionInputRejected if the supervisor is not a supervisor of the same agency
   */
  @Transactional
  public void assign(BridgewayPrincipal principal, UserId officer, UserId supervisor) {
    StaffMember member =
        staff
            .find(officer)
            .filter(found -> CaseloadAccess.manages(principal, found.organization()))
            .orElseThrow(() -> new NotFoundException("officer"));
    if (!member.has(Role.OFFICER)) {
      throw SupervisionInputRejected.of("officerId", "NotAnOfficer", "is not an officer");
    }
    if (supervisor == null) {
      jdbc.sql("DELETE FROM supervision_team_member WHERE officer_id = ?")
          .param(officer.value())
          .update();
    } else {
      Optional<StaffMember> lead = staff.find(supervisor);
      if (lead.isEmpty()
          || !lead.get().organization().equals(member.organization())
          || !lead.get().has(Role.SUPERVISOR)
          || supervisor.equals(officer)) {
        throw SupervisionInputRejected.of(
            "supervisorId", "UnknownSupervisor", "is not a supervisor of the officer's agency");
      }
      jdbc.sql(
              """
              INSERT INTO supervision_team_member
                (officer_id, organization_id, supervisor_id, linked_at, linked_by)
              VALUES (?, ?, ?, ?, ?)
              ON CONFLICT (officer_id) DO UPDATE SET supervisor_id = EXCLUDED.supervisor_id,
                linked_at = EXCLUDED.linked_at, linked_by = EXCLUDED.linked_by
              """)
          .params(
              officer.value(),
              member.organization().value(),
              supervisor.value(),
              Timestamp.from(clock.instant()),
              principal.reference())
          .update();
    }
    AuditEvent event =
        AuditEvent.success("supervision.team.assign").withRecord("user", officer.value());
    audit.record(
        supervisor == null ? event : event.withDetail("supervisor", supervisor.toString()));
  }

  /** The supervisor of an officer, if they are on a team. */
  @Transactional(readOnly = true)
  public Optional<UserId> supervisorOf(UserId officer) {
    return jdbc.sql("SELECT supervisor_id FROM supervision_team_member WHERE officer_id = ?")
        .param(officer.value())
        .query(UUID.class)
        .optional()
        .map(UserId::new);
  }
}
