package org.bridgeway.outcomes.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.Set;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.OutcomeFixtures;
import org.bridgeway.testing.Principals;
import org.bridgeway.testing.SupervisionFixtures;
import org.bridgeway.testing.SupervisionFixtures.Supervised;
import org.bridgeway.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The people behind a figure: the officer of the person's case sees them and the read is audited;
 * another officer of the same agency sees no one and nothing is audited.
 */
@IntegrationTest
@AutoConfigureMockMvc
class OutcomeDrillDownTests {

  @Autowired MockMvc mvc;
  @Autowired TestUsers users;
  @Autowired SupervisionFixtures supervision;
  @Autowired JdbcClient jdbc;
  @Autowired SpellFacts facts;

  @Test
  void onlyTheCaseloadsPeopleAreListedAndEachListingIsAudited() throws Exception {
    OrganizationId agency = users.organization(OrganizationKind.PROBATION_AGENCY);
    Supervised supervised = supervision.supervised(agency);
    OutcomeFixtures f = new OutcomeFixtures(jdbc);
    f.platformPerson(supervised.person(), agency.value());
    f.spell(
        supervised.person(),
        "SUPERVISION_START",
        LocalDate.of(2021, 3, 1),
        null,
        null,
        "LOW",
        null);
    facts.refreshAgency(agency.value());

    BridgewayPrincipal officer =
        BridgewayPrincipal.user(
            supervised.officer(),
            agency,
            OrganizationKind.PROBATION_AGENCY,
            "Agency",
            "Officer",
            Set.of(Role.OFFICER));
    String page =
        mvc.perform(
                get("/outcomes/measures/people?from=2020-01-01")
                    .with(authentication(Principals.authenticationOf(officer))))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("/supervision/people/" + supervised.person());
    assertThat(audited(supervised)).isEqualTo(1);

    BridgewayPrincipal otherOfficer =
        Principals.user(agency, OrganizationKind.PROBATION_AGENCY, Role.OFFICER);
    String hidden =
        mvc.perform(
                get("/outcomes/measures/people?from=2020-01-01")
                    .with(authentication(Principals.authenticationOf(otherOfficer))))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(hidden).doesNotContain("/supervision/people/" + supervised.person());
    assertThat(hidden).contains("1 other people of this group are not yours to see.");
    assertThat(audited(supervised)).isEqualTo(1);
  }

  private long audited(Supervised supervised) {
    return jdbc.sql(
            "SELECT count(*) FROM audit_entry WHERE person_id = :p AND action = 'outcomes.measure.drill-down'")
        .param("p", supervised.person())
        .query(Long.class)
        .single();
  }
}
