package org.bridgeway;

import static org.bridgeway.AuthorizationMatrixTests.get;
import static org.bridgeway.AuthorizationMatrixTests.open;

import java.util.UUID;
import org.bridgeway.directory.profile.BridgewayTaxonomy;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The authorization matrix rows of the public Open Referral HSDS API under /hsds: every endpoint
 * answers anyone, signed in or not.
 */
final class OpenReferralEndpoints {

  private OpenReferralEndpoints() {}

  static void register() {
    open(HttpMethod.GET, "/hsds", 200, t -> get("/hsds"));
    open(HttpMethod.GET, "/hsds/", 200, t -> get("/hsds/"));
    open(HttpMethod.GET, "/hsds/openapi.json", 200, t -> get("/hsds/openapi.json"));
    open(HttpMethod.GET, "/hsds/services", 200, t -> get("/hsds/services"));
    open(
        HttpMethod.GET,
        "/hsds/services/{id}",
        200,
        t -> get("/hsds/services/" + t.fixtures().directoryService(t.organization())));
    open(HttpMethod.GET, "/hsds/service_at_locations", 200, t -> get("/hsds/service_at_locations"));
    open(
        HttpMethod.GET,
        "/hsds/service_at_locations/{id}",
        200,
        t ->
            pathOf(
                "/hsds/service_at_locations/",
                "SELECT id FROM directory_record WHERE resource_type = 'service_at_location'"
                    + " AND links @> ARRAY[CAST(? AS UUID)]",
                t.fixtures().directoryService(t.organization())));
    open(HttpMethod.GET, "/hsds/organizations", 200, t -> get("/hsds/organizations"));
    open(
        HttpMethod.GET,
        "/hsds/organizations/{id}",
        200,
        t ->
            pathOf(
                "/hsds/organizations/",
                "SELECT organization_id FROM directory_record WHERE id = ?",
                t.fixtures().directoryService(t.organization())));
    open(HttpMethod.GET, "/hsds/taxonomies", 200, t -> get("/hsds/taxonomies"));
    open(
        HttpMethod.GET,
        "/hsds/taxonomies/{id}",
        200,
        t -> get("/hsds/taxonomies/" + BridgewayTaxonomy.TAXONOMY_ID));
    open(HttpMethod.GET, "/hsds/taxonomy_terms", 200, t -> get("/hsds/taxonomy_terms"));
    open(
        HttpMethod.GET,
        "/hsds/taxonomy_terms/{id}",
        200,
        t -> get("/hsds/taxonomy_terms/" + BridgewayTaxonomy.Term.NEED_DOMAIN.id()));
  }

  /**
   * A request for a record found from the fixture service (its organization, its service at
   * location): the lookup needs the database, which only the request's servlet context reaches.
   */
  private static MockHttpServletRequestBuilder pathOf(String prefix, String lookup, UUID service) {
    return get(prefix + service)
        .with(
            request -> {
              JdbcClient jdbc =
                  WebApplicationContextUtils.getRequiredWebApplicationContext(
                          request.getServletContext())
                      .getBean(JdbcClient.class);
              UUID id = jdbc.sql(lookup).param(service).query(UUID.class).single();
              request.setRequestURI(prefix + id);
              request.setPathInfo(prefix + id);
              return request;
            });
  }
}
