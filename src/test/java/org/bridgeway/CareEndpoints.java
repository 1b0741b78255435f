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
import org.bridgeway.testing.CareFixtures.Episode;
import org.bridgeway.testing.SupervisionFixtures.Supervised;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The authorization matrix rows of care: a person's treatment, reached like the person (the
 * agency's staff through the caseload; nobody outside the agency, not even a network
 * administrator), and the provider's episodes, reached only by the provider's own staff (404 for
 * every other organization, network administrators included). The matrix's organizations are
 * registered as agencies; an episode "at" one is made directly by the fixtures.
 */
final class CareEndpoints {

  static final Set<Role> PROVIDERS =
      EnumSet.of(Role.PROVIDER_STAFF, Role.ORGANIZATION_ADMIN, Role.NETWORK_ADMIN);

  private CareEndpoints() {}

  static void register() {
    person(
        HttpMethod.GET,
        "/care/people/{id}/treatment",
        false,
        200,
        t -> get("/care/people/" + supervised(t).person() + "/treatment"));
    person(
        HttpMethod.POST,
        "/care/people/{id}/treatment/episodes",
        false,
        302,
        t -> {
          Supervised s = supervised(t);
          return post("/care/people/" + s.person() + "/treatment/episodes")
              .param("providerId", t.fixtures().care().provider().toString())
              .param("basis", "COURT_ORDERED")
              .param("startedOn", s.startedOn().toString());
        });
    person(
        HttpMethod.GET,
        "/care/people/{id}/treatment/export",
        false,
        200,
        t -> get("/care/people/" + supervised(t).person() + "/treatment/export"));
    person(
        HttpMethod.GET,
        "/api/v1/care/people/{id}/treatment",
        true,
        200,
        t -> get("/api/v1/care/people/" + supervised(t).person() + "/treatment"));
    person(
        HttpMethod.POST,
        "/api/v1/care/people/{id}/episodes",
        true,
        201,
        t -> {
          Supervised s = supervised(t);
          return json(
              MockMvcRequestBuilders.post("/api/v1/care/people/" + s.person() + "/episodes"),
              "{\"providerId\":\"%s\",\"basis\":\"VOLUNTARY\",\"startedOn\":\"%s\"}"
                  .formatted(t.fixtures().care().provider(), s.startedOn()));
        });

    web(
        HttpMethod.GET,
        "/care/provider/episodes",
        PROVIDERS,
        Scope.NETWORK,
        200,
        t -> get("/care/provider/episodes"));
    api(
        HttpMethod.GET,
        "/api/v1/care/provider/episodes",
        PROVIDERS,
        Scope.NETWORK,
        200,
        t -> get("/api/v1/care/provider/episodes"));
    episode(
        HttpMethod.GET,
        "/care/provider/episodes/{id}",
        false,
        200,
        t -> get("/care/provider/episodes/" + episode(t).id()));
    episode(
        HttpMethod.POST,
        "/care/provider/episodes/{id}/reports",
        false,
        302,
        t -> {
          Episode e = episode(t);
          return post("/care/provider/episodes/" + e.id() + "/reports")
              .param("category", "DRUG_TEST_RESULTS")
              .param("reportedOn", e.startedOn().toString())
              .param("summary", "Observed urine screen")
              .param("result", "NEGATIVE");
        });
    episode(
        HttpMethod.POST,
        "/care/provider/episodes/{id}/end",
        false,
        302,
        t -> {
          Episode e = episode(t);
          return post("/care/provider/episodes/" + e.id() + "/end")
              .param("endedOn", e.startedOn().toString())
              .param("endReason", "COMPLETED")
              .param("version", Long.toString(e.version()));
        });
    episode(
        HttpMethod.GET,
        "/api/v1/care/provider/episodes/{id}",
        true,
        200,
        t -> get("/api/v1/care/provider/episodes/" + episode(t).id()));
    episode(
        HttpMethod.POST,
        "/api/v1/care/provider/episodes/{id}/reports",
        true,
        201,
        t -> {
          Episode e = episode(t);
          return json(
              MockMvcRequestBuilders.post("/api/v1/care/provider/episodes/" + e.id() + "/reports"),
              "{\"category\":\"ATTENDANCE\",\"reportedOn\":\"%s\",\"summary\":\"Attended\"}"
                  .formatted(e.startedOn()));
        });
    episode(
        HttpMethod.POST,
        "/api/v1/care/provider/episodes/{id}/end",
        true,
        200,
        t -> {
          Episode e = episode(t);
          return json(
              MockMvcRequestBuilders.post("/api/v1/care/provider/episodes/" + e.id() + "/end"),
              "{\"endedOn\":\"%s\",\"reason\":\"TRANSFERRED\",\"version\":%d}"
                  .formatted(e.startedOn(), e.version()));
        });
  }

  /** About a person of the agency: like the person, through the caseload. */
  private static void person(
      HttpMethod method,
      String pattern,
      boolean isApi,
      int success,
      Function<Target, MockHttpServletRequestBuilder> request) {
    if (isApi) {
      api(method, pattern, STAFF, Scope.ORGANIZATION, success, request);
    } else {
      web(method, pattern, STAFF, Scope.ORGANIZATION, success, request);
    }
    SupervisionEndpoints.AGENCY_ONLY.add(method + " " + pattern);
    SupervisionEndpoints.CASELOAD.add(method + " " + pattern);
  }

  /** An episode at a provider: only the provider's own staff reach it. */
  private static void episode(
      HttpMethod method,
      String pattern,
      boolean isApi,
      int success,
      Function<Target, MockHttpServletRequestBuilder> request) {
    if (isApi) {
      api(method, pattern, PROVIDERS, Scope.ORGANIZATION, success, request);
    } else {
      web(method, pattern, PROVIDERS, Scope.ORGANIZATION, success, request);
    }
    SupervisionEndpoints.AGENCY_ONLY.add(method + " " + pattern);
  }

  private static Episode episode(Target t) {
    return t.fixtures().care().episodeAt(t.organization());
  }
}
