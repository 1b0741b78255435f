package org.bridgeway;

import static org.bridgeway.AuthorizationMatrixTests.api;
import static org.bridgeway.AuthorizationMatrixTests.get;
import static org.bridgeway.AuthorizationMatrixTests.post;
import static org.bridgeway.AuthorizationMatrixTests.web;
import static org.bridgeway.SupervisionEndpoints.ASSIGNERS;
import static org.bridgeway.SupervisionEndpoints.STAFF;
import static org.bridgeway.SupervisionEndpoints.json;
import static org.bridgeway.SupervisionEndpoints.supervised;

import java.util.function.Function;
import org.bridgeway.AuthorizationMatrixTests.Scope;
import org.bridgeway.AuthorizationMatrixTests.Target;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The authorization matrix rows of treatment alerts: the lists and the rules are the caller's own
 * agency's (scope NETWORK: the same for every caller, who sees only their own agency's); a person's
 * alerts and an alert's acknowledgement are reached like the person (the agency's staff through the
 * caseload, nobody outside the agency). Only supervisors and administrators change the rules or
 * read the escalated alerts.
 */
final class AlertEndpoints {

  private AlertEndpoints() {}

  static void register() {
    web(HttpMethod.GET, "/care/alerts", STAFF, Scope.NETWORK, 200, t -> get("/care/alerts"));
    web(
        HttpMethod.GET,
        "/care/alerts/escalated",
        ASSIGNERS,
        Scope.NETWORK,
        200,
        t -> get("/care/alerts/escalated"));
    web(
        HttpMethod.GET,
        "/care/alert-rules",
        STAFF,
        Scope.NETWORK,
        200,
        t -> get("/care/alert-rules"));
    web(
        HttpMethod.POST,
        "/care/alert-rules",
        ASSIGNERS,
        Scope.NETWORK,
        302,
        t ->
            post("/care/alert-rules")
                .param(
                    "version",
                    Long.toString(t.fixtures().care().alertRulesVersion(t.fixtures().callers())))
                .param("NO_SHOWS_IN_A_ROW.enabled", "true")
                .param("NO_SHOWS_IN_A_ROW.threshold", "2")
                .param("NO_ATTENDANCE_DAYS.enabled", "true")
                .param("NO_ATTENDANCE_DAYS.threshold", "14")
                .param("ESCALATION_BUSINESS_DAYS.enabled", "true")
                .param("ESCALATION_BUSINESS_DAYS.threshold", "1"));
    api(
        HttpMethod.GET,
        "/api/v1/care/alerts",
        STAFF,
        Scope.NETWORK,
        200,
        t -> get("/api/v1/care/alerts"));
    api(
        HttpMethod.GET,
        "/api/v1/care/alert-rules",
        STAFF,
        Scope.NETWORK,
        200,
        t -> get("/api/v1/care/alert-rules"));
    api(
        HttpMethod.PUT,
        "/api/v1/care/alert-rules",
        ASSIGNERS,
        Scope.NETWORK,
        200,
        t ->
            json(
                MockMvcRequestBuilders.put("/api/v1/care/alert-rules"),
                "{\"version\":%d,\"rules\":{\"CONCERN_FLAGGED\":{\"enabled\":true}}}"
                    .formatted(t.fixtures().care().alertRulesVersion(t.fixtures().callers()))));

    person(
        HttpMethod.GET,
        "/care/people/{id}/alerts",
        false,
        200,
        t -> get("/care/people/" + supervised(t).person() + "/alerts"));
    person(
        HttpMethod.GET,
        "/care/people/{id}/compliance",
        false,
        200,
        t -> get("/care/people/" + supervised(t).person() + "/compliance"));
    person(
        HttpMethod.GET,
        "/api/v1/care/people/{id}/compliance",
        true,
        200,
        t -> get("/api/v1/care/people/" + supervised(t).person() + "/compliance"));
    person(
        HttpMethod.POST,
        "/care/alerts/{id}/acknowledge",
        false,
        302,
        t ->
            post("/care/alerts/" + t.fixtures().care().alert(t.organization()) + "/acknowledge")
                .param("action", "CONTACTED_PERSON")
                .param("version", "0"));
    person(
        HttpMethod.POST,
        "/api/v1/care/alerts/{id}/acknowledge",
        true,
        200,
        t ->
            json(
                MockMvcRequestBuilders.post(
                    "/api/v1/care/alerts/"
                        + t.fixtures().care().alert(t.organization())
                        + "/acknowledge"),
                "{\"action\":\"NO_ACTION_NEEDED\",\"version\":0}"));
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
}
