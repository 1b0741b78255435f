package org.bridgeway.supervision.office;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.StaffDirectory;
import org.bridgeway.identity.StaffMember;
import org.bridgeway.identity.UserId;
import org.bridgeway.shared.web.DomainRuleViolation;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.supervision.SupervisionInputRejected;
import org.bridgeway.supervision.access.CaseloadAccess;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The offices of an agency and the home office of its staff (ADR 0013). The agency's administrators
 * open, correct, deactivate and reactivate offices and set each officer's home office; everyone of
 * the agency reads them. Another organization's office answers 404 like a missing one. Every change
 * is audited with ids only, in the same transaction.
 */
@Service
public class OfficeRecords {

  static final String OFFICE = "supervision-office";

  /** The name of the main office made for an agency that has none yet. */
  public static final String MAIN_OFFICE_NAME = "Main office";

  private final Offices offices;
  private final StaffDirectory staff;
  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;

  OfficeRecords(
      Offices offices, StaffDirectory staff, JdbcClient jdbc, AuditTrail audit, Clock clock) {
    this.offices = offices;
    this.staff = staff;
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /** The offices of the caller's agency, by name; the main office is made if there is none. */
  @Transactional
  public List<Office> officesOf(BridgewayPrincipal principal) {
    return officesOf(principal.organization());
  }

  /** The offices of an agency, by name; the main office is made if there is none. */
  @Transactional
  public List<Office> officesOf(OrganizationId agency) {
    mainOffice(agency);
    return offices.findByOrganizationIdOrderByName(agency);
  }

  /**
   * An office of the caller's agency.
   *
   * @throws NotFoundException if there is no such office in the caller's agency
   */
  @Transactional(readOnly = true)
  public Office read(BridgewayPrincipal principal, OfficeId id) {
    return offices
        .findById(id)
        .filter(office -> principal.belongsTo(office.organizationId()))
        .orElseThrow(() -> new NotFoundException("office"));
  }

  /**
   * The agency's main office, made (active, named {@value #MAIN_OFFICE_NAME}) if the agency has
   * none yet: an agency that started before offices, or a new one.
   */
  @Transactional
  public Office mainOffice(OrganizationId agency) {
    Optional<Office> found = offices.findMain(agency);
    if (found.isPresent()) {
      return found.get();
    }
    Instant now = clock.instant();
    // Two first cases of a new agency at once: the partial unique index keeps one main office.
    jdbc.sql(
            """
            INSERT INTO supervision_office
              (id, organization_id, name, active, main, created_at, updated_at, version)
            VALUES (?, ?, ?, TRUE, TRUE, ?, ?, 0)
            ON CONFLICT (organization_id) WHERE main DO NOTHING
            """)
        .params(
            UUID.randomUUID(),
            agency.value(),
            MAIN_OFFICE_NAME,
            Timestamp.from(now),
            Timestamp.from(now))
        .update();
    return offices.findMain(agency).orElseThrow();
  }

  /**
   * Opens an office of the caller's agency.
   *
   * @throws SupervisionInputRejected if a field breaks a rule or another office has the name
   */
  @Transactional
  public Office open(BridgewayPrincipal principal, OfficeDetails details) {
    OrganizationId agency = administered(principal, principal.organization());
    mainOffice(agency);
    List<FieldViolation> violations = new ArrayList<>(details.violations());
    violations.addAll(nameTaken(agency, details.name(), null));
    if (!violations.isEmpty()) {
      throw new SupervisionInputRejected(violations);
    }
    Office office = Office.open(OfficeId.random(), agency, details, clock.instant());
    offices.save(office);
    audit.record(event("supervision.office.open", office));
    return office;
  }

  /**
   * Corrects an office and sets whether it is active.
   *
   * @throws NotFoundException if the office is not one of an agency the caller administers
   * @throws SupervisionInputRejected if a field breaks a rule or another office has the name
   * @throws DomainRuleViolation if the main office, or one with staff or open cases, would become
   *     inactive
   * @throws OptimisticLockingFailureException if the version is not the stored one
   */
  @Transactional
  public Office revise(
      BridgewayPrincipal principal,
      OfficeId id,
      OfficeDetails details,
      boolean active,
      long version) {
    Office office =
        offices
            .findById(id)
            .filter(found -> CaseloadAccess.manages(principal, found.organizationId()))
            .orElseThrow(() -> new NotFoundException("office"));
    if (office.version() != version) {
      throw new OptimisticLockingFailureException(
          "The office " + id + " is at version " + office.version() + ", not " + version);
    }
    List<FieldViolation> violations = new ArrayList<>(details.violations());
    violations.addAll(nameTaken(office.organizationId(), details.name(), id));
    if (!violations.isEmpty()) {
      throw new SupervisionInputRejected(violations);
    }
    Instant now = clock.instant();
    office.revise(details, now);
    if (!active && office.active()) {
      if (office.main()) {
        throw new DomainRuleViolation(
            "active", "supervision.office.main", "The main office stays active.");
      }
      if (inUse(id)) {
        throw new DomainRuleViolation(
            "active",
            "supervision.office.inUse",
            "The office still has staff or open cases: move them to another office first.");
      }
      office.deactivate(now);
    } else if (active && !office.active()) {
      office.reactivate(now);
    }
    offices.save(office);
    audit.record(
        event("supervision.office.revise", office)
            .withDetail("active", Boolean.toString(office.active())));
    return office;
  }

  /**
   * Sets the home office of an officer or supervisor of the agency.
   *
   * @throws NotFoundException if the user is not staff of an agency the caller administers
   * @throws SupervisionInputRejected if the user is no officer or supervisor, or the office is not
   *     an active office of their agency
   */
  @Transactional
  public void assign(BridgewayPrincipal principal, UserId member, OfficeId officeId) {
    StaffMember found =
        staff
            .find(member)
            .filter(candidate -> CaseloadAccess.manages(principal, candidate.organization()))
            .orElseThrow(() -> new NotFoundException("officer"));
    List<FieldViolation> violations = new ArrayList<>();
    if (!found.has(Role.OFFICER) && !found.has(Role.SUPERVISOR)) {
      violations.add(
          new FieldViolation("officerId", "NotAnOfficer", "is not an officer or supervisor"));
    }
    violations.addAll(officeViolations(found.organization(), officeId));
    if (!violations.isEmpty()) {
      throw new SupervisionInputRejected(violations);
    }
    mainOffice(found.organization());
    jdbc.sql(
            """
            INSERT INTO supervision_office_member
              (user_id, organization_id, office_id, assigned_at, assigned_by)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (user_id) DO UPDATE SET office_id = EXCLUDED.office_id,
              assigned_at = EXCLUDED.assigned_at, assigned_by = EXCLUDED.assigned_by
            """)
        .params(
            member.value(),
            found.organization().value(),
            officeId.value(),
            Timestamp.from(clock.instant()),
            principal.reference())
        .update();
    audit.record(
        AuditEvent.success("supervision.office.assign")
            .withRecord("user", member.value())
            .withDetail("office", officeId.toString()));
  }

  /** The home office of a staff member of the agency: their own, else the main office. */
  @Transactional
  public OfficeId homeOfficeOf(OrganizationId agency, UserId member) {
    return jdbc.sql(
            "SELECT office_id FROM supervision_office_member WHERE user_id = ? AND"
                + " organization_id = ?")
        .params(member.value(), agency.value())
        .query(UUID.class)
        .optional()
        .map(OfficeId::new)
        .orElseGet(() -> mainOffice(agency).id());
  }

  /** The home office of every staff member of the agency who has one set. */
  @Transactional(readOnly = true)
  public Map<UserId, OfficeId> homeOffices(OrganizationId agency) {
    Map<UserId, OfficeId> homes = new HashMap<>();
    jdbc.sql("SELECT user_id, office_id FROM supervision_office_member WHERE organization_id = ?")
        .param(agency.value())
        .query(
            rs -> {
              homes.put(
                  new UserId(rs.getObject("user_id", UUID.class)),
                  new OfficeId(rs.getObject("office_id", UUID.class)));
            });
    return homes;
  }

  /**
   * Why a case of the agency cannot move to the office and officer: the office is not one of the
   * agency's ({@code officeId}), it is inactive ({@code officeId}), or the officer's home office is
   * another ({@code officerId}).
   */
  @Transactional
  public List<FieldViolation> transferViolations(
      OrganizationId agency, OfficeId officeId, UserId officer) {
    List<FieldViolation> violations = officeViolations(agency, officeId);
    if (violations.isEmpty() && !homeOfficeOf(agency, officer).equals(officeId)) {
      violations.add(
          new FieldViolation("officerId", "NotOfOffice", "does not work from the chosen office"));
    }
    return violations;
  }

  private List<FieldViolation> officeViolations(OrganizationId agency, OfficeId officeId) {
    List<FieldViolation> violations = new ArrayList<>();
    Optional<Office> office =
        officeId == null
            ? Optional.empty()
            : offices.findById(officeId).filter(o -> o.organizationId().equals(agency));
    if (office.isEmpty()) {
      violations.add(
          new FieldViolation("officeId", "UnknownOffice", "is not an office of the agency"));
    } else if (!office.get().active()) {
      violations.add(new FieldViolation("officeId", "InactiveOffice", "is an inactive office"));
    }
    return violations;
  }

  private List<FieldViolation> nameTaken(OrganizationId agency, String name, OfficeId except) {
    if (name == null) {
      return List.of();
    }
    boolean taken =
        jdbc.sql(
                "SELECT EXISTS (SELECT 1 FROM supervision_office WHERE organization_id = ? AND"
                    + " lower(name) = lower(?) AND id <> ?)")
            .params(agency.value(), name, except == null ? new UUID(0, 0) : except.value())
            .query(Boolean.class)
            .single();
    return taken
        ? List.of(new FieldViolation("name", "Duplicate", "another office of the agency has it"))
        : List.of();
  }

  private boolean inUse(OfficeId id) {
    return jdbc.sql(
            """
            SELECT EXISTS (SELECT 1 FROM supervision_office_member WHERE office_id = :id)
              OR EXISTS (SELECT 1 FROM supervision_case WHERE office_id = :id AND status = 'OPEN')
            """)
        .param("id", id.value())
        .query(Boolean.class)
        .single();
  }

  private static OrganizationId administered(BridgewayPrincipal principal, OrganizationId agency) {
    if (!CaseloadAccess.manages(principal, agency)) {
      throw new NotFoundException("office");
    }
    return agency;
  }

  private static AuditEvent event(String action, Office office) {
    return AuditEvent.success(action).withRecord(OFFICE, office.id().value());
  }
}
