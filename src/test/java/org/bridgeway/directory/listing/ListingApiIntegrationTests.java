package org.bridgeway.directory.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;
import org.bridgeway.directory.profile.Capacities;
import org.bridgeway.directory.profile.ServiceProfiles;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.testing.DirectoryFixtures;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.MutableClock;
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

/** Provider systems report capacity and keep profiles over the API. */
@IntegrationTest
@AutoConfigureMockMvc
class ListingApiIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestUsers testUsers;
  @Autowired DirectoryFixtures fixtures;
  @Autowired Capacities capacities;
  @Autowired ServiceProfiles profiles;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;

  OrganizationId provider;
  UUID service;
  UUID otherService;
  BridgewayPrincipal system;

  @BeforeEach
  void setUp() {
    provider = testUsers.organization(OrganizationKind.TREATMENT_PROVIDER);
    service = fixtures.stewardedService(provider);
    otherService =
        fixtures.stewardedService(testUsers.organization(OrganizationKind.TREATMENT_PROVIDER));
    system =
        Principals.apiClient(provider, OrganizationKind.TREATMENT_PROVIDER, Role.PROVIDER_STAFF);
  }

  @Test
  void aProviderSystemReportsCapacityAndRetriesSafely() throws Exception {
    String body = "{\"openSlots\":5,\"waitlistLength\":3,\"estimatedWaitDays\":14}";
    JsonNode first = json(put(capacityOf(service)).content(body), system, 200);
    assertThat(first.get("openSlots").asInt()).isEqualTo(5);
    assertThat(first.get("waitlistLength").asInt()).isEqualTo(3);
    assertThat(first.get("estimatedWaitDays").asInt()).isEqualTo(14);
    assertThat(first.get("stale").asBoolean()).isFalse();

    clock.advance(Duration.ofSeconds(20));
    JsonNode retried = json(put(capacityOf(service)).content(body), system, 200);
    assertThat(retried.get("version")).isEqualTo(first.get("version"));
    assertThat(retried.get("history").size()).as("a retry adds no report").isEqualTo(1);
    assertThat(auditCount("directory.capacity.report", service)).isEqualTo(1);

    clock.advance(Duration.ofMinutes(1));
    json(put(capacityOf(service)).content("{\"openSlots\":4,\"waitlistLength\":3}"), system, 200);
    JsonNode read = json(get(capacityOf(service)), system, 200);
    assertThat(read.get("openSlots").asInt()).isEqualTo(4);
    assertThat(read.get("estimatedWaitDays").isNull()).isTrue();
    assertThat(read.get("history").size()).isEqualTo(2);
    assertThat(read.get("history").get(0).get("openSlots").asInt()).isEqualTo(4);
  }

  @Test
  void anotherOrganizationsServiceIsNotFound() throws Exception {
    String body = "{\"openSlots\":5,\"waitlistLength\":0}";
    json(put(capacityOf(otherService)).content(body), system, 404);
    json(get(capacityOf(otherService)), system, 404);
    json(put(profileOf(otherService)).content("{\"version\":0}"), system, 404);
    assertThat(capacities.find(otherService)).isEmpty();

    BridgewayPrincipal coordinator =
        Principals.apiClient(
            testUsers.organization(OrganizationKind.COMMUNITY_ORGANIZATION),
            OrganizationKind.COMMUNITY_ORGANIZATION,
            Role.COMMUNITY_COORDINATOR);
    json(put(capacityOf(otherService)).content(body), coordinator, 200);
    BridgewayPrincipal analyst =
        Principals.apiClient(provider, OrganizationKind.TREATMENT_PROVIDER, Role.ANALYST);
    json(put(capacityOf(service)).content(body), analyst, 403);
  }

  @Test
  void badCapacityNamesTheFieldAndWritesNothing() throws Exception {
    JsonNode negative =
        json(
            put(capacityOf(service)).content("{\"openSlots\":-1,\"waitlistLength\":0}"),
            system,
            400);
    assertThat(negative.get("errors").get(0).get("field").asString()).isEqualTo("openSlots");
    JsonNode missing = json(put(capacityOf(service)).content("{\"openSlots\":1}"), system, 400);
    assertThat(missing.get("errors").get(0).get("field").asString()).isEqualTo("waitlistLength");
    JsonNode wrongType =
        json(
            put(capacityOf(service)).content("{\"openSlots\":\"many\",\"waitlistLength\":0}"),
            system,
            400);
    assertThat(wrongType.get("errors").get(0).get("field").asString()).isEqualTo("openSlots");
    json(put(capacityOf(service)).content("{\"openSlots\":"), system, 400);
    json(
        put(capacityOf(service))
            .content("{\"openSlots\":1,\"waitlistLength\":0,\"estimatedWaitDays\":99999}"),
        system,
        400);
    assertThat(capacities.find(service)).isEmpty();
  }

  @Test
  void aProviderSystemKeepsTheProfileWithOptimisticLocking() throws Exception {
    String body =
        "{\"needDomains\":[\"HOUSING\",\"SUBSTANCE_USE\"],\"minimumAge\":18,\"genders\":[\"FEMALE\"],"
            + "\"excludedOffenses\":[\"ARSON\"],\"insuranceAccepted\":[\"MEDICAID\"],"
            + "\"languages\":[\"en\",\"es\"],\"costKind\":\"FIXED\",\"unitCost\":650,"
            + "\"costUnit\":\"month\",\"version\":0}";
    JsonNode saved = json(put(profileOf(service)).content(body), system, 200);
    assertThat(saved.get("version").asInt()).isEqualTo(1);
    JsonNode retried = json(put(profileOf(service)).content(body), system, 200);
    assertThat(retried.get("version").asInt())
        .as("the same profile again changes nothing")
        .isEqualTo(1);

    json(
        put(profileOf(service)).content(body.replace("\"minimumAge\":18", "\"minimumAge\":21")),
        system,
        409);
    assertThat(profiles.find(service).orElseThrow().minimumAge()).isEqualTo(18);

    JsonNode read = json(get(profileOf(service)), system, 200);
    assertThat(read.get("costUnit").asString()).isEqualTo("month");
    assertThat(auditCount("directory.profile.update", service)).isEqualTo(1);
  }

  @Test
  void aProfileThatBreaksTheRulesIsRefusedWithEveryField() throws Exception {
    JsonNode rules =
        json(
            put(profileOf(service))
                .content("{\"minimumAge\":30,\"maximumAge\":20,\"unitCost\":5,\"version\":0}"),
            system,
            422);
    assertThat(rules.get("errors").findValuesAsString("field"))
        .containsExactlyInAnyOrder("maximumAge", "costUnit");
    JsonNode unknown =
        json(
            put(profileOf(service)).content("{\"needDomains\":[\"FLYING\"],\"version\":0}"),
            system,
            400);
    assertThat(unknown.get("errors").get(0).get("field").asString()).startsWith("needDomains");
    json(put(profileOf(service)).content("{\"needDomains\":[]}"), system, 400);
    assertThat(profiles.find(service)).isEmpty();
  }

  private String capacityOf(UUID id) {
    return "/api/v1/directory/services/" + id + "/capacity";
  }

  private String profileOf(UUID id) {
    return "/api/v1/directory/services/" + id + "/profile";
  }

  private long auditCount(String action, UUID record) {
    return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = ? AND record_id = ?")
        .params(action, record)
        .query(Long.class)
        .single();
  }

  private JsonNode json(MockHttpServletRequestBuilder request, BridgewayPrincipal who, int expected)
      throws Exception {
    String body =
        mvc.perform(
                request
                    .contentType(MediaType.APPLICATION_JSON)
                    .with(authentication(Principals.authenticationOf(who))))
            .andExpect(status().is(expected))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return body.isEmpty() ? JsonMapper.shared().nullNode() : JsonMapper.shared().readTree(body);
  }
}
