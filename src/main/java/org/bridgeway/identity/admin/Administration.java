package org.bridgeway.identity.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.UserId;
import org.bridgeway.identity.organization.Organization;
import org.bridgeway.identity.organization.Organizations;
import org.bridgeway.identity.user.DisableReason;
import org.bridgeway.identity.user.Invitations;
import org.bridgeway.identity.user.PasswordPolicy;
import org.bridgeway.identity.user.User;
import org.bridgeway.identity.user.UserSessions;
import org.bridgeway.identity.user.Users;
import org.bridgeway.shared.web.DomainRuleViolation;
import org.bridgeway.shared.web.NotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administration of organizations and users. A network administrator manages everything; an
 * organization administrator manages only the users of their own organization, and anything outside
 * it answers as if it did not exist.
 */
@Service
public class Administration {

  private final Organizations organizations;
  private final Users users;
  private final Invitations invitations;
  private final UserSessions sessions;
  private final PasswordPolicy passwordPolicy;
  private final PasswordEncoder passwordEncoder;
  private final AuditTrail audit;
  private final Clock clock;

  Administration(
      Organizations organizations,
      Users users,
      Invitations invitations,
      UserSessions sessions,
      PasswordPolicy passwordPolicy,
      PasswordEncoder passwordEncoder,
      AuditTrail audit,
      Clock clock) {
    this.organizations = organizations;
    this.users = users;
    this.invitations = invitations;
    this.sessions = sessions;
    this.passwordPolicy = passwordPolicy;
    this.passwordEncoder = passwordEncoder;
    this.audit = audit;
    this.clock = clock;
  }

  /** A user invited, with the token for the link that lets them set a password. */
  public record Invited(UserId user, String invitationToken) {}

  // ---- organizations

  @Transactional(readOnly = true)
  public List<Organization> organizationsVisibleTo(BridgewayPrincipal viewer) {
    if (viewer.has(Role.NETWORK_ADMIN)) {
      return organizations.findAllByOrderByName();
    }
    return organizations.findById(viewer.organization()).stream().toList();
  }

  /** Every organization of the network: the member directory, which every member may read. */
  @Transactional(readOnly = true)
  public List<Organization> allOrganizations() {
    return organizations.findAllByOrderByName();
  }

  /** One organization of the member directory, which every member may read. */
  @Transactional(readOnly = true)
  public Organization memberOrganization(OrganizationId id) {
    return organizations.findById(id).orElseThrow(() -> new NotFoundException("organization"));
  }

  @Transactional(readOnly = true)
  public Organization organization(BridgewayPrincipal viewer, OrganizationId id) {
    Organization organization =
        organizations.findById(id).orElseThrow(() -> new NotFoundException("organization"));
    if (!viewer.has(Role.NETWORK_ADMIN) && !viewer.belongsTo(id)) {
      throw new NotFoundException("organization");
    }
    return organization;
  }

  @Transactional
  public OrganizationId registerOrganization(
      BridgewayPrincipal by, String name, OrganizationKind kind) {
    requireNetworkAdmin(by);
    if (organizations.existsByNameIgnoreCase(name.strip())) {
      throw new DomainRuleViolation(
          "name",
          "identity.admin.organization.name.taken",
          "An organization with this name already exists");
    }
    Organization organization =
        Organization.register(OrganizationId.random(), name, kind, clock.instant());
    organizations.save(organization);
    audit.record(
        AuditEvent.success("admin.organization.register")
            .withRecord("organization", organization.id().value())
            .withDetail("kind", kind.name()));
    return organization.id();
  }

  @Transactional
  public void updateOrganization(
      BridgewayPrincipal by,
      OrganizationId id,
      String name,
      OrganizationKind kind,
      boolean active,
      long version) {
    requireNetworkAdmin(by);
    Organization organization =
        organizations.findById(id).orElseThrow(() -> new NotFoundException("organization"));
    requireVersion(organization.version(), version);
    if (!organization.name().equalsIgnoreCase(name.strip())
        && organizations.existsByNameIgnoreCase(name.strip())) {
      throw new DomainRuleViolation(
          "name",
          "identity.admin.organization.name.taken",
          "An organization with this name already exists");
    }
    organization.rename(name);
    organization.changeKind(kind);
    if (active) {
      organization.reactivate();
    } else {
      if (by.belongsTo(id)) {
        throw new DomainRuleViolation(
            "active",
            "identity.admin.organization.self",
            "You cannot deactivate your own organization");
      }
      organization.deactivate();
    }
    organizations.save(organization);
    audit.record(
        AuditEvent.success("admin.organization.update")
            .withRecord("organization", id.value())
            .withDetail("active", Boolean.toString(active)));
  }

  // ---- users

  @Transactional(readOnly = true)
  public List<User> usersVisibleTo(BridgewayPrincipal viewer, OrganizationId filter) {
    if (viewer.has(Role.NETWORK_ADMIN)) {
      return filter == null
          ? users.findAllByOrderByDisplayName()
          : users.findByOrganizationIdOrderByDisplayName(filter);
    }
    return users.findByOrganizationIdOrderByDisplayName(viewer.organization());
  }

  @Transactional(readOnly = true)
  public User user(BridgewayPrincipal viewer, UserId id) {
    User user = users.findById(id).orElseThrow(() -> new NotFoundException("user"));
    requireMayAdminister(viewer, user.organizationId(), "user");
    return user;
  }

  @Transactional
  public Invited invite(
      BridgewayPrincipal by,
      OrganizationId organization,
      String email,
      String displayName,
      Set<Role> roles) {
    requireMayAdminister(by, organization, "organization");
    organizations.findById(organization).orElseThrow(() -> new NotFoundException("organization"));
    requireGrantable(by, roles);
    String normalized = User.normalizeEmail(email);
    if (users.findByEmail(normalized).isPresent()) {
      throw new DomainRuleViolation(
          "email",
          "identity.admin.user.email.taken",
          "A user with this email address already exists");
    }
    Instant now = clock.instant();
    User user = User.invite(UserId.random(), organization, normalized, displayName, roles, now);
    users.save(user);
    String token = invitations.create(user.id(), by.userId(), now);
    audit.record(
        AuditEvent.success("admin.user.invite")
            .withRecord("user", user.id().value())
            .withDetail("organization", organization.toString())
            .withDetail("roles", roleList(roles)));
    return new Invited(user.id(), token);
  }

  @Transactional
  public void changeRoles(BridgewayPrincipal by, UserId id, Set<Role> roles, long version) {
    User user = editable(by, id, version);
    requireGrantable(by, roles);
    if (by.userId() != null
        && by.userId().equals(id.value())
        && !roles.containsAll(adminRolesOf(by))) {
      throw new DomainRuleViolation(
          "roles",
          "identity.admin.user.selfDemotion",
          "You cannot remove your own administrator role");
    }
    user.changeRoles(roles);
    users.save(user);
    sessions.endAll(id);
    audit.record(
        AuditEvent.success("admin.user.roles")
            .withRecord("user", id.value())
            .withDetail("roles", roleList(roles)));
  }

  @Transactional
  public void unlock(BridgewayPrincipal by, UserId id, long version) {
    User user = editable(by, id, version);
    user.unlock();
    users.save(user);
    audit.record(AuditEvent.success("admin.user.unlock").withRecord("user", id.value()));
  }

  @Transactional
  public void resetSecondFactor(BridgewayPrincipal by, UserId id, long version) {
    User user = editable(by, id, version);
    user.resetSecondFactor();
    users.save(user);
    sessions.endAll(id);
    audit.record(
        AuditEvent.success("admin.user.second-factor.reset").withRecord("user", id.value()));
  }

  @Transactional
  public void disable(BridgewayPrincipal by, UserId id, long version) {
    User user = editable(by, id, version);
    if (by.userId() != null && by.userId().equals(id.value())) {
      throw new DomainRuleViolation(
          null, "identity.admin.user.selfDisable", "You cannot disable your own account");
    }
    user.disable(DisableReason.BY_ADMINISTRATOR);
    users.save(user);
    sessions.endAll(id);
    audit.record(AuditEvent.success("admin.user.disable").withRecord("user", id.value()));
  }

  @Transactional
  public void enable(BridgewayPrincipal by, UserId id, long version) {
    User user = editable(by, id, version);
    user.enable(clock.instant());
    users.save(user);
    audit.record(AuditEvent.success("admin.user.enable").withRecord("user", id.value()));
  }

  /** A new invitation link for a user who has not yet accepted theirs. */
  @Transactional
  public String reinvite(BridgewayPrincipal by, UserId id) {
    User user = user(by, id);
    if (user.passwordHash() != null) {
      throw new DomainRuleViolation(
          null, "identity.admin.user.alreadyActive", "This user has already set a password");
    }
    String token = invitations.create(id, by.userId(), clock.instant());
    audit.record(AuditEvent.success("admin.user.reinvite").withRecord("user", id.value()));
    return token;
  }

  // ---- invitations, for the invited person (not signed in)

  @Transactional(readOnly = true)
  public boolean invitationIsOpen(String token) {
    return invitations.open(token, clock.instant()).isPresent();
  }

  /** Sets the invited user's first password; they then sign in and enrol a second factor. */
  @Transactional
  public void acceptInvitation(String token, String password) {
    Instant now = clock.instant();
    UserId id = invitations.open(token, now).orElseThrow(() -> new NotFoundException("invitation"));
    User user = users.findById(id).orElseThrow(() -> new NotFoundException("invitation"));
    passwordPolicy
        .check(password, user.email(), user.displayName())
        .ifPresent(
            violation -> {
              throw new DomainRuleViolation(
                  "password",
                  "identity.password." + violation.name(),
                  "The password does not meet the policy: " + violation);
            });
    if (!invitations.accept(token, now)) {
      throw new NotFoundException("invitation");
    }
    user.acceptInvitation(passwordEncoder.encode(password), now);
    users.save(user);
    audit.record(AuditEvent.success("identity.invitation.accept").withRecord("user", id.value()));
  }

  // ---- rules

  private User editable(BridgewayPrincipal by, UserId id, long version) {
    User user = user(by, id);
    requireVersion(user.version(), version);
    return user;
  }

  private static void requireVersion(Long current, long expected) {
    if (current == null || current != expected) {
      throw new org.springframework.dao.OptimisticLockingFailureException(
          "Someone else changed this record while you were editing it. Reload and try again.");
    }
  }

  private static void requireNetworkAdmin(BridgewayPrincipal by) {
    if (!by.has(Role.NETWORK_ADMIN)) {
      throw new org.springframework.security.access.AccessDeniedException(
          "Network administrators only");
    }
  }

  private static void requireMayAdminister(
      BridgewayPrincipal by, OrganizationId organization, String recordType) {
    if (!by.administers(organization)) {
      throw new NotFoundException(recordType);
    }
  }

  private static void requireGrantable(BridgewayPrincipal by, Set<Role> roles) {
    if (roles == null || roles.isEmpty()) {
      throw new DomainRuleViolation(
          "roles", "identity.admin.user.roles.required", "Choose at least one role");
    }
    if (!by.mayGrant(roles)) {
      throw new DomainRuleViolation(
          "roles",
          "identity.admin.user.roles.forbidden",
          "Only a network administrator can grant the network administrator role");
    }
  }

  private static Set<Role> adminRolesOf(BridgewayPrincipal by) {
    return by.roles().stream()
        .filter(role -> role == Role.NETWORK_ADMIN || role == Role.ORGANIZATION_ADMIN)
        .collect(java.util.stream.Collectors.toSet());
  }

  private static String roleList(Set<Role> roles) {
    return String.join(
        ",", roles.stream().sorted(Comparator.naturalOrder()).map(Role::name).toList());
  }
}
