package org.bridgeway;

import static org.bridgeway.AuthorizationMatrixTests.get;
import static org.bridgeway.AuthorizationMatrixTests.post;
import static org.bridgeway.AuthorizationMatrixTests.web;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.AuthorizationMatrixTests.Scope;
import org.bridgeway.identity.Role;
import org.bridgeway.testing.SupervisionFixtures.Supervised;
import org.springframework.http.HttpMethod;

/**
 * The authorization matrix rows of the officer's workspace pages: the caseload, the team, the
 * person page and the forms for people, cases and conditions. As in {@link SupervisionEndpoints}, a
 * person's pages are reached only within the agency and through a caseload; the matrix's users have
 * no caseload, so officers and supervisors get 404 on the agency's records and its administrators
 * the page. A successful form post redirects (302) to the person page.
 */
final class SupervisionWorkspaceEndpoints {

  static final Set<Role> STAFF = SupervisionEndpoints.STAFF;
  static final Set<Role> LEADS =
      EnumSet.of(Role.SUPERVISOR, Role.ORGANIZATION_ADMIN, Role.NETWORK_ADMIN);

  private SupervisionWorkspaceEndpoints() {}

  static void register() {
    web(
        HttpMethod.GET,
        "/supervision/caseload",
        STAFF,
        Scope.NETWORK,
        200,
        t -> get("/supervision/caseload?sort=RISK-desc"));
    web(
        HttpMethod.GET,
        "/supervision/team",
        LEADS,
        Scope.NETWORK,
        200,
        t -> get("/supervision/team"));
    web(
        HttpMethod.GET,
        "/supervision/people/new",
        STAFF,
        Scope.NETWORK,
        200,
        t -> get("/supervision/people/new"));
    web(
        HttpMethod.POST,
        "/supervision/people",
        STAFF,
        Scope.NETWORK,
        302,
        t ->
            post("/supervision/people")
                .param(
                    "givenName",
                    "Matrix" + Long.toHexString(UUID.randomUUID().getLeastSignificantBits()))
                .param("familyName", "Page")
                .param("dateOfBirth", "1985-04-12")
                .param("contactMethod", "NONE")
                .param("createAnyway", "true"));
    SupervisionEndpoints.record(
        HttpMethod.GET,
        "/supervision/people/{id}",
        STAFF,
        200,
        t -> get("/supervision/people/" + supervised(t).person()));
    SupervisionEndpoints.record(
        HttpMethod.GET,
        "/supervision/people/{id}/edit",
        STAFF,
        200,
        t -> get("/supervision/people/" + supervised(t).person() + "/edit"));
    SupervisionEndpoints.record(
        HttpMethod.POST,
        "/supervision/people/{id}/edit",
        STAFF,
        302,
        t -> {
          Supervised s = supervised(t);
          return post("/supervision/people/" + s.person() + "/edit")
              .param("givenName", "Corrected")
              .param("familyName", "Name")
              .param("dateOfBirth", "1985-04-12")
              .param("contactMethod", "NONE")
              .param("version", Long.toString(s.personVersion()));
        });
    SupervisionEndpoints.record(
        HttpMethod.GET,
        "/supervision/people/{id}/cases/new",
        STAFF,
        200,
        t -> get("/supervision/people/" + supervised(t).person() + "/cases/new"));
    SupervisionEndpoints.record(
        HttpMethod.POST,
        "/supervision/people/{id}/cases",
        STAFF,
        302,
        t -> {
          Supervised s = supervised(t);
          return post("/supervision/people/" + s.person() + "/cases")
              .param("supervisionType", "PAROLE")
              .param("court", "Matrix Court")
              .param("docketNumber", "M-2")
              .param("startDate", s.startedOn().toString())
              .param("expectedEndDate", s.startedOn().plusYears(1).toString())
              .param("level", "LOW")
              .param("officerId", t.fixtures().officer(t.organization()).toString());
        });
    SupervisionEndpoints.record(
        HttpMethod.GET,
        "/supervision/cases/{id}/transfer",
        LEADS,
        200,
        t -> get("/supervision/cases/" + supervised(t).supervisionCase() + "/transfer"));
    SupervisionEndpoints.record(
        HttpMethod.POST,
        "/supervision/cases/{id}/transfer",
        LEADS,
        302,
        t -> {
          Supervised s = supervised(t);
          return post("/supervision/cases/" + s.supervisionCase() + "/transfer")
              .param("officerId", t.fixtures().officer(t.organization()).toString())
              .param("reason", "Matrix")
              .param("version", Long.toString(s.caseVersion()));
        });
    SupervisionEndpoints.record(
        HttpMethod.GET,
        "/supervision/cases/{id}/close",
        STAFF,
        200,
        t -> get("/supervision/cases/" + supervised(t).supervisionCase() + "/close"));
    SupervisionEndpoints.record(
        HttpMethod.POST,
        "/supervision/cases/{id}/close",
        STAFF,
        302,
        t -> {
          Supervised s = supervised(t);
          return post("/supervision/cases/" + s.supervisionCase() + "/close")
              .param("reason", "EARLY_DISCHARGE")
              .param("closedOn", s.startedOn().toString())
              .param("version", Long.toString(s.caseVersion()));
        });
    SupervisionEndpoints.record(
        HttpMethod.GET,
        "/supervision/cases/{id}/conditions/new",
        STAFF,
        200,
        t -> get("/supervision/cases/" + supervised(t).supervisionCase() + "/conditions/new"));
    SupervisionEndpoints.record(
        HttpMethod.POST,
        "/supervision/cases/{id}/conditions",
        STAFF,
        302,
        t ->
            post("/supervision/cases/" + supervised(t).supervisionCase() + "/conditions")
                .param("kind", "CURFEW")
                .param("description", "Home by 22:00"));
    SupervisionEndpoints.record(
        HttpMethod.GET,
        "/supervision/cases/{id}/conditions/{conditionId}",
        STAFF,
        200,
        t -> {
          Supervised s = supervised(t);
          return get("/supervision/cases/" + s.supervisionCase() + "/conditions/" + s.condition());
        });
    SupervisionEndpoints.record(
        HttpMethod.POST,
        "/supervision/cases/{id}/conditions/{conditionId}",
        STAFF,
        302,
        t -> {
          Supervised s = supervised(t);
          return post("/supervision/cases/" + s.supervisionCase() + "/conditions/" + s.condition())
              .param("kind", "DRUG_TESTING")
              .param("description", "Random drug tests")
              .param("status", "IN_COMPLIANCE")
              .param("notedOn", s.startedOn().toString())
              .param("noteText", "Tested negative.")
              .param("version", Long.toString(s.conditionVersion()));
        });
  }

  private static Supervised supervised(AuthorizationMatrixTests.Target t) {
    return SupervisionEndpoints.supervised(t);
  }
}
