package org.bridgeway;

import static org.bridgeway.AuthorizationMatrixTests.api;
import static org.bridgeway.AuthorizationMatrixTests.get;
import static org.bridgeway.AuthorizationMatrixTests.open;
import static org.bridgeway.AuthorizationMatrixTests.post;
import static org.bridgeway.AuthorizationMatrixTests.web;
import static org.bridgeway.SupervisionEndpoints.STAFF;
import static org.bridgeway.SupervisionEndpoints.json;
import static org.bridgeway.SupervisionEndpoints.supervised;

import java.util.function.Function;
import org.bridgeway.AuthorizationMatrixTests.Scope;
import org.bridgeway.AuthorizationMatrixTests.Target;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.testing.CareFixtures;
import org.bridgeway.testing.CareFixtures.Episode;
import org.bridgeway.testing.SupervisionFixtures.Supervised;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The authorization matrix rows of continuity of care: a person's transitions, measures, reminders
 * and progress reports, reached like the person (the agency's staff through the caseload; nobody
 * outside the agency); program measures, for any agency's staff over its own people; and hand-offs,
 * reached only by the staff of a provider on either side (404 for every other organization, network
 * administrators included).
 */
final class ContinuityEndpoints {

  private ContinuityEndpoints() {}

  static void register() {
    // The SMS provider's callbacks hold no Bridgeway credential: whoever calls, a token or a
    // session grants nothing, and a call without the provider's signature is refused (401).
    open(
        HttpMethod.POST,
        "/api/v1/care/sms/replies",
        401,
        t ->
            post("/api/v1/care/sms/replies")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"from\":\"+15551234567\",\"text\":\"STOP\"}"));
    open(
        HttpMethod.POST,
        "/api/v1/care/sms/receipts",
        401,
        t ->
            post("/api/v1/care/sms/receipts")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"id\":\"m-1\",\"status\":\"delivered\"}"));
    person(
        HttpMethod.GET,
        "/care/people/{id}/transitions",
        false,
        200,
        t -> get("/care/people/" + supervised(t).person() + "/transitions"));
    person(
        HttpMethod.POST,
        "/care/people/{id}/transitions/release",
        false,
        302,
        t -> {
          Supervised s = supervised(t);
          return post("/care/people/" + s.person() + "/transitions/release")
              .param("releasedOn", s.startedOn().toString())
              .param("intakeWithinDays", "3");
        });
    person(
        HttpMethod.POST,
        "/care/people/{id}/transitions/hand-off",
        false,
        302,
        t -> {
          Supervised s = supervised(t);
          CareFixtures care = t.fixtures().care();
          Episode from = care.episode(t.organization(), s, care.provider());
          Episode to = care.episode(t.organization(), s, care.provider());
          return post("/care/people/" + s.person() + "/transitions/hand-off")
              .param("kind", "STEP_DOWN")
              .param("fromEpisodeId", from.id().toString())
              .param("toEpisodeId", to.id().toString())
              .param("overlapEndsOn", s.startedOn().plusYears(5).toString());
        });
    person(
        HttpMethod.GET,
        "/api/v1/care/people/{id}/transitions",
        true,
        200,
        t -> get("/api/v1/care/people/" + supervised(t).person() + "/transitions"));
    person(
        HttpMethod.POST,
        "/api/v1/care/people/{id}/transitions/releases",
        true,
        201,
        t -> {
          Supervised s = supervised(t);
          return json(
              MockMvcRequestBuilders.post(
                  "/api/v1/care/people/" + s.person() + "/transitions/releases"),
              "{\"releasedOn\":\"%s\"}".formatted(s.startedOn()));
        });
    person(
        HttpMethod.POST,
        "/api/v1/care/people/{id}/transitions/hand-offs",
        true,
        201,
        t -> {
          Supervised s = supervised(t);
          CareFixtures care = t.fixtures().care();
          Episode from = care.episode(t.organization(), s, care.provider());
          Episode to = care.episode(t.organization(), s, care.provider());
          return json(
              MockMvcRequestBuilders.post(
                  "/api/v1/care/people/" + s.person() + "/transitions/hand-offs"),
              "{\"kind\":\"MOVE\",\"fromEpisodeId\":\"%s\",\"toEpisodeId\":\"%s\",\"overlapEndsOn\":\"%s\"}"
                  .formatted(from.id(), to.id(), s.startedOn().plusYears(5)));
        });
    person(
        HttpMethod.GET,
        "/care/people/{id}/measures",
        false,
        200,
        t -> get("/care/people/" + supervised(t).person() + "/measures"));
    person(
        HttpMethod.GET,
        "/api/v1/care/people/{id}/measures",
        true,
        200,
        t -> get("/api/v1/care/people/" + supervised(t).person() + "/measures"));
    person(
        HttpMethod.GET,
        "/care/people/{id}/reminders",
        false,
        200,
        t -> get("/care/people/" + supervised(t).person() + "/reminders"));
    person(
        HttpMethod.POST,
        "/care/people/{id}/reminders",
        false,
        302,
        t ->
            post("/care/people/" + supervised(t).person() + "/reminders")
                .param("timeZone", "America/Chicago"));
    person(
        HttpMethod.POST,
        "/care/people/{id}/reminders/stop",
        false,
        302,
        t ->
            post("/care/people/" + supervised(t).person() + "/reminders/stop")
                .param("channel", "SMS"));
    person(
        HttpMethod.GET,
        "/api/v1/care/people/{id}/reminders",
        true,
        200,
        t -> get("/api/v1/care/people/" + supervised(t).person() + "/reminders"));
    person(
        HttpMethod.POST,
        "/api/v1/care/people/{id}/reminders/preferences",
        true,
        200,
        t ->
            json(
                MockMvcRequestBuilders.post(
                    "/api/v1/care/people/" + supervised(t).person() + "/reminders/preferences"),
                "{\"sms\":false,\"email\":false,\"timeZone\":\"America/Chicago\"}"));
    person(
        HttpMethod.POST,
        "/api/v1/care/people/{id}/reminders/stop",
        true,
        200,
        t ->
            json(
                MockMvcRequestBuilders.post(
                    "/api/v1/care/people/" + supervised(t).person() + "/reminders/stop"),
                "{\"channel\":\"SMS\",\"message\":\"STOP\"}"));
    person(
        HttpMethod.GET,
        "/care/people/{id}/progress-report",
        false,
        200,
        t -> get("/care/people/" + supervised(t).person() + "/progress-report"));
    person(
        HttpMethod.POST,
        "/care/people/{id}/progress-report",
        false,
        200,
        t -> {
          Supervised s = supervised(t);
          return post("/care/people/" + s.person() + "/progress-report")
              .param(
                  "recipientId",
                  t.fixtures().users().organization(OrganizationKind.COURT).toString())
              .param("from", s.startedOn().toString())
              .param("to", s.startedOn().toString());
        });
    person(
        HttpMethod.POST,
        "/api/v1/care/people/{id}/progress-reports",
        true,
        200,
        t -> {
          Supervised s = supervised(t);
          return json(
              MockMvcRequestBuilders.post(
                  "/api/v1/care/people/" + s.person() + "/progress-reports"),
              "{\"recipientId\":\"%s\",\"from\":\"%s\",\"to\":\"%s\"}"
                  .formatted(
                      t.fixtures().users().organization(OrganizationKind.COURT),
                      s.startedOn(),
                      s.startedOn()));
        });

    web(
        HttpMethod.GET,
        "/care/programs/measures",
        STAFF,
        Scope.NETWORK,
        200,
        t -> get("/care/programs/measures?providerId=" + t.fixtures().care().provider()));
    api(
        HttpMethod.GET,
        "/api/v1/care/programs/{providerId}/measures",
        STAFF,
        Scope.NETWORK,
        200,
        t -> get("/api/v1/care/programs/" + t.fixtures().care().provider() + "/measures"));

    web(
        HttpMethod.GET,
        "/care/provider/transitions",
        CareEndpoints.PROVIDERS,
        Scope.NETWORK,
        200,
        t -> get("/care/provider/transitions"));
    api(
        HttpMethod.GET,
        "/api/v1/care/provider/transitions",
        CareEndpoints.PROVIDERS,
        Scope.NETWORK,
        200,
        t -> get("/api/v1/care/provider/transitions"));
    handOff(
        HttpMethod.GET,
        "/care/provider/transitions/{id}",
        false,
        200,
        t ->
            get(
                "/care/provider/transitions/"
                    + t.fixtures().continuity().handOffFrom(t.organization())));
    handOff(
        HttpMethod.POST,
        "/care/provider/transitions/{id}/summary",
        false,
        302,
        t ->
            post("/care/provider/transitions/"
                    + t.fixtures().continuity().handOffFrom(t.organization())
                    + "/summary")
                .param("summary", "Continue weekly sessions."));
    handOff(
        HttpMethod.GET,
        "/api/v1/care/provider/transitions/{id}",
        true,
        200,
        t ->
            get(
                "/api/v1/care/provider/transitions/"
                    + t.fixtures().continuity().handOffFrom(t.organization())));
    handOff(
        HttpMethod.POST,
        "/api/v1/care/provider/transitions/{id}/summary",
        true,
        200,
        t ->
            json(
                MockMvcRequestBuilders.post(
                    "/api/v1/care/provider/transitions/"
                        + t.fixtures().continuity().handOffFrom(t.organization())
                        + "/summary"),
                "{\"summary\":\"Continue weekly sessions.\"}"));
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

  /** A hand-off: only the staff of the providers on either side reach it. */
  private static void handOff(
      HttpMethod method,
      String pattern,
      boolean isApi,
      int success,
      Function<Target, MockHttpServletRequestBuilder> request) {
    if (isApi) {
      api(method, pattern, CareEndpoints.PROVIDERS, Scope.ORGANIZATION, success, request);
    } else {
      web(method, pattern, CareEndpoints.PROVIDERS, Scope.ORGANIZATION, success, request);
    }
    SupervisionEndpoints.AGENCY_ONLY.add(method + " " + pattern);
  }
}
