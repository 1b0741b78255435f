package org.bridgeway;

import static org.bridgeway.AuthorizationMatrixTests.api;
import static org.bridgeway.AuthorizationMatrixTests.get;
import static org.bridgeway.AuthorizationMatrixTests.post;
import static org.bridgeway.AuthorizationMatrixTests.web;

import java.util.Set;
import java.util.UUID;
import org.bridgeway.AuthorizationMatrixTests.Scope;
import org.bridgeway.AuthorizationMatrixTests.Target;
import org.bridgeway.identity.Role;
import org.bridgeway.testing.SupervisionFixtures.Versioned;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The authorization matrix rows of an agency's offices (ADR 0013), over the API and on the pages.
 * The list and a new office are the caller's own agency's whatever the target; an office or an
 * officer of another organization answers 404 for every role, like a missing one. Offices do not
 * depend on a caseload, so the agency's officers read them too.
 */
final class SupervisionOfficeEndpoints {

  private static final String OFFICES = "/api/v1/supervision/offices";
  private static final Set<Role> STAFF = SupervisionEndpoints.STAFF;
  private static final Set<Role> ADMINISTRATORS = SupervisionEndpoints.ADMINISTRATORS;

  private SupervisionOfficeEndpoints() {}

  static void register() {
    api(HttpMethod.GET, OFFICES, STAFF, Scope.NETWORK, 200, t -> get(OFFICES));
    api(
        HttpMethod.POST,
        OFFICES,
        ADMINISTRATORS,
        Scope.NETWORK,
        201,
        t -> json(MockMvcRequestBuilders.post(OFFICES), "{\"name\":\"%s\"}".formatted(name())));
    SupervisionEndpoints.agencyRecord(
        HttpMethod.GET, OFFICES + "/{id}", STAFF, 200, t -> get(OFFICES + "/" + office(t).id()));
    SupervisionEndpoints.agencyRecord(
        HttpMethod.PUT,
        OFFICES + "/{id}",
        ADMINISTRATORS,
        200,
        t -> {
          Versioned office = office(t);
          return json(
              MockMvcRequestBuilders.put(OFFICES + "/" + office.id()),
              "{\"name\":\"%s\",\"active\":true,\"version\":%d}"
                  .formatted(name(), office.version()));
        });
    SupervisionEndpoints.agencyRecord(
        HttpMethod.PUT,
        "/api/v1/supervision/officers/{id}/office",
        ADMINISTRATORS,
        200,
        t ->
            json(
                MockMvcRequestBuilders.put(
                    "/api/v1/supervision/officers/"
                        + t.fixtures().officer(t.organization())
                        + "/office"),
                "{\"officeId\":\"%s\"}".formatted(office(t).id())));

    web(
        HttpMethod.GET,
        "/supervision/offices",
        ADMINISTRATORS,
        Scope.NETWORK,
        200,
        t -> get("/supervision/offices"));
    web(
        HttpMethod.GET,
        "/supervision/offices/new",
        ADMINISTRATORS,
        Scope.NETWORK,
        200,
        t -> get("/supervision/offices/new"));
    web(
        HttpMethod.POST,
        "/supervision/offices",
        ADMINISTRATORS,
        Scope.NETWORK,
        302,
        t -> post("/supervision/offices").param("name", name()).param("version", "0"));
    SupervisionEndpoints.agencyRecord(
        HttpMethod.GET,
        "/supervision/offices/{id}/edit",
        ADMINISTRATORS,
        200,
        t -> get("/supervision/offices/" + office(t).id() + "/edit"));
    SupervisionEndpoints.agencyRecord(
        HttpMethod.POST,
        "/supervision/offices/{id}/edit",
        ADMINISTRATORS,
        302,
        t -> {
          Versioned office = office(t);
          return post("/supervision/offices/" + office.id() + "/edit")
              .param("name", name())
              .param("active", "true")
              .param("version", Long.toString(office.version()));
        });
    SupervisionEndpoints.agencyRecord(
        HttpMethod.POST,
        "/supervision/offices/{id}/members",
        ADMINISTRATORS,
        302,
        t ->
            post("/supervision/offices/" + office(t).id() + "/members")
                .param("officerId", t.fixtures().officer(t.organization()).toString()));
  }

  private static Versioned office(Target t) {
    return t.fixtures().supervision().office(t.organization());
  }

  private static String name() {
    return "Matrix office " + Long.toHexString(UUID.randomUUID().getLeastSignificantBits());
  }

  private static MockHttpServletRequestBuilder json(
      MockHttpServletRequestBuilder request, String body) {
    return request.contentType(MediaType.APPLICATION_JSON).content(body);
  }
}
