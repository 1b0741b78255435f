package org.bridgeway;

import static org.bridgeway.AuthorizationMatrixTests.api;
import static org.bridgeway.AuthorizationMatrixTests.get;
import static org.bridgeway.AuthorizationMatrixTests.open;
import static org.bridgeway.AuthorizationMatrixTests.web;

import java.util.EnumSet;
import java.util.Set;
import org.bridgeway.AuthorizationMatrixTests.Scope;
import org.bridgeway.identity.Role;
import org.springframework.http.HttpMethod;

/**
 * The authorization matrix rows of the outcome measures: aggregates of the caller's own scope (its
 * agency, its programs, or the network for funders and network administrators; there is no record
 * of another organization to ask for) for analysts, supervisors, network administrators and
 * provider staff; the people behind a figure for supervisors and officers (filtered by their
 * caseload); and the public transparency report, open to everyone.
 */
final class OutcomeMeasureEndpoints {

  static final Set<Role> READERS =
      EnumSet.of(Role.ANALYST, Role.SUPERVISOR, Role.NETWORK_ADMIN, Role.PROVIDER_STAFF);
  static final Set<Role> DRILLERS = EnumSet.of(Role.SUPERVISOR, Role.OFFICER);

  private OutcomeMeasureEndpoints() {}

  static void register() {
    web(
        HttpMethod.GET,
        "/outcomes/measures",
        READERS,
        Scope.NETWORK,
        200,
        t -> get("/outcomes/measures"));
    web(
        HttpMethod.GET,
        "/outcomes/measures.csv",
        READERS,
        Scope.NETWORK,
        200,
        t -> get("/outcomes/measures.csv?figure=survival"));
    web(
        HttpMethod.GET,
        "/outcomes/measures.pdf",
        READERS,
        Scope.NETWORK,
        200,
        t -> get("/outcomes/measures.pdf"));
    web(
        HttpMethod.GET,
        "/outcomes/measures/people",
        DRILLERS,
        Scope.NETWORK,
        200,
        t -> get("/outcomes/measures/people"));
    api(
        HttpMethod.GET,
        "/api/v1/outcomes/measures",
        READERS,
        Scope.NETWORK,
        200,
        t -> get("/api/v1/outcomes/measures?groupBy=RACE"));
    open(HttpMethod.GET, "/transparency", 200, t -> get("/transparency"));
    open(HttpMethod.GET, "/transparency.csv", 200, t -> get("/transparency.csv?by=GENDER"));
  }
}
