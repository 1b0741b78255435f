package org.bridgeway;

import static org.bridgeway.AuthorizationMatrixTests.get;
import static org.bridgeway.AuthorizationMatrixTests.post;
import static org.bridgeway.AuthorizationMatrixTests.web;
import static org.bridgeway.SupervisionEndpoints.ADMINISTRATORS;
import static org.bridgeway.SupervisionEndpoints.STAFF;
import static org.bridgeway.SupervisionEndpoints.supervised;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.bridgeway.AuthorizationMatrixTests.Scope;
import org.bridgeway.AuthorizationMatrixTests.Target;
import org.bridgeway.identity.Role;
import org.bridgeway.testing.ConsentFixtures.Recorded;
import org.bridgeway.testing.SupervisionFixtures.Versioned;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The authorization matrix rows of the consent pages. A person's consents, directives and
 * accounting are reached like the person (the agency's staff through the caseload; nobody outside
 * the agency, not even a network administrator). Templates and the emergency-access review belong
 * to one organization; medical staff of any organization may ask for emergency access.
 */
final class ConsentPageEndpoints {

  static final Set<Role> MEDICAL = EnumSet.of(Role.PROVIDER_STAFF);

  private ConsentPageEndpoints() {}

  /** Every element of a directive, signed electronically with the caller attesting. */
  static MockHttpServletRequestBuilder directive(MockHttpServletRequestBuilder request, Target t) {
    return request
        .param("kind", "GENERAL")
        .param("disclosers", t.organization().toString())
        .param("categories", "ATTENDANCE")
        .param("recipientOrganizations", t.organization().toString())
        .param("purposes", "SUPERVISION_MONITORING")
        .param("expiryEvent", "END_OF_SUPERVISION")
        .param("revocationInstructions", "Tell your officer.")
        .param("signedOn", LocalDate.now().minusDays(1).toString())
        .param("language", "en")
        .param("signatureMethod", "ELECTRONIC")
        .param("typedName", "Matrix Person")
        .param("attested", "true");
  }

  static void register() {
    person(
        HttpMethod.GET,
        "/consent/people/{id}",
        200,
        t -> get("/consent/people/" + supervised(t).person()));
    person(
        HttpMethod.GET,
        "/consent/people/{id}/directives/new",
        200,
        t -> get("/consent/people/" + supervised(t).person() + "/directives/new"));
    person(
        HttpMethod.POST,
        "/consent/people/{id}/directives",
        302,
        t -> directive(post("/consent/people/" + supervised(t).person() + "/directives"), t));
    person(
        HttpMethod.GET,
        "/consent/people/{id}/accounting",
        200,
        t -> get("/consent/people/" + supervised(t).person() + "/accounting"));
    person(
        HttpMethod.GET,
        "/consent/people/{id}/accounting.pdf",
        200,
        t -> get("/consent/people/" + supervised(t).person() + "/accounting.pdf"));
    person(
        HttpMethod.GET,
        "/consent/directives/{id}",
        200,
        t -> get("/consent/directives/" + recorded(t).directive()));
    person(
        HttpMethod.GET,
        "/consent/directives/{id}/scan",
        200,
        t -> get("/consent/directives/" + recorded(t).directive() + "/scan"));
    person(
        HttpMethod.GET,
        "/consent/directives/{id}/form.pdf",
        200,
        t -> get("/consent/directives/" + recorded(t).directive() + "/form.pdf?language=es"));
    person(
        HttpMethod.POST,
        "/consent/directives/{id}/revocation",
        302,
        t -> {
          Recorded r = recorded(t);
          return post("/consent/directives/" + r.directive() + "/revocation")
              .param("method", "IN_PERSON")
              .param("version", Long.toString(r.version()));
        });
    person(
        HttpMethod.GET,
        "/consent/directives/{id}/amend",
        200,
        t -> get("/consent/directives/" + recorded(t).directive() + "/amend"));
    person(
        HttpMethod.POST,
        "/consent/directives/{id}/amendment",
        302,
        t -> {
          Recorded r = recorded(t);
          return directive(post("/consent/directives/" + r.directive() + "/amendment"), t)
              .param("version", Long.toString(r.version()));
        });

    web(
        HttpMethod.GET,
        "/consent/templates",
        ADMINISTRATORS,
        Scope.NETWORK,
        200,
        t -> get("/consent/templates"));
    web(
        HttpMethod.GET,
        "/consent/templates/new",
        ADMINISTRATORS,
        Scope.NETWORK,
        200,
        t -> get("/consent/templates/new"));
    web(
        HttpMethod.POST,
        "/consent/templates",
        ADMINISTRATORS,
        Scope.NETWORK,
        302,
        t ->
            post("/consent/templates")
                .param("name", "Matrix " + UUID.randomUUID())
                .param("kind", "GENERAL")
                .param("allCategories", "true"));
    agency(
        HttpMethod.GET,
        "/consent/templates/{id}",
        ADMINISTRATORS,
        200,
        t -> get("/consent/templates/" + template(t).id()));
    agency(
        HttpMethod.POST,
        "/consent/templates/{id}",
        ADMINISTRATORS,
        302,
        t -> {
          Versioned template = template(t);
          return post("/consent/templates/" + template.id())
              .param("name", "Renamed " + UUID.randomUUID())
              .param("kind", "GENERAL")
              .param("version", Long.toString(template.version()));
        });
    agency(
        HttpMethod.POST,
        "/consent/templates/{id}/retire",
        ADMINISTRATORS,
        302,
        t -> post("/consent/templates/" + template(t).id() + "/retire"));
    agency(
        HttpMethod.GET,
        "/consent/templates/{id}/form.pdf",
        STAFF,
        200,
        t -> get("/consent/templates/" + template(t).id() + "/form.pdf"));

    web(
        HttpMethod.GET,
        "/consent/people/{id}/emergency",
        MEDICAL,
        Scope.NETWORK,
        200,
        t -> get("/consent/people/" + supervised(t).person() + "/emergency"));
    web(
        HttpMethod.POST,
        "/consent/people/{id}/emergency",
        MEDICAL,
        Scope.NETWORK,
        302,
        t ->
            post("/consent/people/" + supervised(t).person() + "/emergency")
                .param("reason", "Unconscious on arrival")
                .param("hours", "2"));
    web(
        HttpMethod.GET,
        "/consent/emergency-access",
        ADMINISTRATORS,
        Scope.NETWORK,
        200,
        t -> get("/consent/emergency-access?all=true"));
    agency(
        HttpMethod.POST,
        "/consent/emergency-access/{id}/review",
        ADMINISTRATORS,
        302,
        t -> {
          Versioned grant = t.fixtures().consent().emergencyGrant(t.organization(), supervised(t));
          return post("/consent/emergency-access/" + grant.id() + "/review")
              .param("note", "Reviewed with the physician")
              .param("version", Long.toString(grant.version()));
        });
  }

  /** About a person of the agency: like the person, through the caseload. */
  private static void person(
      HttpMethod method,
      String pattern,
      int success,
      Function<Target, MockHttpServletRequestBuilder> request) {
    web(method, pattern, STAFF, Scope.ORGANIZATION, success, request);
    SupervisionEndpoints.AGENCY_ONLY.add(method + " " + pattern);
    SupervisionEndpoints.CASELOAD.add(method + " " + pattern);
  }

  /** A record of one organization (a template, an emergency access): nobody else reaches it. */
  private static void agency(
      HttpMethod method,
      String pattern,
      Set<Role> allowed,
      int success,
      Function<Target, MockHttpServletRequestBuilder> request) {
    web(method, pattern, allowed, Scope.ORGANIZATION, success, request);
    SupervisionEndpoints.AGENCY_ONLY.add(method + " " + pattern);
  }

  private static Recorded recorded(Target t) {
    return t.fixtures().consent().directive(t.organization());
  }

  private static Versioned template(Target t) {
    return t.fixtures().consent().template(t.organization());
  }
}
