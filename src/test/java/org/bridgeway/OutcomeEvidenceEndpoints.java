package org.bridgeway;

import static org.bridgeway.AuthorizationMatrixTests.api;
import static org.bridgeway.AuthorizationMatrixTests.get;
import static org.bridgeway.AuthorizationMatrixTests.web;

import java.util.EnumSet;
import java.util.Set;
import org.bridgeway.AuthorizationMatrixTests.Scope;
import org.bridgeway.identity.Role;
import org.springframework.http.HttpMethod;

/**
 * The authorization matrix rows of the outcomes evidence (program effectiveness, instrument
 * validation) and equity (disparities, service gaps): aggregates of the caller's agency, or of the
 * network for network administrators, for analysts, supervisors and network administrators. There
 * is no record of another organization to ask for. Requests that need a program, an instrument or
 * data the callers' new agency does not have answer 400 once authorized: the row shows the caller
 * got past authorization to the parameter check. The equity rows ask for a period long past, so
 * that a network administrator's network-wide view is as empty as an agency's.
 */
final class OutcomeEvidenceEndpoints {

  static final Set<Role> READERS = EnumSet.of(Role.ANALYST, Role.SUPERVISOR, Role.NETWORK_ADMIN);

  static final String EMPTY_PERIOD = "?from=1901-01-01&to=1901-12-31";

  private OutcomeEvidenceEndpoints() {}

  static void register() {
    page("/outcomes/evidence/effectiveness", 200);
    page("/outcomes/evidence/effectiveness.csv", 400);
    page("/outcomes/evidence/validation", 200);
    page("/outcomes/evidence/validation.csv", 400);
    web(
        HttpMethod.GET,
        "/outcomes/equity",
        READERS,
        Scope.NETWORK,
        400,
        t -> get("/outcomes/equity" + EMPTY_PERIOD));
    web(
        HttpMethod.GET,
        "/outcomes/equity.csv",
        READERS,
        Scope.NETWORK,
        400,
        t -> get("/outcomes/equity.csv" + EMPTY_PERIOD));
    page("/outcomes/equity/gaps", 200);
    page("/outcomes/equity/gaps.csv", 200);
    endpoint("/api/v1/outcomes/evidence/programs", 200);
    endpoint("/api/v1/outcomes/evidence/effectiveness", 400);
    endpoint("/api/v1/outcomes/evidence/instruments", 200);
    endpoint("/api/v1/outcomes/evidence/validation", 400);
    api(
        HttpMethod.GET,
        "/api/v1/outcomes/equity",
        READERS,
        Scope.NETWORK,
        400,
        t -> get("/api/v1/outcomes/equity" + EMPTY_PERIOD));
    endpoint("/api/v1/outcomes/equity/gaps", 200);
  }

  private static void page(String path, int success) {
    web(HttpMethod.GET, path, READERS, Scope.NETWORK, success, t -> get(path));
  }

  private static void endpoint(String path, int success) {
    api(HttpMethod.GET, path, READERS, Scope.NETWORK, success, t -> get(path));
  }
}
