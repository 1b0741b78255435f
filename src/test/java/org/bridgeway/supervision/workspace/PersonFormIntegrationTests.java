package org.bridgeway.supervision.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.Set;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.UserId;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.person.Address;
import org.bridgeway.supervision.person.EmergencyContact;
import org.bridgeway.supervision.person.Ethnicity;
import org.bridgeway.supervision.person.PersonDetails;
import org.bridgeway.supervision.person.PersonName;
import org.bridgeway.supervision.person.PersonRecords;
import org.bridgeway.supervision.person.Race;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.Principals;
import org.bridgeway.testing.SupervisionFixtures;
import org.bridgeway.testing.SupervisionFixtures.Supervised;
import org.bridgeway.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.validation.BindingResult;

/**
 * The person form's repeatable rows and further fields on the embedded database: aliases and past
 * addresses added, kept and removed, race, ethnicity and the emergency contact, each bad value
 * named on its own field, every error in one round, and the person page's summary.
 */
@IntegrationTest
@AutoConfigureMockMvc
class PersonFormIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestUsers testUsers;
  @Autowired SupervisionFixtures fixtures;
  @Autowired PersonRecords people;

  OrganizationId agency;
  BridgewayPrincipal officer;
  Supervised supervised;

  @BeforeEach
  void setUp() {
    agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    UserId officerId = fixtures.officer(agency);
    officer =
        BridgewayPrincipal.user(
            officerId,
            agency,
            OrganizationKind.PROBATION_AGENCY,
            "Test agency",
            "Test officer",
            Set.of(Role.OFFICER));
    supervised = fixtures.supervised(agency, officerId);
  }

  @Test
  void theFormSavesAliasesPastAddressesDemographicsAndTheEmergencyContact() throws Exception {
    String editForm =
        page(get("/supervision/people/" + supervised.person() + "/edit"), 200)
            .getResponse()
            .getContentAsString();
    assertThat(editForm)
        .contains("name=\"aliases[0].familyName\"")
        .contains("name=\"aliases[1].familyName\"")
        .contains("name=\"pastAddresses[0].validTo\"")
        .contains("value=\"ASIAN\"")
        .contains("name=\"emergencyPhone\"");

    page(
        edit(supervised.personVersion())
            .param("aliases[0].givenName", "Lupe")
            .param("aliases[0].familyName", "Cruz")
            .param("aliases[1].familyName", "")
            .param("pastAddresses[0].line1", "12 Old Rd")
            .param("pastAddresses[0].city", "Riverside")
            .param("pastAddresses[0].state", "ca")
            .param("pastAddresses[0].postalCode", "92501")
            .param("pastAddresses[0].validFrom", "2019-01-01")
            .param("pastAddresses[0].validTo", "2021-06-30")
            .param("races", "ASIAN", "WHITE")
            .param("ethnicity", "HISPANIC_OR_LATINO")
            .param("emergencyName", "Rosa Cruz")
            .param("emergencyRelationship", "Mother")
            .param("emergencyPhone", "951-555-0101"),
        302);
    PersonDetails saved = details();
    assertThat(saved.aliases()).containsExactly(new PersonName("Lupe", null, "Cruz"));
    assertThat(saved.addresses())
        .containsExactly(
            new Address(
                "12 Old Rd",
                null,
                "Riverside",
                "CA",
                "92501",
                LocalDate.of(2019, 1, 1),
                LocalDate.of(2021, 6, 30)));
    assertThat(saved.races()).containsExactlyInAnyOrder(Race.ASIAN, Race.WHITE);
    assertThat(saved.ethnicity()).isEqualTo(Ethnicity.HISPANIC_OR_LATINO);
    assertThat(saved.emergencyContact())
        .isEqualTo(new EmergencyContact("Rosa Cruz", "Mother", "951-555-0101"));

    String summary =
        page(get("/supervision/people/" + supervised.person()), 200)
            .getResponse()
            .getContentAsString();
    assertThat(summary)
        .contains("Lupe Cruz")
        .contains("12 Old Rd, Riverside, CA 92501, 2019-01-01 to 2021-06-30")
        .contains("Asian")
        .contains("Hispanic or Latino")
        .contains("Rosa Cruz (Mother) · 951-555-0101");

    // Unticking every race, marking the alias for removal and clearing the contact keeps nothing.
    long version = people.visible(officer, new PersonId(supervised.person())).version();
    page(
        edit(version)
            .param("aliases[0].givenName", "Lupe")
            .param("aliases[0].familyName", "Cruz")
            .param("aliases[0].remove", "true")
            .param("pastAddresses[0].line1", "12 Old Rd")
            .param("pastAddresses[0].city", "Riverside")
            .param("pastAddresses[0].state", "CA")
            .param("pastAddresses[0].postalCode", "92501")
            .param("pastAddresses[0].validFrom", "2019-01-01")
            .param("pastAddresses[0].validTo", "2021-06-30"),
        302);
    PersonDetails cleared = details();
    assertThat(cleared.aliases()).isEmpty();
    assertThat(cleared.races()).isEmpty();
    assertThat(cleared.ethnicity()).isNull();
    assertThat(cleared.emergencyContact()).isNull();
    assertThat(cleared.addresses()).hasSize(1);
  }

  @Test
  void everyBadRowAndRuleIsNamedOnItsFieldInOneRound() throws Exception {
    MvcResult result =
        page(
            edit(supervised.personVersion(), "TEXT")
                .param("aliases[0].givenName", "Lupe")
                .param("aliases[1].familyName", "Cruz")
                .param("pastAddresses[0].line1", "12 Old Rd")
                .param("pastAddresses[0].city", "Riverside")
                .param("pastAddresses[0].state", "California")
                .param("pastAddresses[0].postalCode", "92501")
                .param("pastAddresses[0].validFrom", "2021-01-01")
                .param("pastAddresses[0].validTo", "2020-01-01")
                .param("races", "MARTIAN")
                .param("emergencyName", "Rosa Cruz")
                .param("emergencyPhone", "call me"),
            400);
    BindingResult errors =
        (BindingResult)
            result.getModelAndView().getModel().get(BindingResult.MODEL_KEY_PREFIX + "personForm");
    assertThat(errors.getFieldErrors())
        .extracting(e -> e.getField())
        .containsExactlyInAnyOrder(
            "aliases[0].familyName",
            "pastAddresses[0].state",
            "races",
            "emergencyPhone",
            // The rule across fields (text needs a phone) comes in the same round.
            "phone");
    String html = result.getResponse().getContentAsString();
    assertThat(html)
        .contains("Alias 1: family name is required")
        .contains("href=\"#aliases0.familyName\"")
        .contains("Past address 1: state is not in the right form")
        .contains("Enter the emergency contact&#39;s phone number");
    assertThat(details().aliases()).isEmpty();

    // With the state corrected, the past address that ends before it starts is named.
    MvcResult ended =
        page(
            edit(supervised.personVersion())
                .param("aliases[0].familyName", "")
                .param("pastAddresses[0].line1", "12 Old Rd")
                .param("pastAddresses[0].city", "Riverside")
                .param("pastAddresses[0].state", "CA")
                .param("pastAddresses[0].postalCode", "92501")
                .param("pastAddresses[0].validFrom", "2021-01-01")
                .param("pastAddresses[0].validTo", "2020-01-01"),
            400);
    assertThat(
            ((BindingResult)
                    ended
                        .getModelAndView()
                        .getModel()
                        .get(BindingResult.MODEL_KEY_PREFIX + "personForm"))
                .getFieldErrors())
        .extracting(e -> e.getField())
        .containsExactly("pastAddresses[0].validTo");
    assertThat(details().addresses()).isEmpty();
  }

  private PersonDetails details() {
    return people.visible(officer, new PersonId(supervised.person())).details();
  }

  private MockHttpServletRequestBuilder edit(long version) {
    return edit(version, "NONE");
  }

  private MockHttpServletRequestBuilder edit(long version, String contactMethod) {
    PersonDetails before = details();
    return post("/supervision/people/" + supervised.person() + "/edit")
        .param("givenName", before.name().given())
        .param("familyName", before.name().family())
        .param("dateOfBirth", before.dateOfBirth().toString())
        .param("agencyId", before.identifiers().getFirst().value())
        .param("contactMethod", contactMethod)
        .param("version", Long.toString(version));
  }

  private MvcResult page(MockHttpServletRequestBuilder request, int expected) throws Exception {
    MvcResult result =
        mvc.perform(request.with(csrf()).with(authentication(Principals.authenticationOf(officer))))
            .andReturn();
    assertThat(result.getResponse().getStatus())
        .as(result.getRequest().getRequestURI())
        .isEqualTo(expected);
    return result;
  }
}
