package org.bridgeway;

import static org.bridgeway.AuthorizationMatrixTests.EVERY_ROLE;
import static org.bridgeway.AuthorizationMatrixTests.api;
import static org.bridgeway.AuthorizationMatrixTests.get;
import static org.bridgeway.AuthorizationMatrixTests.post;
import static org.bridgeway.AuthorizationMatrixTests.web;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.AuthorizationMatrixTests.Scope;
import org.bridgeway.AuthorizationMatrixTests.Target;
import org.bridgeway.identity.Role;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The authorization matrix rows of notifications (ADR 0018). Notifications and preferences are
 * personal: every signed-in user has their own, and an API token, which has no user, none (403 for
 * every role). A notification id that is not the caller's answers 404, so marking one read answers
 * 404 in the matrix, whose callers own none. Webhook endpoints belong to an organization and are
 * kept by its administrator only; another organization's answers 404.
 */
final class NotificationEndpoints {

  private static final String API = "/api/v1/notifications";
  private static final String WEBHOOKS = API + "/webhooks";
  private static final Set<Role> NOBODY = Set.of();
  private static final Set<Role> ORGANIZATION_ADMIN = EnumSet.of(Role.ORGANIZATION_ADMIN);

  private NotificationEndpoints() {}

  static void register() {
    // personal API: no API token has a user
    api(HttpMethod.GET, API, NOBODY, Scope.NETWORK, 200, t -> get(API));
    api(
        HttpMethod.POST,
        API + "/{id}/read",
        NOBODY,
        Scope.NETWORK,
        204,
        t -> post(API + "/" + UUID.randomUUID() + "/read"));
    api(
        HttpMethod.POST,
        API + "/read-all",
        NOBODY,
        Scope.NETWORK,
        204,
        t -> post(API + "/read-all"));
    api(
        HttpMethod.GET,
        API + "/preferences",
        NOBODY,
        Scope.NETWORK,
        200,
        t -> get(API + "/preferences"));
    api(
        HttpMethod.PUT,
        API + "/preferences",
        NOBODY,
        Scope.NETWORK,
        200,
        t ->
            json(
                MockMvcRequestBuilders.put(API + "/preferences"),
                "{\"email\":{\"DEADLINES\":\"IMMEDIATE\"}}"));
    api(
        HttpMethod.GET,
        API + "/mail",
        AuthorizationMatrixTests.ADMINS,
        Scope.NETWORK,
        200,
        t -> get(API + "/mail"));

    // webhooks API
    api(HttpMethod.GET, WEBHOOKS, ORGANIZATION_ADMIN, Scope.NETWORK, 200, t -> get(WEBHOOKS));
    api(
        HttpMethod.POST,
        WEBHOOKS,
        ORGANIZATION_ADMIN,
        Scope.NETWORK,
        201,
        t ->
            json(
                MockMvcRequestBuilders.post(WEBHOOKS),
                "{\"url\":\"https://partner.example.org/hooks\",\"events\":[\"SENT\"]}"));
    api(
        HttpMethod.GET,
        WEBHOOKS + "/{id}",
        ORGANIZATION_ADMIN,
        Scope.ORGANIZATION,
        200,
        t -> get(WEBHOOKS + "/" + endpoint(t)));
    api(
        HttpMethod.PUT,
        WEBHOOKS + "/{id}",
        ORGANIZATION_ADMIN,
        Scope.ORGANIZATION,
        200,
        t ->
            json(
                MockMvcRequestBuilders.put(WEBHOOKS + "/" + endpoint(t)),
                "{\"events\":[\"SENT\",\"AMENDED\"],\"active\":false,\"version\":0}"));
    api(
        HttpMethod.GET,
        WEBHOOKS + "/{id}/deliveries",
        ORGANIZATION_ADMIN,
        Scope.ORGANIZATION,
        200,
        t -> get(WEBHOOKS + "/" + endpoint(t) + "/deliveries"));
    // A delivery of the matrix's endpoint does not exist: the endpoint's own answers 404 too.
    api(
        HttpMethod.POST,
        WEBHOOKS + "/{id}/deliveries/{delivery}/redeliver",
        ORGANIZATION_ADMIN,
        Scope.ORGANIZATION,
        404,
        t ->
            post(WEBHOOKS + "/" + endpoint(t) + "/deliveries/" + UUID.randomUUID() + "/redeliver"));

    // pages
    web(
        HttpMethod.GET,
        "/notifications",
        EVERY_ROLE,
        Scope.NETWORK,
        200,
        t -> get("/notifications"));
    web(
        HttpMethod.POST,
        "/notifications/{id}/read",
        EVERY_ROLE,
        Scope.NETWORK,
        404,
        t -> post("/notifications/" + UUID.randomUUID() + "/read"));
    web(
        HttpMethod.POST,
        "/notifications/read-all",
        EVERY_ROLE,
        Scope.NETWORK,
        302,
        t -> post("/notifications/read-all"));
    web(
        HttpMethod.GET,
        "/notifications/preferences",
        EVERY_ROLE,
        Scope.NETWORK,
        200,
        t -> get("/notifications/preferences"));
    web(
        HttpMethod.POST,
        "/notifications/preferences",
        EVERY_ROLE,
        Scope.NETWORK,
        302,
        t ->
            post("/notifications/preferences")
                .param("newReferrals", "IMMEDIATE")
                .param("referralResponses", "DIGEST")
                .param("deadlines", "NONE")
                .param("treatmentAlerts", "IMMEDIATE"));
    web(
        HttpMethod.GET,
        "/notifications/webhooks",
        ORGANIZATION_ADMIN,
        Scope.NETWORK,
        200,
        t -> get("/notifications/webhooks"));
    web(
        HttpMethod.POST,
        "/notifications/webhooks",
        ORGANIZATION_ADMIN,
        Scope.NETWORK,
        302,
        t ->
            post("/notifications/webhooks")
                .param("url", "https://partner.example.org/hooks")
                .param("events", "SENT"));
    web(
        HttpMethod.GET,
        "/notifications/webhooks/{id}",
        ORGANIZATION_ADMIN,
        Scope.ORGANIZATION,
        200,
        t -> get("/notifications/webhooks/" + endpoint(t)));
    web(
        HttpMethod.POST,
        "/notifications/webhooks/{id}",
        ORGANIZATION_ADMIN,
        Scope.ORGANIZATION,
        302,
        t ->
            post("/notifications/webhooks/" + endpoint(t))
                .param("events", "SENT")
                .param("active", "true")
                .param("version", "0"));
    web(
        HttpMethod.POST,
        "/notifications/webhooks/{id}/deliveries/{delivery}/redeliver",
        ORGANIZATION_ADMIN,
        Scope.ORGANIZATION,
        404,
        t ->
            post(
                "/notifications/webhooks/"
                    + endpoint(t)
                    + "/deliveries/"
                    + UUID.randomUUID()
                    + "/redeliver"));
  }

  private static UUID endpoint(Target t) {
    return t.fixtures().notifications().webhook(t.organization());
  }

  private static MockHttpServletRequestBuilder json(
      MockHttpServletRequestBuilder request, String body) {
    return request.contentType(MediaType.APPLICATION_JSON).content(body);
  }
}
