package org.bridgeway.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.admin.Administration;
import org.bridgeway.testing.MutableClock;
import org.bridgeway.testing.Principals;
import org.bridgeway.testing.SignInSteps;
import org.bridgeway.testing.TestUsers;
import org.bridgeway.testing.TestUsers.TestUser;
import org.bridgeway.testing.WebIntegrationTest;
import org.bridgeway.testing.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The sign-in rules of SECURITY.md, exercised over HTTP against the real session store. */
@WebIntegrationTest
class SignInIntegrationTests {

  @LocalServerPort int port;
  @Autowired TestUsers testUsers;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;
  @Autowired Administration administration;

  OrganizationId agency;

  @BeforeEach
  void setUp() {
    agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    // Each test starts on its own time step, so codes of earlier tests are not replays.
    clock.advance(Duration.ofMinutes(1));
  }

  @Test
  void signInWithPasswordAndSecondFactorReachesTheHomePage() {
    TestUser officer = testUsers.enrolled(agency, Role.OFFICER);
    WebSession web = SignInSteps.signedIn(port, officer, clock);

    WebSession.Page home = web.get("/");
    assertThat(home.status()).isEqualTo(200);
    assertThat(home.body()).contains("Welcome, Test User");
  }

  @Test
  void theSessionCookieIsHttpOnlyAndSameSiteStrict() {
    TestUser officer = testUsers.enrolled(agency, Role.OFFICER);
    WebSession.Page page =
        SignInSteps.password(new WebSession(port), officer.email(), TestUsers.PASSWORD);
    assertThat(page.setCookies())
        .anySatisfy(
            cookie ->
                assertThat(cookie)
                    .startsWith("BRIDGEWAY_SESSION=")
                    .containsIgnoringCase("HttpOnly")
                    .contains("SameSite=Strict"))
        .noneSatisfy(cookie -> assertThat(cookie).startsWith("SESSION="));
  }

  @Test
  void withoutTheSecondFactorNoPageWithDataIsReached() {
    TestUser officer = testUsers.enrolled(agency, Role.OFFICER);
    WebSession web = new WebSession(port);
    assertThat(
            SignInSteps.password(web, officer.email(), TestUsers.PASSWORD)
                .redirectsTo("/login/second-factor"))
        .isTrue();

    for (String path : List.of("/", "/admin/users", "/admin/audit", "/login/recovery-codes")) {
      WebSession.Page page = web.get(path);
      assertThat(page.status()).as(path).isEqualTo(302);
      assertThat(page.redirectsTo("/login")).as(path).isTrue();
    }
  }

  @Test
  void theSystemUseNoticeMustBeAcknowledgedBeforeThePasswordIsChecked() {
    TestUser officer = testUsers.enrolled(agency, Role.OFFICER);
    WebSession web = new WebSession(port);
    web.get("/login");
    WebSession.Page page =
        web.post("/login", Map.of("email", officer.email(), "password", TestUsers.PASSWORD));

    assertThat(page.status()).isEqualTo(400);
    assertThat(page.body()).contains("Confirm that you have read the system use notice");
    assertThat(web.get("/login/second-factor").redirectsTo("/login")).isTrue();
  }

  @Test
  void unknownAccountsAndWrongPasswordsGetTheSameAnswer() {
    TestUser officer = testUsers.enrolled(agency, Role.OFFICER);
    WebSession.Page wrongPassword =
        SignInSteps.password(new WebSession(port), officer.email(), "not the password at all");
    WebSession.Page unknown =
        SignInSteps.password(
            new WebSession(port), "nobody-here@example.org", "not the password at all");

    assertThat(wrongPassword.status()).isEqualTo(401);
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(errorText(wrongPassword.body())).isEqualTo(errorText(unknown.body()));
  }

  @Test
  void fiveFailedSignInsWithinFifteenMinutesLockTheAccountUntilAnAdministratorUnlocksIt() {
    TestUser officer = testUsers.enrolled(agency, Role.OFFICER);
    for (int i = 0; i < 5; i++) {
      assertThat(
              SignInSteps.password(new WebSession(port), officer.email(), "wrong password " + i)
                  .status())
          .isEqualTo(401);
      clock.advance(Duration.ofMinutes(2));
    }
    clock.advance(Duration.ofHours(1));
    assertThat(
            SignInSteps.password(new WebSession(port), officer.email(), TestUsers.PASSWORD)
                .status())
        .as("the right password does not open a locked account")
        .isEqualTo(401);

    var admin = Principals.user(agency, OrganizationKind.PROBATION_AGENCY, Role.ORGANIZATION_ADMIN);
    long version = administration.user(admin, officer.id()).version();
    administration.unlock(admin, officer.id(), version);

    SignInSteps.signedIn(port, officer, clock);
  }

  @Test
  void wrongSecondFactorCodesCountTowardLockout() {
    TestUser officer = testUsers.enrolled(agency, Role.OFFICER);
    WebSession web = new WebSession(port);
    SignInSteps.password(web, officer.email(), TestUsers.PASSWORD);
    String wrong = Totp.codeAt(officer.totpSecret(), clock.instant().plus(Duration.ofHours(1)));
    for (int i = 0; i < 4; i++) {
      assertThat(SignInSteps.code(web, wrong).status()).isEqualTo(401);
    }
    WebSession.Page fifth = SignInSteps.code(web, wrong);
    assertThat(fifth.redirectsTo("/login")).isTrue();
    assertThat(
            SignInSteps.password(new WebSession(port), officer.email(), TestUsers.PASSWORD)
                .status())
        .isEqualTo(401);
  }

  @Test
  void aCodeThatWasUsedOnceIsRefusedTheSecondTime() {
    TestUser officer = testUsers.enrolled(agency, Role.OFFICER);
    String code = Totp.codeAt(officer.totpSecret(), clock.instant());
    WebSession first = new WebSession(port);
    SignInSteps.password(first, officer.email(), TestUsers.PASSWORD);
    assertThat(SignInSteps.code(first, code).locationWithQuery()).isEqualTo("/");

    WebSession second = new WebSession(port);
    SignInSteps.password(second, officer.email(), TestUsers.PASSWORD);
    assertThat(SignInSteps.code(second, code).status()).isEqualTo(401);
  }

  @Test
  void firstSignInEnrolsTheSecondFactorAndShowsRecoveryCodesThatWorkOnce() {
    TestUser officer = testUsers.withoutSecondFactor(agency, Role.OFFICER);
    WebSession web = new WebSession(port);
    assertThat(
            SignInSteps.password(web, officer.email(), TestUsers.PASSWORD)
                .redirectsTo("/login/enrol"))
        .isTrue();

    WebSession.Page enrol = web.get("/login/enrol");
    assertThat(enrol.body()).contains("data:image/svg+xml;base64,");
    String secret = between(enrol.body(), "id=\"totp-secret\">", "<");
    WebSession.Page confirmed =
        web.post("/login/enrol", Map.of("code", Totp.codeAt(secret, clock.instant())));
    assertThat(confirmed.locationWithQuery()).isEqualTo("/login/recovery-codes");
    WebSession.Page codesPage = web.get("/login/recovery-codes");
    List<String> codes =
        codesPage
            .body()
            .lines()
            .filter(l -> l.contains("<li><code>"))
            .map(l -> between(l, "<code>", "</code>"))
            .toList();
    assertThat(codes).hasSize(10).allMatch(c -> c.matches("[a-z2-7]{5}-[a-z2-7]{5}"));
    assertThat(web.get("/login/recovery-codes").redirectsTo("/")).as("shown only once").isTrue();

    clock.advance(Duration.ofMinutes(1));
    WebSession withRecovery = new WebSession(port);
    SignInSteps.password(withRecovery, officer.email(), TestUsers.PASSWORD);
    assertThat(SignInSteps.code(withRecovery, codes.get(3)).locationWithQuery()).isEqualTo("/");
    WebSession again = new WebSession(port);
    SignInSteps.password(again, officer.email(), TestUsers.PASSWORD);
    assertThat(SignInSteps.code(again, codes.get(3)).status()).isEqualTo(401);
  }

  @Test
  void aSessionIdleForThirtyMinutesIsLocked() {
    TestUser officer = testUsers.enrolled(agency, Role.OFFICER);
    WebSession web = SignInSteps.signedIn(port, officer, clock);
    clock.advance(Duration.ofMinutes(29));
    assertThat(web.get("/").status()).isEqualTo(200);
    clock.advance(Duration.ofMinutes(31));

    WebSession.Page page = web.get("/");
    assertThat(page.locationWithQuery()).isEqualTo("/login?idle");
    assertThat(web.get("/").redirectsTo("/login"))
        .as("the session is gone, not just redirected once")
        .isTrue();
  }

  @Test
  void anActiveSessionMustSignInAgainAfterTwelveHours() {
    TestUser officer = testUsers.enrolled(agency, Role.OFFICER);
    WebSession web = SignInSteps.signedIn(port, officer, clock);
    for (int i = 0; i < 24; i++) {
      clock.advance(Duration.ofMinutes(29));
      assertThat(web.get("/").status())
          .as("still active after %d half-hours", i + 1)
          .isEqualTo(200);
    }
    clock.advance(Duration.ofMinutes(29));
    assertThat(web.get("/").locationWithQuery()).isEqualTo("/login?reauthenticate");
  }

  @Test
  void signingOutEndsTheSessionOnTheServer() {
    TestUser officer = testUsers.enrolled(agency, Role.OFFICER);
    WebSession web = SignInSteps.signedIn(port, officer, clock);
    String sessionId = web.cookie("BRIDGEWAY_SESSION").orElseThrow();
    web.get("/");
    assertThat(web.post("/logout", Map.of()).locationWithQuery()).isEqualTo("/login?signedOut");

    WebSession replay = new WebSession(port);
    replay.setCookie("BRIDGEWAY_SESSION", sessionId);
    assertThat(replay.get("/").redirectsTo("/login")).isTrue();
    assertThat(
            jdbc.sql("select count(*) from spring_session where principal_name = ?")
                .param("user:" + officer.id().value())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void sessionsAreKeptInPostgresqlAndEndWhenTheAccountIsDisabled() {
    TestUser officer = testUsers.enrolled(agency, Role.OFFICER);
    WebSession web = SignInSteps.signedIn(port, officer, clock);
    assertThat(
            jdbc.sql("select count(*) from spring_session where principal_name = ?")
                .param("user:" + officer.id().value())
                .query(Long.class)
                .single())
        .isEqualTo(1);

    var admin = Principals.user(agency, OrganizationKind.PROBATION_AGENCY, Role.ORGANIZATION_ADMIN);
    administration.disable(admin, officer.id(), administration.user(admin, officer.id()).version());

    assertThat(web.get("/").redirectsTo("/login")).isTrue();
    assertThat(
            SignInSteps.password(new WebSession(port), officer.email(), TestUsers.PASSWORD)
                .status())
        .isEqualTo(401);
  }

  @Test
  void signInsAreAuditedWithSuccessAndFailure() {
    TestUser officer = testUsers.enrolled(agency, Role.OFFICER);
    SignInSteps.password(new WebSession(port), officer.email(), "wrong password here");
    SignInSteps.signedIn(port, officer, clock);

    List<String> outcomes =
        jdbc.sql(
                "select action || ':' || outcome from audit_entry where record_id = ? order by seq")
            .param(officer.id().value())
            .query(String.class)
            .list();
    assertThat(outcomes)
        .containsSubsequence(
            "identity.sign-in.password:FAILURE",
            "identity.sign-in.password:SUCCESS",
            "identity.sign-in:SUCCESS");
  }

  @Test
  void hostileAndOversizedInputIsRefusedWithoutAServerError() {
    WebSession web = new WebSession(port);
    web.get("/login");
    assertThat(
            web.post(
                    "/login",
                    Map.of("acknowledged", "true", "email", "x".repeat(10_000), "password", "p"))
                .status())
        .isEqualTo(400);
    assertThat(
            web.post(
                    "/login",
                    Map.of(
                        "acknowledged", "true", "email", "' or 1=1 --", "password", "' or 1=1 --"))
                .status())
        .isEqualTo(401);
    assertThat(
            web.post("/login", Map.of("acknowledged", "maybe", "email", "a@b.org", "password", "p"))
                .status())
        .isEqualTo(400);
    assertThat(
            web.postRaw(
                    "/login", Map.of("acknowledged", "true", "email", "a@b.org", "password", "p"))
                .status())
        .as("no CSRF token")
        .isEqualTo(403);
    assertThat(web.post("/login/second-factor", Map.of("code", "<script>")).redirectsTo("/login"))
        .isTrue();
  }

  private static String errorText(String body) {
    int start = body.indexOf("id=\"error-summary\"");
    return start < 0 ? "" : body.substring(start, body.indexOf("</div>", start));
  }

  private static String between(String text, String start, String end) {
    int from = text.indexOf(start) + start.length();
    return text.substring(from, text.indexOf(end, from));
  }
}
