package org.bridgeway.outcomes.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.OutcomeFixtures;
import org.bridgeway.testing.Principals;
import org.bridgeway.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard, its CSV, PDF and API over HTTP: the figures of the caller's own agency only, a
 * provider's own programs only, bad filters named, the drill-down limited to people the user sees.
 */
@IntegrationTest
@AutoConfigureMockMvc
class OutcomeMeasuresWebTests {

  /** Every start of the shifted county is after this, and the as-of date is today. */
  static final String PERIOD = "from=2000-01-01";

  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired JdbcClient jdbc;
  @Autowired SpellFacts facts;
  @Autowired JsonMapper json;

  OrganizationId agency;
  CountyOf12 county;

  @BeforeEach
  void setUp() {
    agency = users.organization(OrganizationKind.PROBATION_AGENCY);
    // the county of twelve moved eight years back, so that all of it is in the past of any run
    county = new CountyOf12(new OutcomeFixtures(jdbc), agency.value(), -8);
    facts.refreshAgency(agency.value());
  }

  private MvcResult as(BridgewayPrincipal principal, String path) throws Exception {
    return mvc.perform(get(path).with(authentication(Principals.authenticationOf(principal))))
        .andReturn();
  }

  @Test
  void anAnalystSeesTheAgencysFiguresWithChartsTablesAndDefinitions() throws Exception {
    BridgewayPrincipal analyst =
        Principals.user(agency, OrganizationKind.PROBATION_AGENCY, Role.ANALYST);
    MvcResult result = as(analyst, "/outcomes/measures?" + PERIOD + "&groupBy=GENDER");
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    String page = result.getResponse().getContentAsString();
    assertThat(page).contains("id=\"figure-people\">12<");
    assertThat(page).contains("data-chart=").contains("<caption").contains("table-survival");
    assertThat(page).contains("Female").contains("Male");
    assertThat(page).contains("Log-rank test");
    assertThat(page).contains("Followed long enough");
    // analysts see aggregates only: no way to the people
    assertThat(page).doesNotContain("/outcomes/measures/people");
  }

  @Test
  void anotherAgencysAnalystSeesNoneOfTheseFigures() throws Exception {
    OrganizationId other = users.organization(OrganizationKind.PROBATION_AGENCY);
    BridgewayPrincipal analyst =
        Principals.user(other, OrganizationKind.PROBATION_AGENCY, Role.ANALYST);
    String body =
        as(analyst, "/api/v1/outcomes/measures?" + PERIOD).getResponse().getContentAsString();
    JsonNode total = json.readTree(body).get("total");
    assertThat(total.get("people").asLong()).isZero();
    String page = as(analyst, "/outcomes/measures?" + PERIOD).getResponse().getContentAsString();
    assertThat(page).contains("id=\"figure-people\">0<");
  }

  @Test
  void aProviderSeesItsOwnProgramsOnly() throws Exception {
    BridgewayPrincipal staff =
        Principals.user(
            new OrganizationId(county.providerX),
            OrganizationKind.TREATMENT_PROVIDER,
            Role.PROVIDER_STAFF);
    JsonNode dashboard =
        json.readTree(
            as(staff, "/api/v1/outcomes/measures?kind=PROGRAM_EXIT&" + PERIOD)
                .getResponse()
                .getContentAsString());
    assertThat(dashboard.get("total").get("people").asLong()).isEqualTo(1);
    assertThat(dashboard.get("programs").size()).isEqualTo(1);
    assertThat(dashboard.get("programs").get(0).get("programId").asString())
        .isEqualTo(county.programA);
  }

  @Test
  void badFiltersAreNamedAndNeverA500() throws Exception {
    BridgewayPrincipal analyst =
        Principals.user(agency, OrganizationKind.PROBATION_AGENCY, Role.ANALYST);
    MvcResult api = as(analyst, "/api/v1/outcomes/measures?from=yesterday&groupBy=shoe");
    assertThat(api.getResponse().getStatus()).isEqualTo(400);
    assertThat(api.getResponse().getContentType()).contains("application/problem+json");
    JsonNode errors = json.readTree(api.getResponse().getContentAsString()).get("errors");
    assertThat(
            List.of(errors.get(0).get("field").asString(), errors.get(1).get("field").asString()))
        .containsExactlyInAnyOrder("from", "groupBy");
    MvcResult page = as(analyst, "/outcomes/measures?to=2020-02-30");
    assertThat(page.getResponse().getStatus()).isEqualTo(400);
    assertThat(page.getResponse().getContentAsString()).contains("href=\"#to\"");
    assertThat(as(analyst, "/outcomes/measures.csv?figure=secrets").getResponse().getStatus())
        .isEqualTo(400);
    assertThat(as(analyst, "/outcomes/measures.pdf?kind=x").getResponse().getStatus())
        .isEqualTo(400);
  }

  @Test
  void eachFigureDownloadsAsCsvAndTheDashboardAsPdf() throws Exception {
    BridgewayPrincipal supervisor =
        Principals.user(agency, OrganizationKind.PROBATION_AGENCY, Role.SUPERVISOR);
    String groups =
        as(supervisor, "/outcomes/measures.csv?figure=groups&groupBy=RISK_LEVEL&" + PERIOD)
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(groups.lines().findFirst().orElseThrow())
        .startsWith("group,people,recidivism_1y_count");
    assertThat(groups).contains("High,").contains("Low,");
    String programs =
        as(supervisor, "/outcomes/measures.csv?figure=programs&" + PERIOD)
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(programs).contains("Anger management");
    MvcResult pdf = as(supervisor, "/outcomes/measures.pdf?" + PERIOD);
    assertThat(pdf.getResponse().getStatus()).isEqualTo(200);
    assertThat(
            new String(
                pdf.getResponse().getContentAsByteArray(), 0, 5, StandardCharsets.ISO_8859_1))
        .isEqualTo("%PDF-");
  }

  @Test
  void theDrillDownShowsOnlyPeopleTheSupervisorSeesAndImportedPeopleStayHidden() throws Exception {
    BridgewayPrincipal supervisor =
        Principals.user(agency, OrganizationKind.PROBATION_AGENCY, Role.SUPERVISOR);
    MvcResult result = as(supervisor, "/outcomes/measures/people?" + PERIOD);
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    // the twelve are imported people, not on anyone's caseload: none is listed, all are counted
    assertThat(result.getResponse().getContentAsString())
        .contains("12 other people of this group are not yours to see.");
  }
}
