package org.bridgeway.referrals.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.referrals.ReferralId;
import org.bridgeway.referrals.lifecycle.DeclineReason;
import org.bridgeway.referrals.lifecycle.ReferralRecords;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.Principals;
import org.bridgeway.testing.ReferralFixtures;
import org.bridgeway.testing.ReferralFixtures.Made;
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

/** The measures page, its CSV and the API: figures shown, a bad period named, roles kept out. */
@IntegrationTest
@AutoConfigureMockMvc
class ReferralMeasuresWebTests {

  @Autowired MockMvc mvc;
  @Autowired ReferralFixtures referrals;
  @Autowired ReferralRecords records;
  @Autowired TestUsers users;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  OrganizationId agency;
  BridgewayPrincipal supervisor;

  @BeforeEach
  void setUp() {
    agency = users.organization(OrganizationKind.PROBATION_AGENCY);
    supervisor = Principals.user(agency, OrganizationKind.PROBATION_AGENCY, Role.SUPERVISOR);
    OrganizationId provider = users.organization(OrganizationKind.TREATMENT_PROVIDER);
    Made declined = referrals.sent(agency, provider);
    Made open = referrals.sent(agency, provider);
    records.decline(
        ReferralFixtures.providerStaffOf(provider),
        new ReferralId(declined.id()),
        new ReferralRecords.Decline(DeclineReason.SAFETY_CONCERN, "Staff safety"),
        declined.version());
    Awaitility.await("the measures of the referrals")
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                jdbc.sql(
                            "SELECT count(*) FROM referral_measure WHERE referral_id = ANY(:ids)"
                                + " AND (referral_id = :open OR decline_reason IS NOT NULL)")
                        .param("ids", new UUID[] {declined.id(), open.id()})
                        .param("open", open.id())
                        .query(Long.class)
                        .single()
                    == 2);
  }

  @Test
  void theSupervisorSeesTheFiguresWithAChartAndItsTableAndTheDefinitions() throws Exception {
    String page =
        mvc.perform(get("/referrals/measures").with(authentication(auth(supervisor))))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(page)
        .contains("By provider", "By officer", "Declines by reason", "Safety concern")
        .contains("data-chart=", "aria-describedby=\"table-declines\"")
        .contains("How these figures are counted");
    assertThat(page).containsPattern("id=\"figure-sent\">2<");
  }

  @Test
  void aDateThatIsNotADateIsNamedAndNothingIsShown() throws Exception {
    MvcResult result =
        mvc.perform(
                get("/referrals/measures")
                    .param("from", "yesterday")
                    .with(authentication(auth(supervisor))))
            .andReturn();

    assertThat(result.getResponse().getStatus()).isEqualTo(400);
    assertThat(result.getResponse().getContentAsString())
        .contains("href=\"#from\"")
        .doesNotContain("id=\"figure-sent\"");
  }

  @Test
  void theApiAnswersTheSameFiguresAndNamesAReversedPeriod() throws Exception {
    JsonNode report =
        json.readTree(
            mvc.perform(get("/api/v1/referrals/measures").with(authentication(auth(supervisor))))
                .andReturn()
                .getResponse()
                .getContentAsString());
    assertThat(report.get("total").get("sent").asLong()).isEqualTo(2);
    assertThat(report.get("declinedByReason").get("SAFETY_CONCERN").asLong()).isEqualTo(1);

    MvcResult reversed =
        mvc.perform(
                get("/api/v1/referrals/measures")
                    .param("from", "2026-06-02")
                    .param("to", "2026-06-01")
                    .with(authentication(auth(supervisor))))
            .andReturn();
    assertThat(reversed.getResponse().getStatus()).isEqualTo(400);

    MvcResult notADate =
        mvc.perform(
                get("/api/v1/referrals/measures")
                    .param("from", "yesterday")
                    .with(authentication(auth(supervisor))))
            .andReturn();
    assertThat(notADate.getResponse().getStatus()).isEqualTo(400);
    assertThat(
            json.readTree(notADate.getResponse().getContentAsString())
                .get("errors")
                .get(0)
                .get("field")
                .asString())
        .isEqualTo("from");
    assertThat(
            json.readTree(reversed.getResponse().getContentAsString())
                .get("errors")
                .get(0)
                .get("field")
                .asString())
        .isEqualTo("from");
  }

  @Test
  void theCsvHasATotalRowAndOneRowPerProviderAndOfficer() throws Exception {
    String csv =
        mvc.perform(get("/referrals/measures.csv").with(authentication(auth(supervisor))))
            .andReturn()
            .getResponse()
            .getContentAsString();

    String[] lines = csv.split("\r\n");
    assertThat(lines[0]).startsWith("grouping,name,sent,accepted,declined");
    assertThat(lines[1]).startsWith("TOTAL,,2,0,1,0,1,0,0.000,");
    assertThat(csv).contains("PROVIDER,").contains("OFFICER,");
  }

  @Test
  void anOfficerMayNotSeeTheMeasures() throws Exception {
    BridgewayPrincipal officer =
        Principals.user(agency, OrganizationKind.PROBATION_AGENCY, Role.OFFICER);

    assertThat(
            mvc.perform(get("/api/v1/referrals/measures").with(authentication(auth(officer))))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
  }

  private static org.springframework.security.core.Authentication auth(
      BridgewayPrincipal principal) {
    return Principals.authenticationOf(principal);
  }
}
