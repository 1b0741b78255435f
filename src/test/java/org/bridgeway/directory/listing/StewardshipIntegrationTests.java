package org.bridgeway.directory.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.bridgeway.directory.hsds.HsdsRecords;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.testing.DirectoryFixtures;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.Principals;
import org.bridgeway.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Curators decide which network organization keeps which directory organization's listings. */
@IntegrationTest
@AutoConfigureMockMvc
class StewardshipIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestUsers testUsers;
  @Autowired DirectoryFixtures fixtures;
  @Autowired HsdsRecords records;
  @Autowired Stewards stewards;
  @Autowired JdbcClient jdbc;

  @Test
  void aCuratorMovesAListingToAnotherStewardAndBack() throws Exception {
    OrganizationId before = testUsers.organization(OrganizationKind.TREATMENT_PROVIDER);
    OrganizationId after = testUsers.organization(OrganizationKind.COMMUNITY_ORGANIZATION);
    UUID service = fixtures.stewardedService(before);
    UUID directoryOrganization =
        records.find(service).orElseThrow().reference("organization_id").orElseThrow();
    BridgewayPrincipal coordinator =
        Principals.user(
            testUsers.organization(OrganizationKind.COMMUNITY_ORGANIZATION),
            OrganizationKind.COMMUNITY_ORGANIZATION,
            Role.COMMUNITY_COORDINATOR);
    BridgewayPrincipal staffBefore =
        Principals.user(before, OrganizationKind.TREATMENT_PROVIDER, Role.PROVIDER_STAFF);
    BridgewayPrincipal staffAfter =
        Principals.user(after, OrganizationKind.COMMUNITY_ORGANIZATION, Role.ORGANIZATION_ADMIN);

    assertThat(
            page(
                get("/directory/stewards")
                    .param("q", "Fixture Organization " + directoryOrganization),
                coordinator,
                200))
        .contains("Fixture Organization " + directoryOrganization);
    page(get("/directory/listings/" + service), staffAfter, 404);

    page(
        post("/directory/stewards/" + directoryOrganization)
            .param("networkOrganization", after.toString()),
        coordinator,
        302);
    assertThat(stewards.stewardOf(directoryOrganization)).contains(after);
    page(get("/directory/listings/" + service), staffAfter, 200);
    page(get("/directory/listings/" + service), staffBefore, 404);
    assertThat(auditCount("directory.steward.link", directoryOrganization)).isEqualTo(1);

    page(post("/directory/stewards/" + directoryOrganization + "/unlink"), coordinator, 302);
    assertThat(stewards.stewardOf(directoryOrganization)).isEmpty();
    page(get("/directory/listings/" + service), staffAfter, 404);
    assertThat(auditCount("directory.steward.unlink", directoryOrganization)).isEqualTo(1);
  }

  @Test
  void onlyCuratorsLinkAndOnlyToRealNetworkOrganizations() throws Exception {
    OrganizationId provider = testUsers.organization(OrganizationKind.TREATMENT_PROVIDER);
    UUID service = fixtures.stewardedService(provider);
    UUID directoryOrganization =
        records.find(service).orElseThrow().reference("organization_id").orElseThrow();
    BridgewayPrincipal admin =
        Principals.user(provider, OrganizationKind.TREATMENT_PROVIDER, Role.ORGANIZATION_ADMIN);
    page(
        post("/directory/stewards/" + directoryOrganization)
            .param("networkOrganization", provider.toString()),
        admin,
        403);
    page(get("/directory/stewards"), admin, 403);

    BridgewayPrincipal networkAdmin =
        Principals.user(provider, OrganizationKind.PROBATION_AGENCY, Role.NETWORK_ADMIN);
    page(
        post("/directory/stewards/" + directoryOrganization)
            .param("networkOrganization", UUID.randomUUID().toString()),
        networkAdmin,
        302);
    page(
        post("/directory/stewards/" + directoryOrganization).param("networkOrganization", "nope"),
        networkAdmin,
        400);
    assertThat(stewards.stewardOf(directoryOrganization)).contains(provider);
  }

  private long auditCount(String action, UUID record) {
    return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = ? AND record_id = ?")
        .params(action, record)
        .query(Long.class)
        .single();
  }

  private String page(MockHttpServletRequestBuilder request, BridgewayPrincipal who, int expected)
      throws Exception {
    return mvc.perform(request.with(csrf()).with(authentication(Principals.authenticationOf(who))))
        .andExpect(status().is(expected))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
