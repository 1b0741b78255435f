package org.bridgeway;

import static org.bridgeway.AuthorizationMatrixTests.api;
import static org.bridgeway.AuthorizationMatrixTests.get;
import static org.bridgeway.AuthorizationMatrixTests.post;
import static org.bridgeway.AuthorizationMatrixTests.web;
import static org.bridgeway.SupervisionEndpoints.ADMINISTRATORS;
import static org.bridgeway.SupervisionEndpoints.STAFF;
import static org.bridgeway.SupervisionEndpoints.json;
import static org.bridgeway.SupervisionEndpoints.record;
import static org.bridgeway.SupervisionEndpoints.supervised;

import java.util.Set;
import java.util.function.Function;
import org.bridgeway.AuthorizationMatrixTests.Scope;
import org.bridgeway.AuthorizationMatrixTests.Target;
import org.bridgeway.identity.Role;
import org.bridgeway.shared.vocabulary.SupervisionLevel;
import org.bridgeway.supervision.violation.ViolationSeverity;
import org.bridgeway.testing.SupervisionFixtures.Supervised;
import org.bridgeway.testing.SupervisionFixtures.Versioned;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The authorization matrix rows of supervision contacts, contact standards, violations, responses,
 * incentives and the response matrix, over the API and on the officer's pages. Records of a case
 * follow the case's rules ({@link SupervisionEndpoints}); an agency's settings are reached by its
 * own staff only (404 for another organization's), and changed by its administrators.
 */
final class SupervisionContactEndpoints {

  private static final String BASE = "/api/v1/supervision";

  private SupervisionContactEndpoints() {}

  static void register() {
    record(
        HttpMethod.GET,
        BASE + "/cases/{id}/contacts",
        STAFF,
        200,
        t -> get(BASE + "/cases/" + supervised(t).supervisionCase() + "/contacts"));
    record(
        HttpMethod.POST,
        BASE + "/cases/{id}/contacts",
        STAFF,
        201,
        t ->
            json(
                MockMvcRequestBuilders.post(
                    BASE + "/cases/" + supervised(t).supervisionCase() + "/contacts"),
                "{\"kind\":\"HOME\",\"scheduledFor\":\"2030-01-02T10:00:00Z\"}"));
    record(
        HttpMethod.POST,
        BASE + "/cases/{id}/contacts/{contactId}/outcome",
        STAFF,
        200,
        t -> {
          Supervised s = supervised(t);
          Versioned contact = t.fixtures().supervision().scheduledContact(t.organization(), s);
          return json(
              MockMvcRequestBuilders.post(
                  BASE
                      + "/cases/"
                      + s.supervisionCase()
                      + "/contacts/"
                      + contact.id()
                      + "/outcome"),
              "{\"happenedAt\":\"%sT09:00:00Z\",\"outcome\":\"COMPLETED\",\"version\":%d}"
                  .formatted(s.startedOn(), contact.version()));
        });
    api(
        HttpMethod.GET,
        BASE + "/contacts/overdue",
        STAFF,
        Scope.NETWORK,
        200,
        t -> get(BASE + "/contacts/overdue"));
    agency(
        HttpMethod.GET,
        BASE + "/agencies/{agencyId}/contact-standards",
        STAFF,
        200,
        t -> get(BASE + "/agencies/" + t.organization() + "/contact-standards"));
    agency(
        HttpMethod.PUT,
        BASE + "/agencies/{agencyId}/contact-standards/{level}",
        ADMINISTRATORS,
        200,
        t ->
            json(
                MockMvcRequestBuilders.put(
                    BASE + "/agencies/" + t.organization() + "/contact-standards/LOW"),
                "{\"contacts\":1,\"periodDays\":60,\"version\":%d}"
                    .formatted(
                        t.fixtures()
                            .supervision()
                            .contactStandardVersion(t.organization(), SupervisionLevel.LOW))));
    record(
        HttpMethod.GET,
        BASE + "/cases/{id}/violations",
        STAFF,
        200,
        t -> get(BASE + "/cases/" + supervised(t).supervisionCase() + "/violations"));
    record(
        HttpMethod.POST,
        BASE + "/cases/{id}/violations",
        STAFF,
        201,
        t -> {
          Supervised s = supervised(t);
          return json(
              MockMvcRequestBuilders.post(BASE + "/cases/" + s.supervisionCase() + "/violations"),
              "{\"occurredOn\":\"%s\",\"kind\":\"TECHNICAL\",\"severity\":\"LOW\",\"description\":\"Missed a visit\"}"
                  .formatted(s.startedOn()));
        });
    record(
        HttpMethod.POST,
        BASE + "/cases/{id}/violations/{violationId}/responses",
        STAFF,
        201,
        t -> {
          Supervised s = supervised(t);
          Versioned violation = t.fixtures().supervision().violation(t.organization(), s);
          return json(
              MockMvcRequestBuilders.post(
                  BASE
                      + "/cases/"
                      + s.supervisionCase()
                      + "/violations/"
                      + violation.id()
                      + "/responses"),
              "{\"sanction\":\"VERBAL_WARNING\",\"respondedOn\":\"%s\",\"version\":%d}"
                  .formatted(s.startedOn(), violation.version()));
        });
    record(
        HttpMethod.POST,
        BASE + "/cases/{id}/incentives",
        STAFF,
        201,
        t -> {
          Supervised s = supervised(t);
          return json(
              MockMvcRequestBuilders.post(BASE + "/cases/" + s.supervisionCase() + "/incentives"),
              "{\"kind\":\"PRAISE\",\"givenOn\":\"%s\"}".formatted(s.startedOn()));
        });
    agency(
        HttpMethod.GET,
        BASE + "/agencies/{agencyId}/response-guide",
        STAFF,
        200,
        t -> get(BASE + "/agencies/" + t.organization() + "/response-guide"));
    agency(
        HttpMethod.PUT,
        BASE + "/agencies/{agencyId}/response-guide/{severity}/{level}",
        ADMINISTRATORS,
        200,
        t ->
            json(
                MockMvcRequestBuilders.put(
                    BASE + "/agencies/" + t.organization() + "/response-guide/LOW/LOW"),
                "{\"lowest\":\"VERBAL_WARNING\",\"highest\":\"CURFEW\",\"version\":%d}"
                    .formatted(
                        t.fixtures()
                            .supervision()
                            .responseRangeVersion(
                                t.organization(), ViolationSeverity.LOW, SupervisionLevel.LOW))));

    page(
        HttpMethod.GET,
        "/supervision/cases/{id}/contacts",
        200,
        t -> get("/supervision/cases/" + supervised(t).supervisionCase() + "/contacts"));
    page(
        HttpMethod.POST,
        "/supervision/cases/{id}/contacts",
        302,
        t ->
            post("/supervision/cases/" + supervised(t).supervisionCase() + "/contacts")
                .param("kind", "OFFICE")
                .param("scheduledDate", "2030-01-02")
                .param("scheduledTime", "10:00"));
    page(
        HttpMethod.POST,
        "/supervision/cases/{id}/contacts/outcome",
        302,
        t -> {
          Supervised s = supervised(t);
          Versioned contact = t.fixtures().supervision().scheduledContact(t.organization(), s);
          return post("/supervision/cases/" + s.supervisionCase() + "/contacts/outcome")
              .param("contact", contact.id() + ":" + contact.version())
              .param("happenedDate", s.startedOn().toString())
              .param("happenedTime", "09:00")
              .param("outcome", "NO_SHOW");
        });
    page(
        HttpMethod.GET,
        "/supervision/cases/{id}/violations",
        200,
        t -> get("/supervision/cases/" + supervised(t).supervisionCase() + "/violations"));
    page(
        HttpMethod.POST,
        "/supervision/cases/{id}/violations",
        302,
        t -> {
          Supervised s = supervised(t);
          return post("/supervision/cases/" + s.supervisionCase() + "/violations")
              .param("occurredOn", s.startedOn().toString())
              .param("violationKind", "TECHNICAL")
              .param("severity", "LOW")
              .param("conditionId", "")
              .param("description", "Missed a visit");
        });
    page(
        HttpMethod.POST,
        "/supervision/cases/{id}/violations/responses",
        302,
        t -> {
          Supervised s = supervised(t);
          Versioned violation = t.fixtures().supervision().violation(t.organization(), s);
          return post("/supervision/cases/" + s.supervisionCase() + "/violations/responses")
              .param("violation", violation.id() + ":" + violation.version())
              .param("sanction", "WRITTEN_WARNING")
              .param("respondedOn", s.startedOn().toString());
        });
    page(
        HttpMethod.POST,
        "/supervision/cases/{id}/incentives",
        302,
        t -> {
          Supervised s = supervised(t);
          return post("/supervision/cases/" + s.supervisionCase() + "/incentives")
              .param("incentiveKind", "CERTIFICATE")
              .param("givenOn", s.startedOn().toString());
        });
  }

  /** An agency's own settings: any role of another organization gets 404. */
  private static void agency(
      HttpMethod method,
      String pattern,
      Set<Role> allowed,
      int success,
      Function<Target, MockHttpServletRequestBuilder> request) {
    api(method, pattern, allowed, Scope.ORGANIZATION, success, request);
    SupervisionEndpoints.AGENCY_ONLY.add(method + " " + pattern);
  }

  /** An officer's page on a case: reached through the caseload, like the case itself. */
  private static void page(
      HttpMethod method,
      String pattern,
      int success,
      Function<Target, MockHttpServletRequestBuilder> request) {
    web(method, pattern, STAFF, Scope.ORGANIZATION, success, request);
    SupervisionEndpoints.AGENCY_ONLY.add(method + " " + pattern);
    SupervisionEndpoints.CASELOAD.add(method + " " + pattern);
  }
}
