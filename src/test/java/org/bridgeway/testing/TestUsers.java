package org.bridgeway.testing;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.UserId;
import org.bridgeway.identity.organization.Organization;
import org.bridgeway.identity.organization.Organizations;
import org.bridgeway.identity.signin.Totp;
import org.bridgeway.identity.user.User;
import org.bridgeway.identity.user.Users;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

/** Creates organizations and ready-to-sign-in users for tests, each with unique names. */
@TestComponent
public class TestUsers {

  public static final String PASSWORD = "copper kettle under juniper";

  /** A user as a test knows it: enough to sign in and to compute second-factor codes. */
  public record TestUser(UserId id, OrganizationId organization, String email, String totpSecret) {}

  private final Organizations organizations;
  private final Users users;
  private final PasswordEncoder passwordEncoder;
  private final Clock clock;
  private String cachedHash;

  TestUsers(
      Organizations organizations, Users users, PasswordEncoder passwordEncoder, Clock clock) {
    this.organizations = organizations;
    this.users = users;
    this.passwordEncoder = passwordEncoder;
    this.clock = clock;
  }

  @Transactional
  public OrganizationId organization(OrganizationKind kind) {
    Organization organization =
        Organization.register(
            OrganizationId.random(),
            "Test " + kind + " " + UUID.randomUUID(),
            kind,
            clock.instant());
    organizations.save(organization);
    return organization.id();
  }

  /** An active user with a password and an enrolled second factor. */
  @Transactional
  public TestUser enrolled(OrganizationId organization, Role... roles) {
    User user = invited(organization, roles);
    user.acceptInvitation(passwordHash(), clock.instant());
    String secret = Totp.newSecret();
    user.beginSecondFactorEnrolment(secret);
    user.confirmSecondFactor(0, Set.of());
    users.save(user);
    return new TestUser(user.id(), organization, user.email(), secret);
  }

  /** An active user with a password who has not enrolled a second factor yet. */
  @Transactional
  public TestUser withoutSecondFactor(OrganizationId organization, Role... roles) {
    User user = invited(organization, roles);
    user.acceptInvitation(passwordHash(), clock.instant());
    users.save(user);
    return new TestUser(user.id(), organization, user.email(), null);
  }

  private User invited(OrganizationId organization, Role... roles) {
    String email = "user-" + UUID.randomUUID() + "@example.org";
    return User.invite(
        UserId.random(), organization, email, "Test User", Set.of(roles), clock.instant());
  }

  private String passwordHash() {
    if (cachedHash == null) {
      cachedHash = passwordEncoder.encode(PASSWORD);
    }
    return cachedHash;
  }
}
