package org.bridgeway;

import static org.bridgeway.AuthorizationMatrixTests.api;
import static org.bridgeway.AuthorizationMatrixTests.get;
import static org.bridgeway.AuthorizationMatrixTests.post;
import static org.bridgeway.AuthorizationMatrixTests.web;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.AuthorizationMatrixTests.Scope;
import org.bridgeway.AuthorizationMatrixTests.Target;
import org.bridgeway.identity.Role;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The authorization matrix rows of provider listing, service profile and capacity pages and API.
 *
 * <p>Listings are kept by the provider staff and organization administrators of the network
 * organization that stewards them (another organization's listing is 404) and curated by network
 * administrators and community coordinators, who reach every listing: {@link #reachesOthers} tells
 * the matrix so.
 */
final class DirectoryListingEndpoints {

  static final Set<Role> KEEPERS =
      EnumSet.of(
          Role.PROVIDER_STAFF,
          Role.ORGANIZATION_ADMIN,
          Role.NETWORK_ADMIN,
          Role.COMMUNITY_COORDINATOR);
  static final Set<Role> CURATORS = EnumSet.of(Role.NETWORK_ADMIN, Role.COMMUNITY_COORDINATOR);

  /** Endpoints ("METHOD pattern") whose curators reach every organization's records. */
  private static final Set<String> CURATED = new HashSet<>();

  private DirectoryListingEndpoints() {}

  /**
   * Whether a role reaches another organization's record on an endpoint although the endpoint is
   * scoped by organization: curators reach every listing.
   */
  static boolean reachesOthers(String endpoint, Role role) {
    return CURATED.contains(endpoint) && CURATORS.contains(role);
  }

  static void register() {
    web(
        HttpMethod.GET,
        "/directory/listings",
        KEEPERS,
        Scope.NETWORK,
        200,
        t -> get("/directory/listings"));
    curated(
        HttpMethod.GET,
        "/directory/listings/{id}",
        200,
        t -> get("/directory/listings/" + service(t)));
    curated(
        HttpMethod.POST,
        "/directory/listings/{id}",
        302,
        t ->
            post("/directory/listings/" + service(t))
                .param("name", "Matrix counselling")
                .param("description", "Counselling for the authorization matrix")
                .param("status", "active")
                .param("needDomains", "SUBSTANCE_USE")
                .param("version", "0"));
    curated(
        HttpMethod.POST,
        "/directory/listings/{id}/capacity",
        302,
        t ->
            post("/directory/listings/" + service(t) + "/capacity")
                .param("openSlots", "3")
                .param("waitlistLength", "1")
                .param("version", "0"));
    curated(
        HttpMethod.POST,
        "/directory/listings/{id}/capacity/confirm",
        302,
        t -> post("/directory/listings/" + service(t) + "/capacity/confirm").param("version", "0"));
    web(
        HttpMethod.GET,
        "/directory/stewards",
        CURATORS,
        Scope.NETWORK,
        200,
        t -> get("/directory/stewards"));
    // An unknown directory organization: linking and unlinking are tested with real ones in
    // StewardshipIntegrationTests.
    web(
        HttpMethod.POST,
        "/directory/stewards/{id}",
        CURATORS,
        Scope.NETWORK,
        404,
        t ->
            post("/directory/stewards/" + UUID.randomUUID())
                .param("networkOrganization", t.organization().toString()));
    web(
        HttpMethod.POST,
        "/directory/stewards/{id}/unlink",
        CURATORS,
        Scope.NETWORK,
        404,
        t -> post("/directory/stewards/" + UUID.randomUUID() + "/unlink"));
    curatedApi(
        HttpMethod.GET,
        "/api/v1/directory/services/{id}/capacity",
        t -> get("/api/v1/directory/services/" + service(t) + "/capacity"));
    curatedApi(
        HttpMethod.PUT,
        "/api/v1/directory/services/{id}/capacity",
        t ->
            put("/api/v1/directory/services/" + service(t) + "/capacity")
                .content("{\"openSlots\":2,\"waitlistLength\":0,\"estimatedWaitDays\":null}"));
    curatedApi(
        HttpMethod.GET,
        "/api/v1/directory/services/{id}/profile",
        t -> get("/api/v1/directory/services/" + service(t) + "/profile"));
    curatedApi(
        HttpMethod.PUT,
        "/api/v1/directory/services/{id}/profile",
        t ->
            put("/api/v1/directory/services/" + service(t) + "/profile")
                .content("{\"needDomains\":[\"HOUSING\"],\"minimumAge\":18,\"version\":0}"));
  }

  private static UUID service(Target t) {
    return t.fixtures().directoryService(t.organization());
  }

  private static MockHttpServletRequestBuilder put(String path) {
    return MockMvcRequestBuilders.put(path).contentType(MediaType.APPLICATION_JSON);
  }

  private static void curated(
      HttpMethod method,
      String pattern,
      int success,
      java.util.function.Function<Target, MockHttpServletRequestBuilder> request) {
    web(method, pattern, KEEPERS, Scope.ORGANIZATION, success, request);
    CURATED.add(method + " " + pattern);
  }

  private static void curatedApi(
      HttpMethod method,
      String pattern,
      java.util.function.Function<Target, MockHttpServletRequestBuilder> request) {
    api(method, pattern, KEEPERS, Scope.ORGANIZATION, 200, request);
    CURATED.add(method + " " + pattern);
  }
}
