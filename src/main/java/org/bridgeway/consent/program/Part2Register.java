package org.bridgeway.consent.program;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.consent.Part2Programs;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.shared.web.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of 42 CFR Part 2 programs, kept by network administrators. Asked for every record a
 * provider module shows, so it answers from a snapshot of the register that is read again when it
 * is older than {@code bridgeway.consent.part2-cache} (default 30 seconds; at once on the node that
 * changed it). Other nodes see a change within that time.
 */
@Service
public class Part2Register implements Part2Programs {

  /** An organization in the register. */
  public record Program(
      OrganizationId organization,
      String name,
      OrganizationKind kind,
      String markedBy,
      Instant markedAt) {}

  private record Snapshot(Set<OrganizationId> programs, Instant readAt) {}

  private final JdbcClient jdbc;
  private final NetworkOrganizations organizations;
  private final AuditTrail audit;
  private final Clock clock;
  private final Duration maxAge;
  private volatile Snapshot snapshot;

  Part2Register(
      JdbcClient jdbc,
      NetworkOrganizations organizations,
      AuditTrail audit,
      Clock clock,
      @Value("${bridgeway.consent.part2-cache:PT30S}") Duration maxAge) {
    this.jdbc = jdbc;
    this.organizations = organizations;
    this.audit = audit;
    this.clock = clock;
    this.maxAge = maxAge;
  }

  @Override
  public boolean isPart2Program(OrganizationId organization) {
    Snapshot current = snapshot;
    Instant now = Instant.now();
    if (current == null || current.readAt().plus(maxAge).isBefore(now)) {
      current = new Snapshot(load(), now);
      snapshot = current;
    }
    return current.programs().contains(organization);
  }

  private Set<OrganizationId> load() {
    return Set.copyOf(
        jdbc.sql("SELECT organization_id FROM consent_part2_program")
            .query((rs, n) -> new OrganizationId(rs.getObject(1, UUID.class)))
            .list());
  }

  /** The register, by organization name. */
  @Transactional(readOnly = true)
  public List<Program> programs() {
    return jdbc.sql(
            """
            SELECT p.organization_id, o.name, o.kind, p.marked_by, p.marked_at
            FROM consent_part2_program p JOIN identity_organization o ON o.id = p.organization_id
            ORDER BY lower(o.name), o.id
            """)
        .query(
            (rs, n) ->
                new Program(
                    new OrganizationId(rs.getObject(1, UUID.class)),
                    rs.getString(2),
                    OrganizationKind.valueOf(rs.getString(3)),
                    rs.getString(4),
                    rs.getTimestamp(5).toInstant()))
        .list();
  }

  /**
   * Marks an organization as a Part 2 program; marking it again changes nothing.
   *
   * @throws NotFoundException if there is no such organization
   */
  @Transactional
  public void mark(BridgewayPrincipal principal, OrganizationId organization) {
    requireExists(organization);
    int added =
        jdbc.sql(
                """
                INSERT INTO consent_part2_program (organization_id, marked_by, marked_at)
                VALUES (:id, :by, :at) ON CONFLICT (organization_id) DO NOTHING
                """)
            .param("id", organization.value())
            .param("by", principal.reference())
            .param("at", Timestamp.from(clock.instant()))
            .update();
    audit.record(
        AuditEvent.success("consent.part2.mark")
            .withRecord("organization", organization.value())
            .withDetail("changed", Boolean.toString(added == 1)));
    snapshot = null;
  }

  /**
   * Takes an organization off the register; one not on it stays off.
   *
   * @throws NotFoundException if there is no such organization
   */
  @Transactional
  public void unmark(BridgewayPrincipal principal, OrganizationId organization) {
    requireExists(organization);
    int removed =
        jdbc.sql("DELETE FROM consent_part2_program WHERE organization_id = :id")
            .param("id", organization.value())
            .update();
    audit.record(
        AuditEvent.success("consent.part2.unmark")
            .withRecord("organization", organization.value())
            .withDetail("changed", Boolean.toString(removed == 1)));
    snapshot = null;
  }

  /** Marks organizations without an actor, for demo data; returns how many were added. */
  @Transactional
  public int markForDemo(Set<OrganizationId> programs, String by) {
    int added = 0;
    for (OrganizationId organization : new HashSet<>(programs)) {
      added +=
          jdbc.sql(
                  """
                  INSERT INTO consent_part2_program (organization_id, marked_by, marked_at)
                  VALUES (:id, :by, :at) ON CONFLICT (organization_id) DO NOTHING
                  """)
              .param("id", organization.value())
              .param("by", by)
              .param("at", Timestamp.from(clock.instant()))
              .update();
    }
    snapshot = null;
    return added;
  }

  private void requireExists(OrganizationId organization) {
    if (organizations.find(Set.of(organization)).isEmpty()) {
      throw new NotFoundException("organization");
    }
  }
}
