package org.bridgeway.identity.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.admin.Administration;
import org.bridgeway.testing.MutableClock;
import org.bridgeway.testing.Principals;
import org.bridgeway.testing.TestUsers;
import org.bridgeway.testing.WebIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** API tokens over real HTTP: scope, expiry, revocation, no cookies. */
@WebIntegrationTest
class ApiTokenIntegrationTests {

  @LocalServerPort int port;
  @Autowired TestUsers testUsers;
  @Autowired ApiTokenService tokens;
  @Autowired Administration administration;
  @Autowired MutableClock clock;

  private final HttpClient http = HttpClient.newHttpClient();
  OrganizationId agency;
  OrganizationId provider;
  BridgewayPrincipal agencyAdmin;

  @BeforeEach
  void setUp() {
    agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    provider = testUsers.organization(OrganizationKind.TREATMENT_PROVIDER);
    agencyAdmin =
        Principals.user(agency, OrganizationKind.PROBATION_AGENCY, Role.ORGANIZATION_ADMIN);
  }

  @Test
  void aValidTokenActsForItsOrganizationAndRolesWithoutCookies() throws Exception {
    String token =
        tokens.issue(agencyAdmin, agency, "Case system", Set.of(Role.OFFICER), null).value();
    HttpResponse<String> me = get("/api/v1/me", token);

    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body()).contains("\"kind\":\"api-client\"", agency.toString(), "OFFICER");
    assertThat(me.headers().firstValue("Set-Cookie")).isEmpty();
  }

  @Test
  void requestsWithoutATokenOrWithAnInvalidOneAreRefused() throws Exception {
    assertThat(get("/api/v1/me", null).statusCode()).isEqualTo(401);
    HttpResponse<String> invalid = get("/api/v1/me", "bw_not-a-real-token");
    assertThat(invalid.statusCode()).isEqualTo(401);
    assertThat(invalid.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(invalid.headers().firstValue("Set-Cookie")).isEmpty();
  }

  @Test
  void concurrentRequestsWithOneTokenAllSucceedAndItsUseIsRecordedOnceAMinute() throws Exception {
    IssuedToken issued = tokens.issue(agencyAdmin, agency, "Busy", Set.of(Role.OFFICER), null);
    assertThat(burstOfRequests(issued.value())).containsOnly(200);
    assertThat(lastUsedAt(issued)).isCloseTo(clock.instant(), within(1, ChronoUnit.MILLIS));

    java.time.Instant recorded = clock.instant();
    clock.advance(Duration.ofSeconds(30));
    assertThat(burstOfRequests(issued.value())).containsOnly(200);
    assertThat(lastUsedAt(issued)).isCloseTo(recorded, within(1, ChronoUnit.MILLIS));

    clock.advance(Duration.ofMinutes(2));
    assertThat(burstOfRequests(issued.value())).containsOnly(200);
    assertThat(lastUsedAt(issued)).isCloseTo(clock.instant(), within(1, ChronoUnit.MILLIS));

    tokens.revoke(agencyAdmin, issued.id());
    assertThat(get("/api/v1/me", issued.value()).statusCode()).isEqualTo(401);
  }

  /** Sixteen requests at once with one token, as a partner system's worker pool sends them. */
  private java.util.List<Integer> burstOfRequests(String token) throws Exception {
    try (var clients = java.util.concurrent.Executors.newFixedThreadPool(16)) {
      var started = new java.util.concurrent.CountDownLatch(1);
      var statuses = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
      for (int i = 0; i < 16; i++) {
        statuses.add(
            clients.submit(
                () -> {
                  started.await();
                  return get("/api/v1/me", token).statusCode();
                }));
      }
      started.countDown();
      var result = new java.util.ArrayList<Integer>();
      for (var status : statuses) {
        result.add(status.get());
      }
      return result;
    }
  }

  private java.time.Instant lastUsedAt(IssuedToken issued) {
    return tokens.visibleTo(agencyAdmin).stream()
        .filter(t -> t.id().equals(issued.id()))
        .findFirst()
        .orElseThrow()
        .lastUsedAt();
  }

  @Test
  void aTokenOfADeactivatedOrganizationIsRefused() throws Exception {
    OrganizationId leaving = testUsers.organization(OrganizationKind.COMMUNITY_ORGANIZATION);
    BridgewayPrincipal networkAdmin =
        Principals.user(agency, OrganizationKind.PROBATION_AGENCY, Role.NETWORK_ADMIN);
    String token =
        tokens.issue(networkAdmin, leaving, "Old feed", Set.of(Role.PROVIDER_STAFF), null).value();
    assertThat(get("/api/v1/me", token).statusCode()).isEqualTo(200);

    var organization = administration.organization(networkAdmin, leaving);
    administration.updateOrganization(
        networkAdmin,
        leaving,
        organization.name(),
        organization.kind(),
        false,
        organization.version());

    assertThat(get("/api/v1/me", token).statusCode()).isEqualTo(401);
  }

  @Test
  void aRevokedTokenStopsWorkingAtOnce() throws Exception {
    IssuedToken issued = tokens.issue(agencyAdmin, agency, "Revoked", Set.of(Role.OFFICER), null);
    assertThat(get("/api/v1/me", issued.value()).statusCode()).isEqualTo(200);
    tokens.revoke(agencyAdmin, issued.id());
    assertThat(get("/api/v1/me", issued.value()).statusCode()).isEqualTo(401);
  }

  @Test
  void anExpiredTokenIsRefused() throws Exception {
    String token =
        tokens
            .issue(
                agencyAdmin,
                agency,
                "Short-lived",
                Set.of(Role.OFFICER),
                clock.instant().plus(Duration.ofDays(1)))
            .value();
    assertThat(get("/api/v1/me", token).statusCode()).isEqualTo(200);
    clock.advance(Duration.ofDays(2));
    assertThat(get("/api/v1/me", token).statusCode()).isEqualTo(401);
  }

  @Test
  void aTokenSeesOnlyItsOwnOrganizationsUsers() throws Exception {
    var providerStaff = testUsers.enrolled(provider, Role.PROVIDER_STAFF);
    var officer = testUsers.enrolled(agency, Role.OFFICER);
    String token =
        tokens
            .issue(agencyAdmin, agency, "Admin client", Set.of(Role.ORGANIZATION_ADMIN), null)
            .value();

    HttpResponse<String> list = get("/api/v1/users?size=200", token);
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains(officer.email()).doesNotContain(providerStaff.email());
    assertThat(get("/api/v1/users/" + providerStaff.id(), token).statusCode()).isEqualTo(404);
    assertThat(get("/api/v1/users/" + UUID.randomUUID(), token).statusCode()).isEqualTo(404);
  }

  @Test
  void aTokenWithoutAnAdministratorRoleCannotListUsers() throws Exception {
    String token =
        tokens.issue(agencyAdmin, agency, "Officer client", Set.of(Role.OFFICER), null).value();
    assertThat(get("/api/v1/users", token).statusCode()).isEqualTo(403);
  }

  @Test
  void anOrganizationAdministratorCannotIssueTokensForAnotherOrganizationOrWithNetworkRights() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> tokens.issue(agencyAdmin, provider, "Foreign", Set.of(Role.PROVIDER_STAFF), null))
        .isInstanceOf(org.bridgeway.shared.web.NotFoundException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> tokens.issue(agencyAdmin, agency, "Escalation", Set.of(Role.NETWORK_ADMIN), null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void invitingOverTheApiIsIdempotentWithAnIdempotencyKey() throws Exception {
    String token =
        tokens.issue(agencyAdmin, agency, "HR feed", Set.of(Role.ORGANIZATION_ADMIN), null).value();
    String email = "api-invite-" + System.nanoTime() + "@example.org";
    String body =
        "{\"organization\":\""
            + agency
            + "\",\"email\":\""
            + email
            + "\",\"displayName\":\"Api Invitee\",\"roles\":[\"OFFICER\"]}";
    String key = "invite-" + UUID.randomUUID();

    HttpResponse<String> first = post("/api/v1/users", token, body, key);
    HttpResponse<String> replay = post("/api/v1/users", token, body, key);

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(replay.statusCode()).isEqualTo(201);
    assertThat(replay.body()).isEqualTo(first.body());
    assertThat(administration.usersVisibleTo(agencyAdmin, null))
        .filteredOn(u -> u.email().equals(email))
        .hasSize(1);
  }

  @Test
  void badJsonGetsAProblemNamingTheField() throws Exception {
    String token =
        tokens
            .issue(agencyAdmin, agency, "Sloppy client", Set.of(Role.ORGANIZATION_ADMIN), null)
            .value();
    HttpResponse<String> response =
        post(
            "/api/v1/users",
            token,
            "{\"organization\":\""
                + agency
                + "\",\"email\":\"nope\",\"displayName\":\"\",\"roles\":[]}",
            null);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains("email", "displayName", "roles")
        .doesNotContain("Exception", "at org.");
    HttpResponse<String> wrongType =
        post("/api/v1/users", token, "{\"organization\":42,\"roles\":\"OFFICER\"}", null);
    assertThat(wrongType.statusCode()).isEqualTo(400);
    assertThat(wrongType.body()).contains("organization").doesNotContain("java.", "tools.jackson");
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String token, String json, String idempotencyKey)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
