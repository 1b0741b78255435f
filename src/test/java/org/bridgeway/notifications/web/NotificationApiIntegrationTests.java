package org.bridgeway.notifications.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Set;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.UserId;
import org.bridgeway.notifications.inbox.Inbox;
import org.bridgeway.referrals.ReferralChanged.Change;
import org.bridgeway.referrals.ReferralId;
import org.bridgeway.referrals.ReferralState;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.NotificationFixtures;
import org.bridgeway.testing.NotificationFixtures.Parties;
import org.bridgeway.testing.Principals;
import org.bridgeway.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notifications API as a user and the webhooks API as an organization's administrator: own
 * records only, bad input answered with a problem naming the field and nothing written, stale
 * versions refused with 409.
 */
@IntegrationTest
@AutoConfigureMockMvc
class NotificationApiIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestUsers testUsers;
  @Autowired NotificationFixtures fixtures;
  @Autowired Inbox inbox;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  OrganizationId agency;
  OrganizationId provider;
  UserId officer;
  UserId caseworker;

  @BeforeEach
  void setUp() {
    agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    provider = testUsers.organization(OrganizationKind.TREATMENT_PROVIDER);
    officer = testUsers.withoutSecondFactor(agency, Role.OFFICER).id();
    caseworker = testUsers.withoutSecondFactor(provider, Role.PROVIDER_STAFF).id();
  }

  @Test
  void aUserListsAndMarksTheirOwnNotificationsOnly() throws Exception {
    ReferralId referral = ReferralId.random();
    fixtures.publish(
        fixtures.change(
            referral,
            Change.SENT,
            ReferralState.SENT,
            new Parties(agency, officer, provider, null),
            officer,
            1));
    await().atMost(Duration.ofSeconds(20)).until(() -> inbox.unreadCount(caseworker) == 1);

    String body =
        mvc.perform(as(get("/api/v1/notifications"), user(caseworker, provider)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.unread").value(1))
            .andExpect(jsonPath("$.items[0].change").value("SENT"))
            .andExpect(
                jsonPath("$.items[0].message").value("A new referral is waiting for your answer."))
            .andExpect(jsonPath("$.items[0].links.api").value("/api/v1/referrals/" + referral))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = json.readTree(body).get("items").get(0).get("id").asString();

    mvc.perform(as(post("/api/v1/notifications/" + id + "/read"), user(officer, agency)))
        .andExpect(status().isNotFound());
    assertThat(inbox.unreadCount(caseworker)).isEqualTo(1);
    mvc.perform(as(post("/api/v1/notifications/" + id + "/read"), user(caseworker, provider)))
        .andExpect(status().isNoContent());
    assertThat(inbox.unreadCount(caseworker)).isZero();
    mvc.perform(as(post("/api/v1/notifications/not-an-id/read"), user(caseworker, provider)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("id"));
  }

  @Test
  void preferencesAreReadAndChosenAndBadChoicesNameTheField() throws Exception {
    BridgewayPrincipal me = user(officer, agency);
    mvc.perform(as(get("/api/v1/notifications/preferences"), me))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.emailConfigured").value(true))
        .andExpect(jsonPath("$.email.NEW_REFERRALS").value("IMMEDIATE"))
        .andExpect(jsonPath("$.email.REFERRAL_RESPONSES").value("DIGEST"));

    mvc.perform(
            as(put("/api/v1/notifications/preferences"), me)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":{\"REFERRAL_RESPONSES\":\"WHENEVER\"}}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value(org.hamcrest.Matchers.startsWith("email")));
    mvc.perform(
            as(put("/api/v1/notifications/preferences"), me)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":{}}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("email"));
    assertThat(preferenceRows(officer)).isZero();

    mvc.perform(
            as(put("/api/v1/notifications/preferences"), me)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":{\"REFERRAL_RESPONSES\":\"NONE\"}}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.email.REFERRAL_RESPONSES").value("NONE"))
        .andExpect(jsonPath("$.email.DEADLINES").value("IMMEDIATE"));
    assertThat(preferenceRows(officer)).isEqualTo(1);
  }

  @Test
  void webhookEndpointsAreKeptByTheirOrganizationsAdministrator() throws Exception {
    BridgewayPrincipal admin =
        Principals.apiClient(
            provider, OrganizationKind.TREATMENT_PROVIDER, Role.ORGANIZATION_ADMIN);
    BridgewayPrincipal otherAdmin =
        Principals.apiClient(agency, OrganizationKind.PROBATION_AGENCY, Role.ORGANIZATION_ADMIN);

    String created =
        mvc.perform(
                as(post("/api/v1/notifications/webhooks"), admin)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"url\":\"https://partner.example.org/hooks\",\"events\":[\"SENT\",\"WITHDRAWN\"]}"))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.secret").value(org.hamcrest.Matchers.startsWith("whsec_")))
            .andExpect(jsonPath("$.endpoint.active").value(true))
            .andReturn()
            .getResponse()
            .getContentAsString();
    JsonNode endpoint = json.readTree(created).get("endpoint");
    String id = endpoint.get("id").asString();
    long version = endpoint.get("version").asLong();

    mvc.perform(as(get("/api/v1/notifications/webhooks/" + id), admin))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.secret").doesNotExist());
    mvc.perform(as(get("/api/v1/notifications/webhooks/" + id), otherAdmin))
        .andExpect(status().isNotFound());
    mvc.perform(as(get("/api/v1/notifications/webhooks"), otherAdmin))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.id == '" + id + "')]").doesNotExist());

    String update = "{\"events\":[\"SENT\"],\"active\":false,\"version\":%d}";
    mvc.perform(
            as(put("/api/v1/notifications/webhooks/" + id), admin)
                .contentType(MediaType.APPLICATION_JSON)
                .content(update.formatted(version)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.active").value(false))
        .andExpect(jsonPath("$.events.length()").value(1));
    mvc.perform(
            as(put("/api/v1/notifications/webhooks/" + id), admin)
                .contentType(MediaType.APPLICATION_JSON)
                .content(update.formatted(version)))
        .andExpect(status().isConflict());
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_entry WHERE record_id = ?::uuid AND action LIKE 'notifications.webhook.%'")
                .param(id)
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void unsafeOrMalformedWebhookRequestsAreRefusedNamingTheField() throws Exception {
    BridgewayPrincipal admin =
        Principals.apiClient(
            provider, OrganizationKind.TREATMENT_PROVIDER, Role.ORGANIZATION_ADMIN);
    long before = endpointsOf(provider);
    for (String url :
        new String[] {
          "http://partner.example.org/hooks", "https://169.254.169.254/latest", "https://10.1.2.3/x"
        }) {
      mvc.perform(
              as(post("/api/v1/notifications/webhooks"), admin)
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"url\":\"" + url + "\",\"events\":[\"SENT\"]}"))
          .andExpect(status().isUnprocessableContent())
          .andExpect(jsonPath("$.errors[0].field").value("url"));
    }
    mvc.perform(
            as(post("/api/v1/notifications/webhooks"), admin)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"url\":\"https://partner.example.org/hooks\",\"events\":[\"NOT_A_CHANGE\"]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value(org.hamcrest.Matchers.startsWith("events")));
    mvc.perform(
            as(post("/api/v1/notifications/webhooks"), admin)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"url\":\"https://partner.example.org/hooks\",\"events\":[]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("events"));
    assertThat(endpointsOf(provider)).isEqualTo(before);
  }

  private long preferenceRows(UserId user) {
    return jdbc.sql("SELECT count(*) FROM notification_preference WHERE user_id = ?")
        .param(user.value())
        .query(Long.class)
        .single();
  }

  private long endpointsOf(OrganizationId organization) {
    return jdbc.sql("SELECT count(*) FROM webhook_endpoint WHERE organization_id = ?")
        .param(organization.value())
        .query(Long.class)
        .single();
  }

  private static BridgewayPrincipal user(UserId id, OrganizationId organization) {
    return BridgewayPrincipal.user(
        id, organization, OrganizationKind.PROBATION_AGENCY, "Org", "User", Set.of(Role.OFFICER));
  }

  private static MockHttpServletRequestBuilder as(
      MockHttpServletRequestBuilder request, BridgewayPrincipal principal) {
    return request.with(authentication(Principals.authenticationOf(principal)));
  }
}
