package org.bridgeway;

import static org.bridgeway.AuthorizationMatrixTests.EVERY_ROLE;
import static org.bridgeway.AuthorizationMatrixTests.api;
import static org.bridgeway.AuthorizationMatrixTests.get;
import static org.bridgeway.AuthorizationMatrixTests.open;
import static org.bridgeway.AuthorizationMatrixTests.web;

import org.bridgeway.AuthorizationMatrixTests.Scope;
import org.springframework.http.HttpMethod;

/**
 * The authorization matrix rows of the staff and public directory search pages and the search API.
 * The public directory and service pages are open to everyone; the staff page and the API to every
 * signed-in role, with the same answer whatever the caller's organization (the directory is the
 * network's).
 */
final class DirectorySearchEndpoints {

  private DirectorySearchEndpoints() {}

  static void register() {
    open(HttpMethod.GET, "/directory", 200, t -> get("/directory?q=counselling&zip=97201"));
    open(
        HttpMethod.GET,
        "/directory/services/{id}",
        200,
        t -> get("/directory/services/" + t.fixtures().directoryService(t.organization())));
    web(
        HttpMethod.GET,
        "/directory/search",
        EVERY_ROLE,
        Scope.NETWORK,
        200,
        t -> get("/directory/search?q=counselling&age=30&gender=FEMALE"));
    api(
        HttpMethod.GET,
        "/api/v1/directory/search",
        EVERY_ROLE,
        Scope.NETWORK,
        200,
        t -> get("/api/v1/directory/search?q=counselling&needDomain=HOUSING&age=30"));
  }
}
