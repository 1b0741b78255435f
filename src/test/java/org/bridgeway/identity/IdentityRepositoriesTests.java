package org.bridgeway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.bridgeway.identity.organization.Organization;
import org.bridgeway.identity.organization.Organizations;
import org.bridgeway.identity.user.User;
import org.bridgeway.identity.user.Users;
import org.bridgeway.shared.persistence.EmbeddedDatabaseProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.test.context.ActiveProfiles;

/**
 * The identity aggregates as Spring Data JDBC stores them, on the real embedded PostgreSQL: typed
 * ids, child collections, optimistic locking.
 */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ActiveProfiles("test")
class IdentityRepositoriesTests {

  @TestConfiguration
  @ComponentScan("org.bridgeway.shared.persistence")
  @EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
  static class Persistence {}

  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

  @Autowired Organizations organizations;
  @Autowired Users users;

  private Organization savedOrganization() {
    return organizations.save(
        Organization.register(
            OrganizationId.random(),
            "Slice Org " + System.nanoTime(),
            OrganizationKind.COURT,
            NOW));
  }

  @Test
  void aUserRoundTripsWithItsTypedIdsRolesAndFailures() {
    Organization organization = savedOrganization();
    User user =
        User.invite(
            UserId.random(),
            organization.id(),
            "slice@example.org",
            "Slice",
            Set.of(Role.OFFICER, Role.SUPERVISOR),
            NOW);
    user.acceptInvitation("hash", NOW);
    user.recordFailedSignIn(NOW);
    user.recordFailedSignIn(NOW);
    users.save(user);

    User loaded = users.findByEmail("slice@example.org").orElseThrow();
    assertThat(loaded.id()).isEqualTo(user.id());
    assertThat(loaded.organizationId()).isEqualTo(organization.id());
    assertThat(loaded.roles()).containsExactlyInAnyOrder(Role.OFFICER, Role.SUPERVISOR);
    assertThat(loaded.createdAt()).isEqualTo(NOW);
    assertThat(users.findByOrganizationIdOrderByDisplayName(organization.id()))
        .extracting(User::id)
        .containsExactly(user.id());

    for (int i = 0; i < 3; i++) {
      loaded.recordFailedSignIn(NOW);
    }
    assertThat(loaded.isLocked()).as("five failures in the same instant all count").isTrue();
  }

  @Test
  void aStaleCopyCannotOverwriteANewerOne() {
    Organization organization = savedOrganization();
    Organization first = organizations.findById(organization.id()).orElseThrow();
    Organization second = organizations.findById(organization.id()).orElseThrow();
    first.rename("Renamed first " + System.nanoTime());
    organizations.save(first);
    second.rename("Renamed second " + System.nanoTime());

    assertThatThrownBy(() -> organizations.save(second))
        .isInstanceOf(OptimisticLockingFailureException.class);
  }
}
