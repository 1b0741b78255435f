package org.bridgeway.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;

class LayoutModelTest {

  private final LayoutModel layout = new LayoutModel();

  @Test
  void anonymousVisitorSeesNoNavigationAndNoUser() {
    Authentication anonymous =
        new AnonymousAuthenticationToken(
            "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    assertThat(layout.navigationFor(anonymous, "/login")).isEmpty();
    assertThat(layout.navigationFor(null, "/login")).isEmpty();
    assertThat(layout.currentUserOf(anonymous)).isNull();
    assertThat(layout.currentUserOf(null)).isNull();
  }

  @Test
  void officerSeesHomeTheirCaseloadTheirAlertsTheirReferralsAndTheDirectory() {
    List<NavigationItem> navigation = layout.navigationFor(signedIn("ROLE_OFFICER"), "/");

    assertThat(navigation)
        .containsExactly(
            new NavigationItem("nav.home", "/", true),
            new NavigationItem("nav.caseload", "/supervision/caseload", false),
            new NavigationItem("nav.alerts", "/care/alerts", false),
            new NavigationItem("nav.referrals", "/referrals", false),
            new NavigationItem("nav.directory", "/directory/search", false),
            new NavigationItem("nav.programMeasures", "/care/programs/measures", false));
  }

  @Test
  void supervisorSeesTheCaseloadAndTheTeam() {
    assertThat(layout.navigationFor(signedIn("ROLE_SUPERVISOR"), "/supervision/team"))
        .extracting(NavigationItem::path, NavigationItem::current)
        .containsExactly(
            tuple("/", false),
            tuple("/supervision/caseload", false),
            tuple("/care/alerts", false),
            tuple("/supervision/team", true),
            tuple("/referrals", false),
            tuple("/directory/search", false),
            tuple("/care/programs/measures", false),
            tuple("/referrals/measures", false),
            tuple("/outcomes/measures", false),
            tuple("/outcomes/evidence/effectiveness", false),
            tuple("/outcomes/event-imports", false));
  }

  @Test
  void onlyAnAdministratorOfASupervisingAgencySeesTheCaseload() {
    DisplayablePrincipal agencyAdministrator =
        new DisplayablePrincipal() {
          @Override
          public String displayName() {
            return "Ari Stone";
          }

          @Override
          public boolean supervisesPeople() {
            return true;
          }
        };

    assertThat(
            layout.navigationFor(
                authenticated(agencyAdministrator, "ROLE_ORGANIZATION_ADMIN"),
                "/supervision/caseload"))
        .extracting(NavigationItem::path)
        .contains("/supervision/caseload")
        .doesNotContain("/supervision/team");
    assertThat(layout.navigationFor(signedIn("ROLE_ORGANIZATION_ADMIN"), "/"))
        .extracting(NavigationItem::path)
        .doesNotContain("/supervision/caseload");
  }

  @Test
  void organizationAdministratorSeesTheAdministrationPagesWithTheCurrentOneMarked() {
    List<NavigationItem> navigation =
        layout.navigationFor(signedIn("ROLE_ORGANIZATION_ADMIN"), "/admin/users/8d3c/roles");

    assertThat(navigation)
        .containsExactly(
            new NavigationItem("nav.home", "/", false),
            new NavigationItem("nav.directory", "/directory/search", false),
            new NavigationItem("nav.listings", "/directory/listings", false),
            new NavigationItem("nav.administration", "/admin/organizations", false),
            new NavigationItem("nav.users", "/admin/users", true),
            new NavigationItem("nav.apiTokens", "/admin/api-tokens", false),
            new NavigationItem("nav.audit", "/admin/audit", false));
  }

  @Test
  void networkAdministratorSeesTheAdministrationPages() {
    assertThat(layout.navigationFor(signedIn("ROLE_NETWORK_ADMIN"), "/admin/audit"))
        .extracting(NavigationItem::path, NavigationItem::current)
        .containsExactly(
            tuple("/", false),
            tuple("/directory/search", false),
            tuple("/directory/listings", false),
            tuple("/outcomes/measures", false),
            tuple("/outcomes/evidence/effectiveness", false),
            tuple("/directory/imports", false),
            tuple("/directory/stewards", false),
            tuple("/admin/organizations", false),
            tuple("/admin/users", false),
            tuple("/admin/api-tokens", false),
            tuple("/admin/audit", true));
  }

  @Test
  void providerStaffSeeTheirListingsAndReferralInboxButNotTheImport() {
    assertThat(layout.navigationFor(signedIn("ROLE_PROVIDER_STAFF"), "/directory/listings/42"))
        .extracting(NavigationItem::path, NavigationItem::current)
        .containsExactly(
            tuple("/", false),
            tuple("/directory/search", false),
            tuple("/directory/listings", true),
            tuple("/care/provider/episodes", false),
            tuple("/provider/referrals", false),
            tuple("/care/provider/transitions", false),
            tuple("/care/provider/uploads", false),
            tuple("/referrals/measures", false),
            tuple("/outcomes/measures", false));
  }

  @Test
  void aPathThatOnlySharesAPrefixIsNotCurrent() {
    assertThat(layout.navigationFor(signedIn("ROLE_NETWORK_ADMIN"), "/admin/users-export"))
        .noneMatch(NavigationItem::current);
  }

  @Test
  void authenticationWithoutAnyRoleSeesNoNavigationButCanSignOut() {
    Authentication halfway = signedIn("FACTOR_PASSWORD");

    assertThat(layout.navigationFor(halfway, "/login/second-factor")).isEmpty();
    assertThat(layout.currentUserOf(halfway)).isNotNull();
  }

  @Test
  void displayablePrincipalGivesNameAndOrganization() {
    DisplayablePrincipal principal =
        new DisplayablePrincipal() {
          @Override
          public String displayName() {
            return "Dana Reyes";
          }

          @Override
          public String organizationName() {
            return "County Probation";
          }
        };

    assertThat(layout.currentUserOf(authenticated(principal, "ROLE_OFFICER")))
        .isEqualTo(new CurrentUser("Dana Reyes", "County Probation"));
  }

  @Test
  void userDetailsGiveTheirUsername() {
    User user =
        new User("dana@example.org", "unused", AuthorityUtils.createAuthorityList("ROLE_OFFICER"));

    assertThat(layout.currentUserOf(authenticated(user, "ROLE_OFFICER")))
        .isEqualTo(new CurrentUser("dana@example.org", null));
  }

  @Test
  void anOpaquePrincipalIsNotShown() {
    record Opaque(String secret) {}

    assertThat(layout.currentUserOf(authenticated(new Opaque("x"), "ROLE_OFFICER")))
        .isEqualTo(new CurrentUser(null, null));
  }

  private static Authentication signedIn(String... authorities) {
    return authenticated("dana", authorities);
  }

  private static Authentication authenticated(Object principal, String... authorities) {
    return UsernamePasswordAuthenticationToken.authenticated(
        principal, null, AuthorityUtils.createAuthorityList(Arrays.asList(authorities)));
  }
}
