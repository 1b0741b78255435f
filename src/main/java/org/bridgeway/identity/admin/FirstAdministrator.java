package org.bridgeway.identity.admin;

import java.time.Clock;
import java.util.Set;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.UserId;
import org.bridgeway.identity.organization.Organization;
import org.bridgeway.identity.organization.Organizations;
import org.bridgeway.identity.user.Invitations;
import org.bridgeway.identity.user.User;
import org.bridgeway.identity.user.Users;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the first organization and network administrator of an empty installation, and prints the
 * invitation link to the log. An operator starts the application once with {@code
 * BRIDGEWAY_BOOTSTRAP_ORGANIZATION_NAME} and {@code BRIDGEWAY_BOOTSTRAP_ADMIN_EMAIL}; once any user
 * exists the settings are ignored, so they can never add an administrator to a running network.
 */
@Component
class FirstAdministrator implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

  private final FirstAdministratorProperties properties;
  private final Organizations organizations;
  private final Users users;
  private final Invitations invitations;
  private final AuditTrail audit;
  private final Clock clock;
  private final TransactionTemplate transactions;

  FirstAdministrator(
      FirstAdministratorProperties properties,
      Organizations organizations,
      Users users,
      Invitations invitations,
      AuditTrail audit,
      Clock clock,
      TransactionTemplate transactions) {
    this.properties = properties;
    this.organizations = organizations;
    this.users = users;
    this.invitations = invitations;
    this.audit = audit;
    this.clock = clock;
    this.transactions = transactions;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!properties.requested()) {
      if (users.count() == 0) {
        log.warn(
            "No users exist yet. Start once with BRIDGEWAY_BOOTSTRAP_ORGANIZATION_NAME and"
                + " BRIDGEWAY_BOOTSTRAP_ADMIN_EMAIL to create the first network administrator.");
      }
      return;
    }
    String link = transactions.execute(status -> bootstrap());
    if (link == null) {
      log.info("Bootstrap settings ignored: the installation already has users.");
    } else {
      log.info(
          "First network administrator invited. Open this link once to set the password (valid 7 days): {}",
          link);
    }
  }

  /** Creates organization, administrator and invitation; null if any user already exists. */
  String bootstrap() {
    if (users.count() > 0) {
      return null;
    }
    var now = clock.instant();
    Organization organization =
        Organization.register(
            OrganizationId.random(),
            properties.organizationName(),
            properties.organizationKind(),
            now);
    organizations.save(organization);
    String name =
        properties.adminName() == null || properties.adminName().isBlank()
            ? "Network administrator"
            : properties.adminName();
    User admin =
        User.invite(
            UserId.random(),
            organization.id(),
            properties.adminEmail(),
            name,
            Set.of(Role.NETWORK_ADMIN),
            now);
    users.save(admin);
    String token = invitations.create(admin.id(), null, now);
    audit.record(
        AuditEvent.success("identity.bootstrap.first-administrator")
            .withRecord("user", admin.id().value()));
    return properties.baseUrl().replaceAll("/+$", "") + "/invitation/" + token;
  }
}
