package org.bridgeway.identity.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.organization.Organization;
import org.bridgeway.identity.organization.Organizations;
import org.bridgeway.identity.signin.DemoSecondFactorHints;
import org.bridgeway.identity.signin.SignInService;
import org.bridgeway.identity.signin.Totp;
import org.bridgeway.identity.token.ApiTokenService;
import org.bridgeway.identity.user.User;
import org.bridgeway.identity.user.Users;
import org.bridgeway.shared.demo.DemoProperties;
import org.bridgeway.testing.MutableClock;
import org.bridgeway.testing.TestClockConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/** The demo network as someone trying Bridgeway meets it. */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
@Import(TestClockConfiguration.class)
@TestPropertySource(
    properties = "bridgeway.demo.directory=${java.io.tmpdir}/bridgeway-demo-test/${random.uuid}")
class IdentityDemoDataTests {

  @Autowired Organizations organizations;
  @Autowired Users users;
  @Autowired SignInService signIn;
  @Autowired ApiTokenService tokens;
  @Autowired DemoSecondFactorHints hints;
  @Autowired DemoProperties demoProperties;
  @Autowired IdentityDemoData demoData;
  @Autowired MutableClock clock;

  @Test
  void fortyOrganizationsOfEveryKind() {
    List<Organization> all = organizations.findAll();
    assertThat(all).hasSize(40);
    assertThat(all.stream().map(Organization::kind).collect(Collectors.toSet()))
        .isEqualTo(EnumSet.allOf(OrganizationKind.class));
  }

  @Test
  void usersOfEveryRole() {
    Set<Role> roles =
        users.findAll().stream().flatMap(u -> u.roles().stream()).collect(Collectors.toSet());
    assertThat(roles).isEqualTo(EnumSet.allOf(Role.class));
  }

  @Test
  void everyDemoUserSignsInWithTheDemoPasswordAndTheCodeTheDemoShows() {
    for (IdentityDemoData.DemoUser demoUser : IdentityDemoData.DEMO_USERS) {
      clock.advance(java.time.Duration.ofSeconds(30));
      var step =
          signIn.checkPassword(
              demoUser.localPart() + "@" + IdentityDemoData.EMAIL_DOMAIN,
              IdentityDemoData.PASSWORD);
      assertThat(step).isInstanceOf(SignInService.PasswordStep.Accepted.class);
      var user = ((SignInService.PasswordStep.Accepted) step).user();
      String code = hints.currentCodeFor(user).orElseThrow();
      assertThat(signIn.verifySecondFactor(user, code))
          .isInstanceOf(SignInService.SecondFactorStep.Verified.class);
    }
  }

  @Test
  void theDemoShowsCodesOnlyForDemoUsers() {
    User someone = users.findAll().getFirst();
    assertThat(hints.currentCodeFor(someone.id()))
        .hasValueSatisfying(code -> assertThat(code).hasSize(6));
    assertThat(Totp.codeAt(IdentityDemoData.totpSecretFor(someone.email()), clock.instant()))
        .isEqualTo(hints.currentCodeFor(someone.id()).orElseThrow());
    User realUser =
        User.invite(
            org.bridgeway.identity.UserId.random(),
            someone.organizationId(),
            "real-person-" + System.nanoTime() + "@riverside.example",
            "Real Person",
            java.util.Set.of(Role.OFFICER),
            clock.instant());
    realUser.acceptInvitation("hash", clock.instant());
    realUser.beginSecondFactorEnrolment(Totp.newSecret());
    realUser.confirmSecondFactor(0, java.util.Set.of());
    users.save(realUser);
    assertThat(hints.currentCodeFor(realUser.id()))
        .as("a user outside the demo domain never gets a hint, even in demo mode")
        .isEmpty();
  }

  @Test
  void everyOrganizationHasAWorkingApiTokenInTheTokenFile() throws Exception {
    Path file = demoProperties.directory().resolve(IdentityDemoData.TOKEN_FILE);
    List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.startsWith("#")).toList();
    assertThat(lines).hasSize(40);
    for (String line : lines) {
      String token = line.split("\t")[2];
      assertThat(tokens.authenticate(token)).as(line).isPresent();
    }
  }

  @Test
  void seedingAgainAddsNothing() {
    long organizationsBefore = organizations.count();
    long usersBefore = users.count();
    demoData.seed(newDemoData());
    assertThat(organizations.count()).isEqualTo(organizationsBefore);
    assertThat(users.count()).isEqualTo(usersBefore);
  }

  private org.bridgeway.shared.demo.DemoData newDemoData() {
    return new org.bridgeway.shared.demo.DemoData(demoProperties.directory());
  }
}
