package org.bridgeway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.bridgeway.identity.user.DormantAccounts;
import org.bridgeway.identity.user.UserStatus;
import org.bridgeway.identity.user.Users;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.MutableClock;
import org.bridgeway.testing.Principals;
import org.bridgeway.testing.TestUsers;
import org.bridgeway.testing.TestUsers.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Administration pages: scoping by organization, rules, bad input, audit, dormant accounts. */
@IntegrationTest
@AutoConfigureMockMvc
class AdministrationIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestUsers testUsers;
  @Autowired Users users;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired DormantAccounts dormantAccounts;

  OrganizationId agency;
  OrganizationId provider;
  BridgewayPrincipal agencyAdmin;
  BridgewayPrincipal networkAdmin;

  @BeforeEach
  void setUp() {
    agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    provider = testUsers.organization(OrganizationKind.TREATMENT_PROVIDER);
    agencyAdmin =
        Principals.user(agency, OrganizationKind.PROBATION_AGENCY, Role.ORGANIZATION_ADMIN);
    networkAdmin = Principals.user(agency, OrganizationKind.PROBATION_AGENCY, Role.NETWORK_ADMIN);
  }

  private static RequestPostProcessor as(BridgewayPrincipal principal) {
    return authentication(Principals.authenticationOf(principal));
  }

  @Test
  void anOrganizationAdministratorInvitesAUserOfTheirOwnOrganization() throws Exception {
    String email = "new-officer-" + System.nanoTime() + "@example.org";
    mvc.perform(
            post("/admin/users/invite")
                .with(as(agencyAdmin))
                .with(csrf())
                .param("organization", agency.toString())
                .param("email", email)
                .param("displayName", "New Officer")
                .param("roles", "OFFICER"))
        .andExpect(status().is3xxRedirection());

    var user = users.findByEmail(email).orElseThrow();
    assertThat(user.status()).isEqualTo(UserStatus.INVITED);
    assertThat(user.organizationId()).isEqualTo(agency);
    assertThat(auditCount("admin.user.invite", user.id().value())).isEqualTo(1);
  }

  @Test
  void anOrganizationAdministratorCannotInviteIntoAnotherOrganization() throws Exception {
    String email = "intruder-" + System.nanoTime() + "@example.org";
    mvc.perform(
            post("/admin/users/invite")
                .with(as(agencyAdmin))
                .with(csrf())
                .param("organization", provider.toString())
                .param("email", email)
                .param("displayName", "Intruder")
                .param("roles", "PROVIDER_STAFF"))
        .andExpect(status().isNotFound());
    assertThat(users.findByEmail(email)).isEmpty();
  }

  @Test
  void onlyANetworkAdministratorGrantsTheNetworkAdministratorRole() throws Exception {
    String email = "climber-" + System.nanoTime() + "@example.org";
    mvc.perform(
            post("/admin/users/invite")
                .with(as(agencyAdmin))
                .with(csrf())
                .param("organization", agency.toString())
                .param("email", email)
                .param("displayName", "Climber")
                .param("roles", "NETWORK_ADMIN"))
        .andExpect(status().isBadRequest())
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.containsString(
                        "Only a network administrator can grant")));
    assertThat(users.findByEmail(email)).isEmpty();
  }

  @Test
  void usersOfAnotherOrganizationAnswerAsIfTheyDidNotExist() throws Exception {
    TestUser providerStaff = testUsers.enrolled(provider, Role.PROVIDER_STAFF);
    mvc.perform(get("/admin/users/" + providerStaff.id()).with(as(agencyAdmin)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/admin/users/" + java.util.UUID.randomUUID()).with(as(agencyAdmin)))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/admin/users/" + providerStaff.id() + "/disable")
                .with(as(agencyAdmin))
                .with(csrf())
                .param("version", "0"))
        .andExpect(status().isNotFound());
    assertThat(users.findById(providerStaff.id()).orElseThrow().status())
        .isEqualTo(UserStatus.ACTIVE);

    mvc.perform(get("/admin/users").with(as(agencyAdmin)))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString(providerStaff.email()))));
  }

  @Test
  void badInputIsRefusedWithTheFieldNamedAndNothingChanges() throws Exception {
    long before = users.count();
    mvc.perform(
            post("/admin/users/invite")
                .with(as(agencyAdmin))
                .with(csrf())
                .param("organization", "not-a-uuid")
                .param("email", "not an email")
                .param("displayName", "x".repeat(500))
                .param("roles", "EMPEROR"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("error-summary")));
    mvc.perform(
            post("/admin/users/invite")
                .with(as(agencyAdmin))
                .with(csrf())
                .param("organization", agency.toString())
                .param("email", "not an email")
                .param("displayName", "")
                .param("roles", "OFFICER"))
        .andExpect(status().isBadRequest())
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.containsString(
                        "Enter an email address like name@example.org")))
        .andExpect(
            content()
                .string(org.hamcrest.Matchers.containsString("Enter the user&#39;s full name")));
    mvc.perform(
            post("/admin/organizations")
                .with(as(networkAdmin))
                .with(csrf())
                .param("name", "<script>alert(1)</script>")
                .param("kind", "SPACESHIP"))
        .andExpect(status().isBadRequest());
    assertThat(users.count()).isEqualTo(before);
  }

  @Test
  void formsWithoutACsrfTokenAreRefused() throws Exception {
    mvc.perform(
            post("/admin/users/invite")
                .with(as(agencyAdmin))
                .param("organization", agency.toString())
                .param("email", "csrf@example.org")
                .param("displayName", "C")
                .param("roles", "OFFICER"))
        .andExpect(status().isForbidden());
    assertThat(users.findByEmail("csrf@example.org")).isEmpty();
  }

  @Test
  void aDuplicateEmailIsRefusedBesideTheEmailField() throws Exception {
    TestUser existing = testUsers.enrolled(agency, Role.OFFICER);
    mvc.perform(
            post("/admin/users/invite")
                .with(as(agencyAdmin))
                .with(csrf())
                .param("organization", agency.toString())
                .param("email", existing.email().toUpperCase())
                .param("displayName", "Twin")
                .param("roles", "OFFICER"))
        .andExpect(status().isBadRequest())
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.containsString(
                        "A user with this email address already exists")));
  }

  @Test
  void aStaleEditLosesWithAConflictInsteadOfOverwriting() throws Exception {
    TestUser officer = testUsers.enrolled(agency, Role.OFFICER);
    long version = users.findById(officer.id()).orElseThrow().version();
    mvc.perform(
            post("/admin/users/" + officer.id() + "/roles")
                .with(as(agencyAdmin))
                .with(csrf())
                .param("roles", "SUPERVISOR")
                .param("version", Long.toString(version)))
        .andExpect(status().is3xxRedirection());
    mvc.perform(
            post("/admin/users/" + officer.id() + "/roles")
                .with(as(agencyAdmin))
                .with(csrf())
                .param("roles", "ANALYST")
                .param("version", Long.toString(version)))
        .andExpect(status().isConflict());
    assertThat(users.findById(officer.id()).orElseThrow().roles()).containsExactly(Role.SUPERVISOR);
  }

  @Test
  void administratorsCannotDisableThemselves() throws Exception {
    TestUser admin = testUsers.enrolled(agency, Role.ORGANIZATION_ADMIN);
    BridgewayPrincipal self =
        BridgewayPrincipal.user(
            admin.id(),
            agency,
            OrganizationKind.PROBATION_AGENCY,
            "Org",
            "Me",
            java.util.Set.of(Role.ORGANIZATION_ADMIN));
    long version = users.findById(admin.id()).orElseThrow().version();
    mvc.perform(
            post("/admin/users/" + admin.id() + "/disable")
                .with(as(self))
                .with(csrf())
                .param("version", Long.toString(version)))
        .andExpect(status().is3xxRedirection());
    assertThat(users.findById(admin.id()).orElseThrow().status()).isEqualTo(UserStatus.ACTIVE);
  }

  @Test
  void resettingTheSecondFactorMakesTheUserEnrolAgainAndIsAudited() throws Exception {
    TestUser officer = testUsers.enrolled(agency, Role.OFFICER);
    long version = users.findById(officer.id()).orElseThrow().version();
    mvc.perform(
            post("/admin/users/" + officer.id() + "/reset-second-factor")
                .with(as(agencyAdmin))
                .with(csrf())
                .param("version", Long.toString(version)))
        .andExpect(status().is3xxRedirection());
    assertThat(users.findById(officer.id()).orElseThrow().hasConfirmedSecondFactor()).isFalse();
    assertThat(auditCount("admin.user.second-factor.reset", officer.id().value())).isEqualTo(1);
  }

  @Test
  void onlyNetworkAdministratorsRegisterOrganizations() throws Exception {
    String name = "Harbor Housing " + System.nanoTime();
    mvc.perform(
            post("/admin/organizations")
                .with(as(agencyAdmin))
                .with(csrf())
                .param("name", name)
                .param("kind", "COMMUNITY_ORGANIZATION"))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/admin/organizations")
                .with(as(networkAdmin))
                .with(csrf())
                .param("name", name)
                .param("kind", "COMMUNITY_ORGANIZATION"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(
            post("/admin/organizations")
                .with(as(networkAdmin))
                .with(csrf())
                .param("name", name.toUpperCase())
                .param("kind", "FUNDER"))
        .andExpect(status().isBadRequest())
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.containsString(
                        "An organization with this name already exists")));
  }

  @Test
  void accountsUnusedForNinetyDaysAreDisabledByTheNightlyJob() {
    TestUser idle = testUsers.enrolled(agency, Role.OFFICER);
    clock.advance(Duration.ofDays(89));
    TestUser recent = testUsers.enrolled(agency, Role.OFFICER);
    assertThat(dormantAccounts.disableDormantAccounts()).isZero();
    clock.advance(Duration.ofDays(2));

    assertThat(dormantAccounts.disableDormantAccounts()).isGreaterThanOrEqualTo(1);

    assertThat(users.findById(idle.id()).orElseThrow().status()).isEqualTo(UserStatus.DISABLED);
    assertThat(users.findById(recent.id()).orElseThrow().status()).isEqualTo(UserStatus.ACTIVE);
    assertThat(auditCount("identity.account.disable-dormant", idle.id().value())).isEqualTo(1);
  }

  private long auditCount(String action, java.util.UUID record) {
    return jdbc.sql("select count(*) from audit_entry where action = ? and record_id = ?")
        .params(action, record)
        .query(Long.class)
        .single();
  }
}
