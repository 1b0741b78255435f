package org.bridgeway;

import static org.bridgeway.AuthorizationMatrixTests.api;
import static org.bridgeway.AuthorizationMatrixTests.get;
import static org.bridgeway.AuthorizationMatrixTests.post;
import static org.bridgeway.AuthorizationMatrixTests.web;
import static org.bridgeway.SupervisionEndpoints.STAFF;
import static org.bridgeway.SupervisionEndpoints.json;
import static org.bridgeway.SupervisionEndpoints.supervised;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import org.bridgeway.AuthorizationMatrixTests.Scope;
import org.bridgeway.AuthorizationMatrixTests.Target;
import org.bridgeway.identity.Role;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The authorization matrix rows of matching. Recommendations and eligibility are about a person of
 * the agency: reached like the person (through the caseload; nobody outside the agency, not even a
 * network administrator). The weights are the caller's own agency's (no record in the path), kept
 * by its supervisors and administrators.
 */
final class MatchingEndpoints {

  static final Set<Role> WEIGHT_KEEPERS = EnumSet.of(Role.SUPERVISOR, Role.ORGANIZATION_ADMIN);

  private MatchingEndpoints() {}

  static void register() {
    person(
        HttpMethod.GET,
        "/api/v1/matching/people/{personId}/recommendations",
        true,
        t ->
            get(
                "/api/v1/matching/people/"
                    + supervised(t).person()
                    + "/recommendations?need=HOUSING&explainExcluded=true"));
    person(
        HttpMethod.GET,
        "/api/v1/matching/people/{personId}/eligibility",
        true,
        t ->
            get(
                "/api/v1/matching/people/"
                    + supervised(t).person()
                    + "/eligibility?service="
                    + t.fixtures().matchableService()));
    person(
        HttpMethod.GET,
        "/people/{personId}/recommendations",
        false,
        t -> get("/people/" + supervised(t).person() + "/recommendations"));

    api(
        HttpMethod.GET,
        "/api/v1/matching/weights",
        WEIGHT_KEEPERS,
        Scope.NETWORK,
        200,
        t -> get("/api/v1/matching/weights"));
    api(
        HttpMethod.PUT,
        "/api/v1/matching/weights",
        WEIGHT_KEEPERS,
        Scope.NETWORK,
        200,
        t ->
            json(
                MockMvcRequestBuilders.put("/api/v1/matching/weights"),
                ("{\"needFit\":9,\"distance\":5,\"capacity\":6,\"languageAccess\":4,\"cost\":3,"
                        + "\"completion\":2,\"version\":%d}")
                    .formatted(t.fixtures().matchingWeightsVersion())));
    web(
        HttpMethod.GET,
        "/matching/weights",
        WEIGHT_KEEPERS,
        Scope.NETWORK,
        200,
        t -> get("/matching/weights"));
    web(
        HttpMethod.POST,
        "/matching/weights",
        WEIGHT_KEEPERS,
        Scope.NETWORK,
        302,
        t ->
            post("/matching/weights")
                .param("needFit", "8")
                .param("distance", "5")
                .param("capacity", "6")
                .param("languageAccess", "4")
                .param("cost", "3")
                .param("completion", "2")
                .param("version", Long.toString(t.fixtures().matchingWeightsVersion())));
  }

  /** About a person of the agency: like the person, through the caseload. */
  private static void person(
      HttpMethod method,
      String pattern,
      boolean isApi,
      Function<Target, MockHttpServletRequestBuilder> request) {
    if (isApi) {
      api(method, pattern, STAFF, Scope.ORGANIZATION, 200, request);
    } else {
      web(method, pattern, STAFF, Scope.ORGANIZATION, 200, request);
    }
    SupervisionEndpoints.AGENCY_ONLY.add(method + " " + pattern);
    SupervisionEndpoints.CASELOAD.add(method + " " + pattern);
  }
}
