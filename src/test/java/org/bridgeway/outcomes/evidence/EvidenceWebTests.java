package org.bridgeway.outcomes.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.testing.EvidenceFixtures;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.Principals;
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
 * The evidence and equity pages, CSV and API: who may see them, whose people they count, and bad
 * parameters answered with 400 naming the field.
 */
@IntegrationTest
@AutoConfigureMockMvc
class EvidenceWebTests {

  static final LocalDate START = LocalDate.of(2016, 3, 1);

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired org.bridgeway.testing.TestUsers testUsers;

  OrganizationId agency;
  String program;
  String instrument;

  /** 12 participants and 12 comparison people alike in everything, 3 and 6 rearrested. */
  @BeforeEach
  void setUp() {
    EvidenceFixtures fixtures = new EvidenceFixtures(jdbc);
    agency = new OrganizationId(UUID.randomUUID());
    program = "W-" + UUID.randomUUID().toString().substring(0, 8);
    instrument = "LSI-" + UUID.randomUUID().toString().substring(0, 6);
    for (int i = 0; i < 24; i++) {
      boolean treated = i < 12;
      UUID person =
          fixtures.person(agency.value(), "MALE", "WHITE", null, LocalDate.of(1980, 5, 1));
      fixtures.spell(person, agency.value(), START, i % 2 == 0 ? "HIGH" : "LOW", instrument, null);
      fixtures.participation(
          person,
          agency.value(),
          treated ? program : "OTHER",
          "HOUSING",
          START.plusMonths(1),
          "ACCEPTED",
          null);
      if ((treated && i < 3) || (!treated && i < 18)) {
        fixtures.event(person, agency.value(), "ARREST", START.plusMonths(2));
      }
    }
  }

  private BridgewayPrincipal analyst(OrganizationId organization, OrganizationKind kind) {
    return Principals.user(organization, kind, Role.ANALYST);
  }

  private MvcResult call(String path, BridgewayPrincipal principal) throws Exception {
    return mvc.perform(get(path).with(authentication(Principals.authenticationOf(principal))))
        .andReturn();
  }

  @Test
  void theAgencysAnalystSeesTheComparisonAndAnotherAgencysDoesNot() throws Exception {
    MvcResult own =
        call(
            "/api/v1/outcomes/evidence/effectiveness?program=" + program + "&years=1",
            analyst(agency, OrganizationKind.PROBATION_AGENCY));
    assertThat(own.getResponse().getStatus()).isEqualTo(200);
    JsonNode body = json.readTree(own.getResponse().getContentAsString());
    assertThat(body.get("participants").asLong()).isEqualTo(12);
    assertThat(body.get("matchedComparison").asLong()).isEqualTo(12);
    // 3/12 − 6/12 = −0.25 (both strata have 6 and 6)
    assertThat(body.get("difference").get("value").asDouble()).isEqualTo(-0.25);

    MvcResult other =
        call(
            "/api/v1/outcomes/evidence/effectiveness?program=" + program,
            analyst(new OrganizationId(UUID.randomUUID()), OrganizationKind.PROBATION_AGENCY));
    assertThat(other.getResponse().getStatus()).isEqualTo(400);
    assertThat(other.getResponse().getContentAsString()).contains("\"field\":\"program\"");
    MvcResult otherPrograms =
        call(
            "/api/v1/outcomes/evidence/programs",
            analyst(new OrganizationId(UUID.randomUUID()), OrganizationKind.PROBATION_AGENCY));
    assertThat(otherPrograms.getResponse().getContentAsString()).doesNotContain(program);

    // A funder's analyst sees the network, this agency included.
    MvcResult funder =
        call(
            "/api/v1/outcomes/evidence/programs",
            analyst(new OrganizationId(UUID.randomUUID()), OrganizationKind.FUNDER));
    assertThat(funder.getResponse().getContentAsString()).contains(program);
  }

  @Test
  void programsOfTheSameNameAreToldApartByTheirProvider() throws Exception {
    OrganizationId north = testUsers.organization(OrganizationKind.TREATMENT_PROVIDER);
    OrganizationId south = testUsers.organization(OrganizationKind.TREATMENT_PROVIDER);
    UUID person = new EvidenceFixtures(jdbc).person(agency.value(), "MALE", "WHITE", null, START);
    sameNamedProgram(person, "AM-north", north);
    sameNamedProgram(person, "AM-south", south);

    JsonNode programs =
        json.readTree(
            call(
                    "/api/v1/outcomes/evidence/programs",
                    analyst(agency, OrganizationKind.PROBATION_AGENCY))
                .getResponse()
                .getContentAsString());

    java.util.Map<String, String> providerOf = new java.util.HashMap<>();
    programs.forEach(
        p ->
            providerOf.put(
                p.get("id").asString(),
                p.get("provider").isNull() ? null : p.get("provider").asString()));
    assertThat(providerOf.get("AM-north")).startsWith("Test TREATMENT_PROVIDER");
    assertThat(providerOf.get("AM-south")).startsWith("Test TREATMENT_PROVIDER");
    assertThat(providerOf.get("AM-north")).isNotEqualTo(providerOf.get("AM-south"));
    assertThat(providerOf).containsEntry(program, null);
  }

  private void sameNamedProgram(UUID person, String programId, OrganizationId provider) {
    jdbc.sql(
            """
            INSERT INTO outcomes_participation
              (id, person_id, agency_id, source, program_id, program_name, provider_id,
               referred_on, accepted_on, updated_at)
            VALUES (:id, :person, :agency, 'IMPORTED', :program, 'Anger Management', :provider,
                    :day, :day, now())
            """)
        .param("id", UUID.randomUUID())
        .param("person", person)
        .param("agency", agency.value())
        .param("program", programId)
        .param("provider", provider.value())
        .param("day", java.sql.Date.valueOf(START))
        .update();
  }

  @Test
  void providerStaffAndAProvidersAnalystAreForbidden() throws Exception {
    for (String path :
        new String[] {
          "/api/v1/outcomes/evidence/programs",
          "/outcomes/evidence/effectiveness",
          "/outcomes/evidence/validation",
          "/outcomes/equity",
          "/outcomes/equity/gaps",
          "/api/v1/outcomes/equity/gaps"
        }) {
      assertThat(
              call(
                      path,
                      Principals.user(
                          agency, OrganizationKind.PROBATION_AGENCY, Role.PROVIDER_STAFF))
                  .getResponse()
                  .getStatus())
          .as(path)
          .isEqualTo(403);
      assertThat(
              call(
                      path,
                      analyst(
                          new OrganizationId(UUID.randomUUID()),
                          OrganizationKind.TREATMENT_PROVIDER))
                  .getResponse()
                  .getStatus())
          .as(path)
          .isEqualTo(403);
    }
  }

  @Test
  void badParametersAreRefusedNamingTheField() throws Exception {
    BridgewayPrincipal analyst = analyst(agency, OrganizationKind.PROBATION_AGENCY);
    String[][] cases = {
      {"/api/v1/outcomes/evidence/effectiveness?program=" + program + "&years=4", "years"},
      {"/api/v1/outcomes/evidence/effectiveness?program=" + program + "&outcome=NOPE", "outcome"},
      {
        "/api/v1/outcomes/evidence/effectiveness?program="
            + program
            + "&method=PROPENSITY_SCORE"
            + "&caliper=3",
        "caliper"
      },
      {"/api/v1/outcomes/evidence/effectiveness", "program"},
      {"/api/v1/outcomes/evidence/validation?instrument=UNKNOWN", "instrument"},
      {
        "/api/v1/outcomes/evidence/validation?instrument="
            + instrument
            + "&from=2020-01-01"
            + "&to=2019-01-01",
        "from"
      },
      {"/api/v1/outcomes/equity?dimension=RACE&reference=NOBODY", "reference"},
      {"/api/v1/outcomes/equity?dimension=SHOE_SIZE", "dimension"},
    };
    for (String[] c : cases) {
      MvcResult result = call(c[0], analyst);
      assertThat(result.getResponse().getStatus()).as(c[0]).isEqualTo(400);
      JsonNode problem = json.readTree(result.getResponse().getContentAsString());
      assertThat(problem.get("errors").get(0).get("field").asString()).as(c[0]).isEqualTo(c[1]);
    }
    // The page shows the field's error with status 400, never a 500.
    MvcResult page =
        call("/outcomes/evidence/effectiveness?program=" + program + "&years=x", analyst);
    assertThat(page.getResponse().getStatus()).isEqualTo(400);
    assertThat(page.getResponse().getContentAsString()).contains("error-summary", "#years");
    MvcResult equityPage = call("/outcomes/equity?dimension=RACE&reference=NOBODY", analyst);
    assertThat(equityPage.getResponse().getStatus()).isEqualTo(400);
    assertThat(equityPage.getResponse().getContentAsString()).contains("#reference");
  }

  @Test
  void thePagesShowTheirTablesAndTheCsvTheSameFigures() throws Exception {
    BridgewayPrincipal analyst = analyst(agency, OrganizationKind.PROBATION_AGENCY);
    String page =
        call("/outcomes/evidence/effectiveness?program=" + program + "&years=1", analyst)
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("table-balance", "table-outcome", "data-chart", "No cost data yet")
        .contains("<caption");
    String csv =
        call("/outcomes/evidence/effectiveness.csv?program=" + program + "&years=1", analyst)
            .getResponse()
            .getContentAsString();
    assertThat(csv).contains("difference,REARREST,,,,-0.2500");
    String validation =
        call("/outcomes/evidence/validation?instrument=" + instrument, analyst)
            .getResponse()
            .getContentAsString();
    assertThat(validation).contains("table-calibration", "table-errors-RACE", "auc-value");
    MvcResult equity = call("/outcomes/equity?dimension=GENDER", analyst);
    assertThat(equity.getResponse().getStatus()).isEqualTo(200);
    assertThat(equity.getResponse().getContentAsString()).contains("table-equity");
    MvcResult gaps = call("/outcomes/equity/gaps.csv", analyst);
    assertThat(gaps.getResponse().getContentAsString())
        .startsWith("need_domain,area,people_in_need");
  }
}
