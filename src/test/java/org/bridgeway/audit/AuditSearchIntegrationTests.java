package org.bridgeway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.MutableClock;
import org.bridgeway.testing.Principals;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.DispatcherServlet;

@IntegrationTest
@AutoConfigureMockMvc
class AuditSearchIntegrationTests {

  /**
   * Where a redirected-to request finds the flash attributes. Set directly, because the flash map
   * normally travels in the JDBC-backed session, which a MockMvc request with a test authentication
   * does not carry.
   */
  private static final String AFTER_REDIRECT = DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE;

  @Autowired MockMvc mvc;
  @Autowired AuditTrail trail;
  @Autowired JdbcTemplate jdbc;
  @Autowired MutableClock clock;

  private final OrganizationId agency = OrganizationId.random();
  private final OrganizationId provider = OrganizationId.random();
  private final BridgewayPrincipal networkAdmin =
      Principals.user(
          OrganizationId.random(), OrganizationKind.PROBATION_AGENCY, Role.NETWORK_ADMIN);
  private final BridgewayPrincipal agencyAdmin =
      Principals.user(agency, OrganizationKind.PROBATION_AGENCY, Role.ORGANIZATION_ADMIN);
  private final BridgewayPrincipal agencyOfficer =
      Principals.user(agency, OrganizationKind.PROBATION_AGENCY, Role.OFFICER);
  private final BridgewayPrincipal providerStaff =
      Principals.user(provider, OrganizationKind.TREATMENT_PROVIDER, Role.PROVIDER_STAFF);
  private final UUID person = UUID.randomUUID();
  private final String tag = "test.search." + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void aNetworkAdministratorFindsEveryEntryAboutAPerson() throws Exception {
    trail.record(AuditEvent.success(tag + ".read").withPerson(person).withActor(agencyOfficer));
    trail.record(AuditEvent.success(tag + ".read").withPerson(person).withActor(providerStaff));
    trail.record(
        AuditEvent.success(tag + ".read").withPerson(UUID.randomUUID()).withActor(providerStaff));

    AuditSearchResult result = search(networkAdmin, "personId", person.toString());

    assertThat(result.entries())
        .extracting(AuditEntry::organizationId)
        .containsExactly(provider.value(), agency.value());
    assertThat(result.restrictedToOrganization()).isNull();
  }

  @Test
  void anOrganizationAdministratorSeesOnlyTheirOwnOrganizationsEntries() throws Exception {
    trail.record(AuditEvent.success(tag + ".read").withPerson(person).withActor(agencyOfficer));
    trail.record(AuditEvent.success(tag + ".read").withPerson(person).withActor(providerStaff));

    AuditSearchResult byPerson = search(agencyAdmin, "personId", person.toString());
    AuditSearchResult otherOrganization =
        search(agencyAdmin, "organizationId", provider.toString(), "personId", person.toString());

    assertThat(byPerson.entries())
        .extracting(AuditEntry::actorUserId)
        .containsExactly(agencyOfficer.userId());
    assertThat(byPerson.restrictedToOrganization()).isEqualTo(agency.value());
    assertThat(otherOrganization.entries()).isEmpty();
  }

  @Test
  void filtersByActingUserAndOrganization() throws Exception {
    trail.record(AuditEvent.success(tag + ".read").withActor(agencyOfficer));
    trail.record(AuditEvent.success(tag + ".read").withActor(providerStaff));

    assertThat(search(networkAdmin, "userId", agencyOfficer.userId().toString()).entries())
        .extracting(AuditEntry::action)
        .containsExactly(tag + ".read");
    assertThat(search(networkAdmin, "organizationId", provider.toString(), "action", tag).entries())
        .extracting(AuditEntry::actorUserId)
        .containsExactly(providerStaff.userId());
  }

  @Test
  void filtersByActionPrefixTakingWildcardsLiterally() throws Exception {
    trail.record(AuditEvent.success(tag + ".sign-in").withPerson(person));
    trail.record(AuditEvent.success(tag + ".sign-out").withPerson(person));
    trail.record(AuditEvent.success(tag + "Xsign-in").withPerson(person));

    assertThat(search(networkAdmin, "action", tag + ".sign-").entries())
        .extracting(AuditEntry::action)
        .containsExactly(tag + ".sign-out", tag + ".sign-in");
    assertThat(search(networkAdmin, "action", tag + ".sign-i").entries()).hasSize(1);
    assertThat(search(networkAdmin, "action", tag + "_sign").entries()).isEmpty();
  }

  @Test
  void filtersByDaysInclusive() throws Exception {
    Instant now = clock.instant();
    try {
      clock.set(Instant.parse("2001-05-10T23:59:59Z"));
      trail.record(AuditEvent.success(tag + ".tenth").withPerson(person));
      clock.set(Instant.parse("2001-05-11T00:00:00Z"));
      trail.record(AuditEvent.success(tag + ".eleventh").withPerson(person));
      clock.set(Instant.parse("2001-05-12T12:00:00Z"));
      trail.record(AuditEvent.success(tag + ".twelfth").withPerson(person));
    } finally {
      clock.set(now);
    }

    assertThat(actions(search(networkAdmin, "personId", person.toString(), "from", "2001-05-11")))
        .containsExactly(tag + ".twelfth", tag + ".eleventh");
    assertThat(actions(search(networkAdmin, "personId", person.toString(), "to", "2001-05-10")))
        .containsExactly(tag + ".tenth");
    assertThat(
            actions(
                search(
                    networkAdmin,
                    "personId",
                    person.toString(),
                    "from",
                    "2001-05-11",
                    "to",
                    "2001-05-11")))
        .containsExactly(tag + ".eleventh");
  }

  @Test
  void resultsComeNewestFirstFiftyToAPage() throws Exception {
    for (int i = 1; i <= 51; i++) {
      trail.record(AuditEvent.success(tag + ".n" + i).withPerson(person));
    }

    MvcResult first = searchRequest(networkAdmin, "personId", person.toString());
    AuditSearchResult firstPage = resultOf(first);
    AuditSearchResult secondPage = search(networkAdmin, "personId", person.toString(), "page", "2");

    assertThat(firstPage.entries()).hasSize(50);
    assertThat(firstPage.entries().getFirst().action()).isEqualTo(tag + ".n51");
    assertThat(firstPage.hasNext()).isTrue();
    assertThat(first.getModelAndView().getModel())
        .containsEntry("nextPage", "/admin/audit?personId=" + person + "&page=2")
        .doesNotContainKey("previousPage");
    assertThat(secondPage.entries()).extracting(AuditEntry::action).containsExactly(tag + ".n1");
    assertThat(secondPage.hasNext()).isFalse();
    assertThat(secondPage.hasPrevious()).isTrue();
  }

  @Test
  void theResultsPageRendersTheEntriesInACaptionedTable() throws Exception {
    trail.record(AuditEvent.success(tag + ".read").withPerson(person).withActor(agencyOfficer));

    String html =
        mvc.perform(as(networkAdmin, get("/admin/audit").param("personId", person.toString())))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(html)
        .contains("<caption", "class=\"usa-table", tag + ".read", "user:" + agencyOfficer.userId())
        .contains("action=\"/admin/audit/verify\"", "name=\"_csrf\"")
        .doesNotContain("style=\"", "<script>");
  }

  @Test
  void theVerifyButtonIsOfferedToNetworkAdministratorsOnly() throws Exception {
    String html =
        mvc.perform(as(agencyAdmin, get("/admin/audit").param("personId", person.toString())))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(html).doesNotContain("/admin/audit/verify");
  }

  @Test
  void searchingIsItselfAuditedWithTheFilters() throws Exception {
    search(agencyAdmin, "personId", person.toString(), "action", tag);

    List<Map<String, Object>> searches =
        jdbc.queryForList(
            "SELECT organization_id, outcome, details->>'personId' AS person,"
                + " details->>'action' AS action, details->>'scope' AS scope"
                + " FROM audit_entry WHERE action = 'audit.search' AND actor_user_id = ?",
            agencyAdmin.userId());
    assertThat(searches).hasSize(1);
    assertThat(searches.getFirst())
        .containsEntry("organization_id", agency.value())
        .containsEntry("outcome", "SUCCESS")
        .containsEntry("person", person.toString())
        .containsEntry("action", tag)
        .containsEntry("scope", "organization:" + agency.value());
  }

  @Test
  void invalidFiltersAreRefusedWithTheFieldsNamedAndNothingIsSearched() throws Exception {
    String html =
        mvc.perform(
                as(
                    agencyAdmin,
                    get("/admin/audit")
                        .param("personId", "not-a-uuid")
                        .param("userId", "1-1-1-1-1")
                        .param("from", "2025-02-30")
                        .param("action", "x%' OR 1=1")))
            .andExpect(status().isBadRequest())
            .andExpect(model().attributeDoesNotExist("result"))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(html)
        .contains("id=\"error-summary\"", "tabindex=\"-1\"")
        .contains("href=\"#personId\"", "href=\"#userId\"", "href=\"#from\"", "href=\"#action\"")
        .contains("aria-invalid=\"true\"")
        .doesNotContain("<caption");
    assertThat(searchesBy(agencyAdmin)).isZero();
  }

  @Test
  void aFromDateAfterTheToDateIsRefused() throws Exception {
    mvc.perform(
            as(
                agencyAdmin,
                get("/admin/audit").param("from", "2025-03-02").param("to", "2025-03-01")))
        .andExpect(status().isBadRequest())
        .andExpect(model().attribute("errors", Map.of("to", "audit.error.range")));

    assertThat(searchesBy(agencyAdmin)).isZero();
  }

  @Test
  void aPageNumberOutOfRangeIsRefused() throws Exception {
    for (String page : List.of("0", "-1", "abc", "10001", "99999999999")) {
      mvc.perform(as(networkAdmin, get("/admin/audit").param("page", page)))
          .andExpect(status().isBadRequest())
          .andExpect(model().attribute("errors", Map.of("page", "audit.error.page")));
    }
    assertThat(searchesBy(networkAdmin)).isZero();
  }

  @Test
  void staffWithoutAnAdministratorRoleCannotSearch() throws Exception {
    mvc.perform(as(agencyOfficer, get("/admin/audit"))).andExpect(status().isForbidden());

    assertThat(searchesBy(agencyOfficer)).isZero();
  }

  @Test
  void anonymousVisitorsAreSentToSignIn() throws Exception {
    mvc.perform(get("/admin/audit")).andExpect(status().is3xxRedirection());
  }

  @Test
  void aNetworkAdministratorVerifiesTheChainAndSeesTheResult() throws Exception {
    MvcResult verified =
        mvc.perform(as(networkAdmin, post("/admin/audit/verify").with(csrf())))
            .andExpect(status().is3xxRedirection())
            .andExpect(redirectedUrl("/admin/audit"))
            .andReturn();
    ChainVerification verification = (ChainVerification) verified.getFlashMap().get("verification");
    assertThat(verification.intact()).isTrue();

    String html =
        mvc.perform(
                as(networkAdmin, get("/admin/audit").param("personId", person.toString()))
                    .requestAttr(AFTER_REDIRECT, Map.of("verification", verification)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html).contains("id=\"verification-result\"", "usa-alert--success");
  }

  @Test
  void aBrokenChainIsShownAsAnError() throws Exception {
    String html =
        mvc.perform(
                as(networkAdmin, get("/admin/audit").param("personId", person.toString()))
                    .requestAttr(
                        AFTER_REDIRECT,
                        Map.of(
                            "verification",
                            ChainVerification.broken(
                                3, 57, ChainVerification.Break.HASH_MISMATCH, "ab".repeat(32)))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(html).contains("id=\"verification-result\"", "usa-alert--error", "ab".repeat(32));
  }

  @Test
  void onlyANetworkAdministratorMayVerifyAndOnlyWithACsrfToken() throws Exception {
    long verifications = verifications();

    mvc.perform(as(agencyAdmin, post("/admin/audit/verify").with(csrf())))
        .andExpect(status().isForbidden());
    mvc.perform(as(networkAdmin, post("/admin/audit/verify"))).andExpect(status().isForbidden());
    mvc.perform(post("/admin/audit/verify").with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/login"));

    assertThat(verifications()).isEqualTo(verifications);
  }

  private AuditSearchResult search(BridgewayPrincipal reader, String... params) throws Exception {
    return resultOf(searchRequest(reader, params));
  }

  private MvcResult searchRequest(BridgewayPrincipal reader, String... params) throws Exception {
    MockHttpServletRequestBuilder request = get("/admin/audit");
    for (int i = 0; i < params.length; i += 2) {
      request.param(params[i], params[i + 1]);
    }
    return mvc.perform(as(reader, request)).andExpect(status().isOk()).andReturn();
  }

  private static AuditSearchResult resultOf(MvcResult result) {
    return (AuditSearchResult) result.getModelAndView().getModel().get("result");
  }

  private static List<String> actions(AuditSearchResult result) {
    return result.entries().stream().map(AuditEntry::action).toList();
  }

  private static MockHttpServletRequestBuilder as(
      BridgewayPrincipal principal, MockHttpServletRequestBuilder request) {
    return request.with(authentication(Principals.authenticationOf(principal)));
  }

  private long verifications() {
    return jdbc.queryForObject(
        "SELECT count(*) FROM audit_entry WHERE action = 'audit.verify'", Long.class);
  }

  private long searchesBy(BridgewayPrincipal reader) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM audit_entry WHERE action = 'audit.search' AND actor_user_id = ?",
        Long.class,
        reader.userId());
  }
}
