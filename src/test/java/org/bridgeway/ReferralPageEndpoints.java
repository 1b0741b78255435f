package org.bridgeway;

import static org.bridgeway.AuthorizationMatrixTests.get;
import static org.bridgeway.AuthorizationMatrixTests.post;
import static org.bridgeway.AuthorizationMatrixTests.web;
import static org.bridgeway.SupervisionEndpoints.ADMINISTRATORS;
import static org.bridgeway.SupervisionEndpoints.STAFF;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
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
 * The authorization matrix rows of the referral pages. The referrer's pages reach a referral like
 * its person (the agency's staff through the caseload; nobody outside the agency, not even a
 * network administrator). The provider's pages reach only referrals sent to the caller's
 * organization; another organization's referral answers 404 for everyone. The deadline settings are
 * the caller's own organization's, for its administrators.
 */
final class ReferralPageEndpoints {

  static final Set<Role> PROVIDER =
      EnumSet.of(Role.PROVIDER_STAFF, Role.ORGANIZATION_ADMIN, Role.NETWORK_ADMIN);

  private ReferralPageEndpoints() {}

  static void register() {
    web(HttpMethod.GET, "/referrals", STAFF, Scope.NETWORK, 200, t -> get("/referrals?filter=ALL"));
    referrer(
        HttpMethod.GET,
        "/referrals/new",
        200,
        t -> {
          Made sent = t.fixtures().referrals().sentBy(t.organization());
          return get(
              "/referrals/new?person="
                  + sent.supervised().person()
                  + "&service="
                  + sent.service()
                  + "&need=HOUSING");
        });
    referrer(
        HttpMethod.POST,
        "/referrals/new",
        302,
        t ->
            post("/referrals/new")
                .param("person", t.fixtures().supervised(t.organization()).person().toString())
                .param("needDomain", "HOUSING")
                .param("reason", "Needs a stable place to live")
                .param("urgency", "ROUTINE")
                .param("preferredContact", "PHONE")
                .param("action", "draft"));
    referrer(
        HttpMethod.GET,
        "/referrals/{id}",
        200,
        t -> get("/referrals/" + t.fixtures().referrals().sentBy(t.organization()).id()));
    referrer(
        HttpMethod.POST,
        "/referrals/{id}/send",
        302,
        t -> {
          Made draft = t.fixtures().referrals().draftOf(t.organization());
          return post("/referrals/" + draft.id() + "/send")
              .param("version", Long.toString(draft.version()));
        });
    referrer(
        HttpMethod.POST,
        "/referrals/{id}/off-platform",
        302,
        t -> {
          Made draft = t.fixtures().referrals().draftOf(t.organization());
          return post("/referrals/" + draft.id() + "/off-platform")
              .param("providerName", "Harbor Street Clinic")
              .param("providerPhone", "555-0100")
              .param("version", Long.toString(draft.version()));
        });
    referrer(
        HttpMethod.POST,
        "/referrals/{id}/amend",
        302,
        t -> {
          Made sent = t.fixtures().referrals().sentBy(t.organization());
          return post("/referrals/" + sent.id() + "/amend")
              .param("reason", "Needs housing near the clinic " + UUID.randomUUID())
              .param("urgency", "URGENT")
              .param("preferredContact", "PHONE")
              .param("amendmentReason", "The person moved")
              .param("version", Long.toString(sent.version()));
        });
    referrer(
        HttpMethod.POST,
        "/referrals/{id}/withdraw",
        302,
        t -> {
          Made draft = t.fixtures().referrals().draftOf(t.organization());
          return post("/referrals/" + draft.id() + "/withdraw")
              .param("withdrawReason", "NO_LONGER_NEEDED")
              .param("withdrawNote", "Found housing with family")
              .param("version", Long.toString(draft.version()));
        });
    referrer(
        HttpMethod.POST,
        "/referrals/{id}/attachments",
        302,
        t ->
            MockMvcRequestBuilders.post(
                    "/referrals/"
                        + t.fixtures().referrals().draftOf(t.organization()).id()
                        + "/attachments")
                .with(DirectoryExchangeEndpoints.multipart(textFile()))
                .with(csrf()));
    referrer(
        HttpMethod.GET,
        "/referrals/{id}/attachments/{attachment}",
        200,
        t -> {
          UUID[] attached = t.fixtures().referrals().withAttachmentBy(t.organization());
          return get("/referrals/" + attached[0] + "/attachments/" + attached[1]);
        });

    web(
        HttpMethod.GET,
        "/provider/referrals",
        PROVIDER,
        Scope.NETWORK,
        200,
        t -> get("/provider/referrals?tab=OPEN"));
    provider(
        HttpMethod.GET,
        "/provider/referrals/{id}",
        200,
        t -> get("/provider/referrals/" + sentTo(t).id()));
    provider(
        HttpMethod.GET,
        "/provider/referrals/{id}/attachments/{attachment}",
        200,
        t -> {
          UUID[] attached = t.fixtures().referrals().withAttachment(t.organization());
          return get("/provider/referrals/" + attached[0] + "/attachments/" + attached[1]);
        });
    provider(
        HttpMethod.POST,
        "/provider/referrals/{id}/assign",
        302,
        t -> {
          Made sent = sentTo(t);
          return step(sent, "assign")
              .param("caseworkerId", t.fixtures().providerStaff(t.organization()).toString());
        });
    provider(
        HttpMethod.POST, "/provider/referrals/{id}/accept", 302, t -> step(sentTo(t), "accept"));
    provider(
        HttpMethod.POST,
        "/provider/referrals/{id}/decline",
        302,
        t ->
            step(sentTo(t), "decline")
                .param("declineReason", "NO_CAPACITY")
                .param("declineNote", "Full until spring"));
    provider(
        HttpMethod.POST,
        "/provider/referrals/{id}/waitlist",
        302,
        t ->
            step(sentTo(t), "waitlist")
                .param("estimatedDate", LocalDate.now().plusYears(20).toString()));
    provider(
        HttpMethod.POST,
        "/provider/referrals/{id}/intake",
        302,
        t ->
            step(inState(t, ReferralState.ACCEPTED), "intake")
                .param("intakeDate", LocalDate.now().plusDays(7).toString())
                .param("intakeTime", "10:30")
                .param("mode", "IN_PERSON")
                .param("place", "Main office"));
    provider(
        HttpMethod.POST,
        "/provider/referrals/{id}/start",
        302,
        t -> step(inState(t, ReferralState.INTAKE_SCHEDULED), "start"));
    provider(
        HttpMethod.POST,
        "/provider/referrals/{id}/complete",
        302,
        t -> step(inState(t, ReferralState.IN_PROGRESS), "complete"));
    provider(
        HttpMethod.POST,
        "/provider/referrals/{id}/end-early",
        302,
        t ->
            step(inState(t, ReferralState.IN_PROGRESS), "end-early")
                .param("endReason", "MOVED_AWAY")
                .param("endNote", "Moved out of the county"));

    web(
        HttpMethod.GET,
        "/provider/referral-settings",
        ADMINISTRATORS,
        Scope.NETWORK,
        200,
        t -> get("/provider/referral-settings"));
    web(
        HttpMethod.POST,
        "/provider/referral-settings",
        ADMINISTRATORS,
        Scope.NETWORK,
        302,
        t ->
            post("/provider/referral-settings")
                .param("responseBusinessDays", "4")
                .param("reminderHours", "12")
                .param(
                    "version",
                    // The caller's own organization's settings, whatever the target.
                    Long.toString(
                        t.fixtures().referrals().settingsVersion(t.fixtures().callers()))));
  }

  private static MockMultipartFile textFile() {
    return new MockMultipartFile(
        "file",
        "letter.txt",
        "text/plain",
        "A letter from the landlord.".getBytes(StandardCharsets.UTF_8));
  }

  private static Made sentTo(Target t) {
    return t.fixtures().referrals().sentTo(t.organization());
  }

  private static Made inState(Target t, ReferralState state) {
    return t.fixtures().referrals().inState(t.organization(), state);
  }

  private static MockHttpServletRequestBuilder step(Made referral, String action) {
    return post("/provider/referrals/" + referral.id() + "/" + action)
        .param("version", Long.toString(referral.version()));
  }

  /** A referral of the agency: like its person, through the caseload. */
  private static void referrer(
      HttpMethod method,
      String pattern,
      int success,
      Function<Target, MockHttpServletRequestBuilder> request) {
    web(method, pattern, STAFF, Scope.ORGANIZATION, success, request);
    SupervisionEndpoints.AGENCY_ONLY.add(method + " " + pattern);
    SupervisionEndpoints.CASELOAD.add(method + " " + pattern);
  }

  /** A referral sent to the provider: nobody of another organization reaches it. */
  private static void provider(
      HttpMethod method,
      String pattern,
      int success,
      Function<Target, MockHttpServletRequestBuilder> request) {
    web(method, pattern, PROVIDER, Scope.ORGANIZATION, success, request);
    SupervisionEndpoints.AGENCY_ONLY.add(method + " " + pattern);
  }
}
