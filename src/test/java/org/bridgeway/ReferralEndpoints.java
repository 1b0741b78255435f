package org.bridgeway;

import static org.bridgeway.AuthorizationMatrixTests.api;
import static org.bridgeway.AuthorizationMatrixTests.get;
import static org.bridgeway.SupervisionEndpoints.STAFF;
import static org.bridgeway.SupervisionEndpoints.json;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.bridgeway.AuthorizationMatrixTests.Scope;
import org.bridgeway.AuthorizationMatrixTests.Target;
import org.bridgeway.identity.Role;
import org.bridgeway.referrals.ReferralState;
import org.bridgeway.testing.ReferralFixtures.Made;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The authorization matrix rows of referrals. The referrer's side is reached like the person (the
 * agency's staff through the caseload; nobody outside the agency, not even a network
 * administrator); the matrix calls as API clients, which have no caseload, so officers and
 * supervisors get 404 on their agency's referrals (tested with users in the service tests). The
 * provider's side is reached only by the staff of the provider the referral was sent to.
 */
final class ReferralEndpoints {

  static final Set<Role> PROVIDERS =
      EnumSet.of(Role.PROVIDER_STAFF, Role.ORGANIZATION_ADMIN, Role.NETWORK_ADMIN);
  static final Set<Role> ADMINISTRATORS = EnumSet.of(Role.ORGANIZATION_ADMIN, Role.NETWORK_ADMIN);

  private static final String BASE = "/api/v1/referrals";
  private static final String PROVIDER = BASE + "/provider";

  private ReferralEndpoints() {}

  static void register() {
    registerReferrer();
    registerProvider();
  }

  private static void registerReferrer() {
    referrer(
        HttpMethod.POST,
        BASE,
        201,
        t ->
            json(
                MockMvcRequestBuilders.post(BASE),
                """
                {"personId":"%s","needDomain":"HOUSING","reason":"Needs housing",
                 "urgency":"ROUTINE","preferredContact":"PHONE"}
                """
                    .formatted(t.fixtures().supervised(t.organization()).person())));
    referrer(
        HttpMethod.PUT,
        BASE + "/{id}",
        200,
        t -> {
          Made m = t.fixtures().referrals().draftOf(t.organization());
          return json(
              MockMvcRequestBuilders.put(BASE + "/" + m.id()),
              """
              {"serviceId":"%s","needDomain":"HOUSING","reason":"Changed","urgency":"URGENT",
               "preferredContact":"EMAIL","version":%d}
              """
                  .formatted(m.service(), m.version()));
        });
    referrer(
        HttpMethod.POST,
        BASE + "/{id}/send",
        200,
        t -> {
          Made m = t.fixtures().referrals().draftOf(t.organization());
          return json(post(m, "send"), "{\"version\":%d}".formatted(m.version()));
        });
    referrer(
        HttpMethod.POST,
        BASE + "/{id}/send-off-platform",
        200,
        t -> {
          Made m = t.fixtures().referrals().draftOf(t.organization());
          return json(
              post(m, "send-off-platform"),
              "{\"providerName\":\"Clinic\",\"providerPhone\":\"555-0101\",\"version\":%d}"
                  .formatted(m.version()));
        });
    referrer(
        HttpMethod.POST,
        BASE + "/{id}/amend",
        200,
        t -> {
          Made m = t.fixtures().referrals().sentBy(t.organization());
          return json(
              post(m, "amend"),
              "{\"urgency\":\"URGENT\",\"amendmentReason\":\"Worse\",\"version\":%d}"
                  .formatted(m.version()));
        });
    referrer(
        HttpMethod.POST,
        BASE + "/{id}/withdraw",
        200,
        t -> {
          Made m = t.fixtures().referrals().sentBy(t.organization());
          return json(
              post(m, "withdraw"),
              "{\"reason\":\"NO_LONGER_NEEDED\",\"note\":\"Housed\",\"version\":%d}"
                  .formatted(m.version()));
        });
    referrer(
        HttpMethod.POST,
        BASE + "/{id}/outcome",
        200,
        t -> {
          Made m = t.fixtures().referrals().offPlatform(t.organization());
          return json(
              post(m, "outcome"),
              "{\"answer\":\"ACCEPTED\",\"version\":%d}".formatted(m.version()));
        });
    referrer(
        HttpMethod.GET,
        BASE + "/{id}",
        200,
        t -> get(BASE + "/" + t.fixtures().referrals().sentBy(t.organization()).id()));
    referrer(
        HttpMethod.GET,
        BASE + "/{id}/timeline",
        200,
        t ->
            get(BASE + "/" + t.fixtures().referrals().sentBy(t.organization()).id() + "/timeline"));
    referrer(
        HttpMethod.POST,
        BASE + "/{id}/attachments",
        201,
        t ->
            MockMvcRequestBuilders.post(
                    BASE
                        + "/"
                        + t.fixtures().referrals().sentBy(t.organization()).id()
                        + "/attachments")
                .with(
                    DirectoryExchangeEndpoints.multipart(
                        new MockMultipartFile(
                            "file", "note.txt", "text/plain", "A note".getBytes()))));
    referrer(
        HttpMethod.GET,
        BASE + "/{id}/attachments/{attachmentId}",
        200,
        t -> {
          UUID[] made = t.fixtures().referrals().withAttachmentBy(t.organization());
          return get(BASE + "/" + made[0] + "/attachments/" + made[1]);
        });
    api(HttpMethod.GET, BASE, STAFF, Scope.NETWORK, 200, t -> get(BASE + "?scope=MINE"));
    api(HttpMethod.GET, BASE + "/expired", STAFF, Scope.NETWORK, 200, t -> get(BASE + "/expired"));
  }

  private static void registerProvider() {
    api(
        HttpMethod.GET,
        PROVIDER + "/inbox",
        PROVIDERS,
        Scope.NETWORK,
        200,
        t -> get(PROVIDER + "/inbox?filter=NEW"));
    api(
        HttpMethod.GET,
        PROVIDER + "/expired",
        PROVIDERS,
        Scope.NETWORK,
        200,
        t -> get(PROVIDER + "/expired"));
    provider(
        HttpMethod.GET,
        "/api/v1/referrals/providers/{organizationId}/settings",
        PROVIDERS,
        200,
        t -> get("/api/v1/referrals/providers/" + t.organization() + "/settings"));
    provider(
        HttpMethod.PUT,
        "/api/v1/referrals/providers/{organizationId}/settings",
        ADMINISTRATORS,
        200,
        t ->
            json(
                MockMvcRequestBuilders.put(
                    "/api/v1/referrals/providers/" + t.organization() + "/settings"),
                "{\"responseBusinessDays\":4,\"reminderHours\":12,\"version\":%d}"
                    .formatted(t.fixtures().referrals().settingsVersion(t.organization()))));
    provider(
        HttpMethod.GET,
        PROVIDER + "/{id}",
        PROVIDERS,
        200,
        t -> get(PROVIDER + "/" + t.fixtures().referrals().sentTo(t.organization()).id()));
    provider(
        HttpMethod.GET,
        PROVIDER + "/{id}/timeline",
        PROVIDERS,
        200,
        t ->
            get(
                PROVIDER
                    + "/"
                    + t.fixtures().referrals().sentTo(t.organization()).id()
                    + "/timeline"));
    provider(
        HttpMethod.GET,
        PROVIDER + "/{id}/attachments/{attachmentId}",
        PROVIDERS,
        200,
        t -> {
          UUID[] made = t.fixtures().referrals().withAttachment(t.organization());
          return get(PROVIDER + "/" + made[0] + "/attachments/" + made[1]);
        });
    provider(
        HttpMethod.POST,
        PROVIDER + "/{id}/assign",
        PROVIDERS,
        200,
        t -> {
          Made m = t.fixtures().referrals().sentTo(t.organization());
          UUID caseworker =
              t.fixtures()
                  .users()
                  .withoutSecondFactor(t.organization(), Role.PROVIDER_STAFF)
                  .id()
                  .value();
          return json(
              answer(m, "assign"),
              "{\"caseworkerId\":\"%s\",\"version\":%d}".formatted(caseworker, m.version()));
        });
    transition("accept", ReferralState.SENT, "");
    transition("decline", ReferralState.SENT, "\"reason\":\"NO_CAPACITY\",\"note\":\"Full\",");
    transition(
        "waitlist",
        ReferralState.SENT,
        "\"estimatedDate\":\"" + LocalDate.now().plusYears(20) + "\",");
    transition(
        "schedule-intake",
        ReferralState.ACCEPTED,
        "\"intakeAt\":\"2031-01-06T15:00:00Z\",\"mode\":\"VIDEO\",");
    transition("start", ReferralState.INTAKE_SCHEDULED, "");
    transition("complete", ReferralState.IN_PROGRESS, "\"note\":\"Done\",");
    transition(
        "end-early",
        ReferralState.IN_PROGRESS,
        "\"reason\":\"NON_ATTENDANCE\",\"note\":\"Missed\",");
  }

  private static void transition(String action, ReferralState from, String fields) {
    provider(
        HttpMethod.POST,
        PROVIDER + "/{id}/" + action,
        PROVIDERS,
        200,
        t -> {
          Made m = t.fixtures().referrals().inState(t.organization(), from);
          return json(answer(m, action), "{" + fields + "\"version\":" + m.version() + "}");
        });
  }

  private static MockHttpServletRequestBuilder post(Made m, String action) {
    return MockMvcRequestBuilders.post(BASE + "/" + m.id() + "/" + action);
  }

  private static MockHttpServletRequestBuilder answer(Made m, String action) {
    return MockMvcRequestBuilders.post(PROVIDER + "/" + m.id() + "/" + action);
  }

  /** A referral of the agency, reached like its person, through the caseload. */
  private static void referrer(
      HttpMethod method,
      String pattern,
      int success,
      Function<Target, MockHttpServletRequestBuilder> request) {
    api(method, pattern, STAFF, Scope.ORGANIZATION, success, request);
    SupervisionEndpoints.AGENCY_ONLY.add(method + " " + pattern);
    SupervisionEndpoints.CASELOAD.add(method + " " + pattern);
  }

  /** A referral sent to the provider (or its settings): only the provider's own staff. */
  private static void provider(
      HttpMethod method,
      String pattern,
      Set<Role> allowed,
      int success,
      Function<Target, MockHttpServletRequestBuilder> request) {
    api(method, pattern, allowed, Scope.ORGANIZATION, success, request);
    SupervisionEndpoints.AGENCY_ONLY.add(method + " " + pattern);
  }
}
