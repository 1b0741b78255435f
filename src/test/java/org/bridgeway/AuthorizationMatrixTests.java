package org.bridgeway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.token.ApiTokenService;
import org.bridgeway.identity.user.Users;
import org.bridgeway.testing.CareFixtures;
import org.bridgeway.testing.ConsentFixtures;
import org.bridgeway.testing.ContinuityFixtures;
import org.bridgeway.testing.DirectoryFixtures;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.NotificationFixtures;
import org.bridgeway.testing.Principals;
import org.bridgeway.testing.ReferralFixtures;
import org.bridgeway.testing.SupervisionFixtures;
import org.bridgeway.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint x every role x {own organization's record, another organization's record, no
 * session}, with the expected status written down. An unexpected 2xx or 3xx fails the build, and so
 * does a handler that has no row here: every module adds its endpoints to {@link #ENDPOINTS}.
 */
@IntegrationTest
@AutoConfigureMockMvc
class AuthorizationMatrixTests {

  static final Set<Role> ADMINS = EnumSet.of(Role.NETWORK_ADMIN, Role.ORGANIZATION_ADMIN);
  static final Set<Role> NETWORK_ADMIN = EnumSet.of(Role.NETWORK_ADMIN);
  static final Set<Role> EVERY_ROLE = EnumSet.allOf(Role.class);

  /** Whether a record of another organization is hidden (404) or visible to the whole network. */
  enum Scope {
    /** Records belong to one organization; only a network administrator reaches others'. */
    ORGANIZATION,
    /**
     * The same for everyone who may call the endpoint (a page without a record, the member
     * directory).
     */
    NETWORK
  }

  /**
   * One endpoint. The path is built for a target record: of the caller's organization or another.
   *
   * @param success the status an allowed caller gets for a record it may reach
   * @param hidden the status an allowed caller gets for another organization's record: 404, or a
   *     400 where the other organization is a form choice the caller was never offered
   */
  record Endpoint(
      HttpMethod method,
      String pattern,
      Set<Role> allowed,
      Scope scope,
      int success,
      int hidden,
      Function<Target, MockHttpServletRequestBuilder> request,
      boolean anonymousAllowed) {}

  /** The organization and the fixtures a request acts on. */
  record Target(OrganizationId organization, Fixtures fixtures) {}

  /** Makes fresh records for a request, so that state-changing requests do not interfere. */
  interface Fixtures {
    UUID user(OrganizationId organization);

    long versionOf(UUID user);

    UUID token(OrganizationId organization);

    /** A directory service whose listing the given network organization keeps. */
    UUID directoryService(OrganizationId steward);

    /** A person on supervision kept by the organization, with an open case and a condition. */
    SupervisionFixtures.Supervised supervised(OrganizationId agency);

    /** A new officer of the organization. */
    UUID officer(OrganizationId organization);

    /** The supervision fixtures, for records that hang off a supervised person or case. */
    SupervisionFixtures supervision();

    /** The care fixtures: treatment providers and episodes. */
    CareFixtures care();

    /** The continuity fixtures: hand-offs between providers. */
    ContinuityFixtures continuity();

    /** The consent fixtures: directives, templates, emergency grants. */
    ConsentFixtures consent();

    /** The notification fixtures: webhook endpoints. */
    NotificationFixtures notifications();

    /** An active directory service that search and matching find. */
    UUID matchableService();

    /** The version of the matching weights of the callers' organization (0 for the defaults). */
    long matchingWeightsVersion();

    /** The referral fixtures: drafts, sent referrals in a state, off-platform referrals. */
    ReferralFixtures referrals();

    /** The test users, for a provider's staff to assign. */
    TestUsers users();

    /** A new provider staff user of the organization (a caseworker to assign). */
    UUID providerStaff(OrganizationId organization);

    /** The organization every caller of the matrix belongs to, whatever the target. */
    OrganizationId callers();
  }

  /** Paths that are public by design; their behaviour is tested with the sign-in flow. */
  private static final Set<String> PUBLIC =
      Set.of(
          "GET /login",
          "POST /login",
          "GET /login/second-factor",
          "POST /login/second-factor",
          "GET /login/enrol",
          "POST /login/enrol",
          "GET /login/recovery-codes",
          "GET /invitation/{token}",
          "POST /invitation/{token}");

  static final List<Endpoint> ENDPOINTS = new ArrayList<>();

  static {
    DirectoryExchangeEndpoints.register();
    DirectorySearchEndpoints.register();
    OpenReferralEndpoints.register();
    DirectoryListingEndpoints.register();
    SupervisionEndpoints.register();
    AssessmentEndpoints.register();
    CareEndpoints.register();
    AlertEndpoints.register();
    CareRecordEndpoints.register();
    ContinuityEndpoints.register();
    CareUploadEndpoints.register();
    ConsentEndpoints.register();
    ConsentPageEndpoints.register();
    NotificationEndpoints.register();
    MatchingEndpoints.register();
    ReferralEndpoints.register();
    ReferralMeasuresEndpoints.register();
    ReferralPageEndpoints.register();
    OutcomeEventEndpoints.register();
    OutcomeEvidenceEndpoints.register();
    OutcomeMeasureEndpoints.register();
    web(HttpMethod.GET, "/", EVERY_ROLE, Scope.NETWORK, 200, t -> get("/"));
    // identity administration
    web(
        HttpMethod.GET,
        "/admin/organizations",
        ADMINS,
        Scope.NETWORK,
        200,
        t -> get("/admin/organizations"));
    web(
        HttpMethod.GET,
        "/admin/organizations/new",
        NETWORK_ADMIN,
        Scope.NETWORK,
        200,
        t -> get("/admin/organizations/new"));
    web(
        HttpMethod.POST,
        "/admin/organizations",
        NETWORK_ADMIN,
        Scope.NETWORK,
        302,
        t ->
            post("/admin/organizations")
                .param("name", "Matrix org " + UUID.randomUUID())
                .param("kind", "FUNDER"));
    web(
        HttpMethod.GET,
        "/admin/organizations/{id}",
        ADMINS,
        Scope.ORGANIZATION,
        200,
        t -> get("/admin/organizations/" + t.organization()));
    web(
        HttpMethod.POST,
        "/admin/organizations/{id}",
        NETWORK_ADMIN,
        Scope.NETWORK,
        404,
        t ->
            post("/admin/organizations/" + UUID.randomUUID())
                .param("name", "Renamed")
                .param("kind", "FUNDER")
                .param("active", "true")
                .param("version", "0"));
    web(HttpMethod.GET, "/admin/users", ADMINS, Scope.NETWORK, 200, t -> get("/admin/users"));
    web(
        HttpMethod.GET,
        "/admin/users/invite",
        ADMINS,
        Scope.NETWORK,
        200,
        t -> get("/admin/users/invite"));
    web(
        HttpMethod.POST,
        "/admin/users/invite",
        ADMINS,
        Scope.ORGANIZATION,
        302,
        t ->
            post("/admin/users/invite")
                .param("organization", t.organization().toString())
                .param("email", "matrix-" + UUID.randomUUID() + "@example.org")
                .param("displayName", "Matrix")
                .param("roles", "OFFICER"));
    web(
        HttpMethod.GET,
        "/admin/users/{id}",
        ADMINS,
        Scope.ORGANIZATION,
        200,
        t -> get("/admin/users/" + t.fixtures().user(t.organization())));
    for (String action : List.of("unlock", "reset-second-factor", "disable", "enable")) {
      web(
          HttpMethod.POST,
          "/admin/users/{id}/" + action,
          ADMINS,
          Scope.ORGANIZATION,
          302,
          t -> {
            UUID user = t.fixtures().user(t.organization());
            return post("/admin/users/" + user + "/" + action)
                .param("version", Long.toString(t.fixtures().versionOf(user)));
          });
    }
    web(
        HttpMethod.POST,
        "/admin/users/{id}/roles",
        ADMINS,
        Scope.ORGANIZATION,
        302,
        t -> {
          UUID user = t.fixtures().user(t.organization());
          return post("/admin/users/" + user + "/roles")
              .param("roles", "ANALYST")
              .param("version", Long.toString(t.fixtures().versionOf(user)));
        });
    web(
        HttpMethod.POST,
        "/admin/users/{id}/reinvite",
        ADMINS,
        Scope.ORGANIZATION,
        302,
        t -> post("/admin/users/" + t.fixtures().user(t.organization()) + "/reinvite"));
    web(
        HttpMethod.GET,
        "/admin/api-tokens",
        ADMINS,
        Scope.NETWORK,
        200,
        t -> get("/admin/api-tokens"));
    ENDPOINTS.add(
        new Endpoint(
            HttpMethod.POST,
            "/admin/api-tokens",
            ADMINS,
            Scope.ORGANIZATION,
            302,
            400,
            t ->
                post("/admin/api-tokens")
                    .param("organization", t.organization().toString())
                    .param("name", "Matrix client")
                    .param("roles", "OFFICER"),
            false));
    web(
        HttpMethod.POST,
        "/admin/api-tokens/{id}/revoke",
        ADMINS,
        Scope.ORGANIZATION,
        302,
        t -> post("/admin/api-tokens/" + t.fixtures().token(t.organization()) + "/revoke"));
    // audit
    web(HttpMethod.GET, "/admin/audit", ADMINS, Scope.NETWORK, 200, t -> get("/admin/audit"));
    web(
        HttpMethod.POST,
        "/admin/audit/verify",
        NETWORK_ADMIN,
        Scope.NETWORK,
        302,
        t -> post("/admin/audit/verify"));
    // identity API
    api(HttpMethod.GET, "/api/v1/me", EVERY_ROLE, Scope.NETWORK, 200, t -> get("/api/v1/me"));
    api(
        HttpMethod.GET,
        "/api/v1/organizations",
        EVERY_ROLE,
        Scope.NETWORK,
        200,
        t -> get("/api/v1/organizations"));
    api(
        HttpMethod.GET,
        "/api/v1/organizations/{id}",
        EVERY_ROLE,
        Scope.NETWORK,
        200,
        t -> get("/api/v1/organizations/" + t.organization()));
    api(HttpMethod.GET, "/api/v1/users", ADMINS, Scope.NETWORK, 200, t -> get("/api/v1/users"));
    api(
        HttpMethod.GET,
        "/api/v1/users/{id}",
        ADMINS,
        Scope.ORGANIZATION,
        200,
        t -> get("/api/v1/users/" + t.fixtures().user(t.organization())));
    api(
        HttpMethod.POST,
        "/api/v1/users",
        ADMINS,
        Scope.ORGANIZATION,
        201,
        t ->
            post("/api/v1/users")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"organization\":\""
                        + t.organization()
                        + "\",\"email\":\"matrix-"
                        + UUID.randomUUID()
                        + "@example.org\",\"displayName\":\"Matrix\",\"roles\":[\"OFFICER\"]}"));
  }

  static void web(
      HttpMethod method,
      String pattern,
      Set<Role> allowed,
      Scope scope,
      int success,
      Function<Target, MockHttpServletRequestBuilder> request) {
    ENDPOINTS.add(new Endpoint(method, pattern, allowed, scope, success, 404, request, false));
  }

  static void api(
      HttpMethod method,
      String pattern,
      Set<Role> allowed,
      Scope scope,
      int success,
      Function<Target, MockHttpServletRequestBuilder> request) {
    ENDPOINTS.add(new Endpoint(method, pattern, allowed, scope, success, 404, request, false));
  }

  /**
   * A page or API open to everyone, signed in or not (the public directory, the {@code /hsds} API):
   * anonymous callers and every role get {@code success}.
   */
  static void open(
      HttpMethod method,
      String pattern,
      int success,
      Function<Target, MockHttpServletRequestBuilder> request) {
    ENDPOINTS.add(
        new Endpoint(method, pattern, EVERY_ROLE, Scope.NETWORK, success, 404, request, true));
  }

  static MockHttpServletRequestBuilder get(String path) {
    return MockMvcRequestBuilders.get(path);
  }

  static MockHttpServletRequestBuilder post(String path) {
    return MockMvcRequestBuilders.post(path).with(csrf());
  }

  @Autowired MockMvc mvc;
  @Autowired TestUsers testUsers;
  @Autowired Users users;
  @Autowired ApiTokenService tokens;
  @Autowired DirectoryFixtures directoryFixtures;
  @Autowired SupervisionFixtures supervisionFixtures;
  @Autowired CareFixtures careFixtures;
  @Autowired ConsentFixtures consentFixtures;
  @Autowired ContinuityFixtures continuityFixtures;
  @Autowired NotificationFixtures notificationFixtures;
  @Autowired JdbcClient jdbc;
  @Autowired ReferralFixtures referralFixtures;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping handlerMapping;

  OrganizationId own;
  OrganizationId other;
  Fixtures fixtures;

  @BeforeEach
  void setUp() {
    own = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    other = testUsers.organization(OrganizationKind.TREATMENT_PROVIDER);
    fixtures =
        new Fixtures() {
          @Override
          public UUID user(OrganizationId organization) {
            return testUsers.withoutSecondFactor(organization, Role.OFFICER).id().value();
          }

          @Override
          public long versionOf(UUID user) {
            return users.findById(new org.bridgeway.identity.UserId(user)).orElseThrow().version();
          }

          @Override
          public UUID token(OrganizationId organization) {
            BridgewayPrincipal issuer =
                Principals.user(
                    organization, OrganizationKind.PROBATION_AGENCY, Role.NETWORK_ADMIN);
            return tokens.issue(issuer, organization, "Fixture", Set.of(Role.OFFICER), null).id();
          }

          @Override
          public UUID directoryService(OrganizationId steward) {
            return directoryFixtures.stewardedService(steward);
          }

          @Override
          public SupervisionFixtures.Supervised supervised(OrganizationId agency) {
            return supervisionFixtures.supervised(agency);
          }

          @Override
          public UUID officer(OrganizationId organization) {
            return supervisionFixtures.officer(organization).value();
          }

          @Override
          public SupervisionFixtures supervision() {
            return supervisionFixtures;
          }

          @Override
          public CareFixtures care() {
            return careFixtures;
          }

          @Override
          public ContinuityFixtures continuity() {
            return continuityFixtures;
          }

          @Override
          public ConsentFixtures consent() {
            return consentFixtures;
          }

          @Override
          public NotificationFixtures notifications() {
            return notificationFixtures;
          }

          @Override
          public UUID matchableService() {
            return directoryFixtures.searchableService(null);
          }

          @Override
          public long matchingWeightsVersion() {
            return jdbc.sql("SELECT version FROM matching_weights WHERE organization_id = :org")
                .param("org", own.value())
                .query(Long.class)
                .optional()
                .orElse(0L);
          }

          @Override
          public ReferralFixtures referrals() {
            return referralFixtures;
          }

          @Override
          public TestUsers users() {
            return testUsers;
          }

          @Override
          public OrganizationId callers() {
            return own;
          }

          @Override
          public UUID providerStaff(OrganizationId organization) {
            return testUsers.withoutSecondFactor(organization, Role.PROVIDER_STAFF).id().value();
          }
        };
  }

  @Test
  void everyEndpointAnswersEveryCallerAsWrittenDown() throws Exception {
    Map<String, String> mismatches = new LinkedHashMap<>();
    for (Endpoint endpoint : ENDPOINTS) {
      String name = endpoint.method() + " " + endpoint.pattern();
      boolean isApi = endpoint.pattern().startsWith("/api/");
      int anonymous = statusOf(endpoint.request().apply(new Target(own, fixtures)));
      int expectedAnonymous = endpoint.anonymousAllowed() ? endpoint.success() : isApi ? 401 : 302;
      if (anonymous != expectedAnonymous) {
        mismatches.put(
            name + " as anonymous", "expected " + expectedAnonymous + " but was " + anonymous);
      }
      for (Role role : Role.values()) {
        BridgewayPrincipal principal =
            isApi
                ? Principals.apiClient(own, OrganizationKind.PROBATION_AGENCY, role)
                : Principals.user(own, OrganizationKind.PROBATION_AGENCY, role);
        boolean allowed = endpoint.allowed().contains(role);
        int expectedOwn =
            allowed ? SupervisionEndpoints.expectedOwn(name, role, endpoint.success()) : 403;
        int expectedOther =
            !allowed
                ? 403
                : SupervisionEndpoints.agencyOnly(name)
                    ? endpoint.hidden()
                    : endpoint.scope() == Scope.NETWORK
                            || role == Role.NETWORK_ADMIN
                            || DirectoryListingEndpoints.reachesOthers(name, role)
                        ? endpoint.success()
                        : endpoint.hidden();
        check(
            mismatches,
            name + " as " + role + " on own",
            expectedOwn,
            endpoint.request().apply(new Target(own, fixtures)),
            principal);
        check(
            mismatches,
            name + " as " + role + " on other organization's",
            expectedOther,
            endpoint.request().apply(new Target(other, fixtures)),
            principal);
      }
    }
    assertThat(mismatches).as("authorization matrix mismatches").isEmpty();
  }

  @Test
  void everyHandlerHasARowInTheMatrix() {
    Set<String> declared = new TreeSet<>(PUBLIC);
    ENDPOINTS.forEach(e -> declared.add(e.method() + " " + e.pattern()));
    Set<String> missing = new TreeSet<>();
    handlerMapping
        .getHandlerMethods()
        .forEach(
            (info, method) -> {
              if (!method.getBeanType().getPackageName().startsWith("org.bridgeway")) {
                return;
              }
              for (String pattern : info.getPatternValues()) {
                for (var requestMethod : info.getMethodsCondition().getMethods()) {
                  String key = requestMethod.name() + " " + pattern;
                  if (!declared.contains(key)) {
                    missing.add(key);
                  }
                }
              }
            });
    assertThat(missing).as("handlers without a row in the authorization matrix").isEmpty();
  }

  private void check(
      Map<String, String> mismatches,
      String cell,
      int expected,
      MockHttpServletRequestBuilder request,
      BridgewayPrincipal principal)
      throws Exception {
    int actual = statusOf(request.with(authentication(Principals.authenticationOf(principal))));
    if (actual != expected) {
      mismatches.put(cell, "expected " + expected + " but was " + actual);
    }
  }

  private int statusOf(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request).andReturn().getResponse().getStatus();
  }
}
