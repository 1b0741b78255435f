package org.bridgeway.directory.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.bridgeway.directory.hsds.HsdsRecords;
import org.bridgeway.directory.profile.Capacities;
import org.bridgeway.directory.profile.ServiceProfiles;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.Principals;
import org.bridgeway.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/** The search pages and API over HTTP: results, and a clear 400 naming the field for bad input. */
@IntegrationTest
@AutoConfigureMockMvc
class DirectorySearchWebTests {

  @Autowired MockMvc mvc;
  @Autowired TestUsers testUsers;
  @Autowired HsdsRecords records;
  @Autowired ServiceProfiles profiles;
  @Autowired Capacities capacities;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;
  @Autowired Clock clock;

  SearchFixtures fixtures;
  OrganizationId agency;

  @BeforeEach
  void setUp() {
    fixtures = new SearchFixtures(records, profiles, capacities, events, transactions, clock);
    agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
  }

  /** A request with the parameters of a query string (form-encoded), sent as parameters. */
  static MockHttpServletRequestBuilder request(String path, String query) {
    MockHttpServletRequestBuilder request = get(path);
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      String[] parts = pair.split("=", 2);
      request.param(
          URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
          parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
    }
    return request;
  }

  MockHttpServletRequestBuilder api(String query) {
    return request("/api/v1/directory/search", query)
        .with(
            authentication(
                Principals.authenticationOf(
                    Principals.apiClient(
                        agency, OrganizationKind.PROBATION_AGENCY, Role.OFFICER))));
  }

  MockHttpServletRequestBuilder staff(String query) {
    return request("/directory/search", query)
        .with(
            authentication(
                Principals.authenticationOf(
                    Principals.user(agency, OrganizationKind.PROBATION_AGENCY, Role.OFFICER))));
  }

  @Test
  void theApiAnswersRankedHitsWithReasonsAndFacets() throws Exception {
    fixtures
        .service("Wayfinder Housing Help")
        .description("Rental assistance")
        .domains(NeedDomain.HOUSING)
        .location("Office", 45.5152, -122.6784, "97204")
        .capacity(2, 0, clock.instant())
        .create();

    mvc.perform(api("q=wayfindr+housing&taxonomyTerm=" + fixtures.term + "&zip=97204&age=40"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.totalItems").value(1))
        .andExpect(jsonPath("$.items[0].serviceName").value("Wayfinder Housing Help"))
        .andExpect(jsonPath("$.items[0].capacity.openSlots").value(2))
        .andExpect(jsonPath("$.items[0].capacity.stale").value(false))
        .andExpect(jsonPath("$.items[0].distanceMiles").isNumber())
        .andExpect(jsonPath("$.items[0].reasons[*].code", hasItem("text.name")))
        .andExpect(
            jsonPath("$.items[0].reasons[*].message", hasItem("“wayfinder, housing” in the name")))
        .andExpect(jsonPath("$.corrections[0].typed").value("wayfindr"))
        .andExpect(jsonPath("$.corrections[0].used").value("wayfinder"))
        .andExpect(jsonPath("$.origin.source").value("ZIP"))
        .andExpect(jsonPath("$.facets.needDomains[0].value").value("HOUSING"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "lat=91&lon=0 | lat",
        "lat=45 | lon",
        "lat=45&lon=-200 | lon",
        "lat=NaN&lon=0 | lat",
        "lat=1e400&lon=0 | lat",
        "zip=00000 | zip",
        "zip=9720 | zip",
        "zip=97201&address=x | zip",
        "address=Main+Street+Portland | address",
        "radiusMiles=-5&zip=97201 | radiusMiles",
        "radiusMiles=100000&zip=97201 | radiusMiles",
        "needDomain=HOUSING&needDomain=SPACESHIPS | needDomain",
        "cost=FREEISH | cost",
        "language=xx | language",
        "taxonomyTerm=not-a-uuid | taxonomyTerm",
        "age=-1 | age",
        "age=abc | age",
        "age=99999999999999999999 | age",
        "gender=OTHERWISE | gender",
        "supervisionType=HOUSE_ARREST | supervisionType",
        "personLanguage=klingon | personLanguage",
        "residenceZip=ABCDE | residenceZip",
        "openDay=FUNDAY&openTime=10:00 | openDay",
        "openDay=MONDAY&openTime=25:99 | openTime",
        "openDay=MONDAY | openTime",
        "openNow=maybe | openNow",
        "openNow=true&openDay=MONDAY&openTime=10:00 | openNow",
        "page=-1 | page",
        "page=9999&size=200 | page",
        "size=0 | size",
        "size=100000 | size",
        "q=%00DROP | q",
        "q=a%E2%80%AEb | q",
        "q=one+two+three+four+five+six+seven+eight+nine+ten+eleven+twelve+thirteen | q",
      })
  void badInputIsA400NamingTheField(String query, String field) throws Exception {
    mvc.perform(api(query))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value(field));
  }

  @Test
  void aVeryLongTextIsA400() throws Exception {
    mvc.perform(api("q=" + "a".repeat(5000)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("q"))
        .andExpect(jsonPath("$.errors[0].code").value("TooLong"));
  }

  @Test
  void tooManyValuesOfAFilterIsA400() throws Exception {
    String many = "needDomain=HOUSING&".repeat(21);
    mvc.perform(api(many))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("needDomain"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "'); DROP TABLE directory_search_entry; --",
        "counsel:* & !housing | (a <-> b)",
        ".*[a-z]+(?=x)\\1 $1 ${x} #{y}",
        "'' \"\" `` %% __ {0} %s",
        "café & résumé!!",
        "ß ǅ ﬁ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀 👩‍👩‍👧",
      })
  void metacharactersAreOnlySeparatorsAndNeverAnError(String text) throws Exception {
    mvc.perform(api("").param("q", text))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items").isArray());
    mvc.perform(get("/directory").param("q", text)).andExpect(status().isOk());
  }

  @Test
  void thePublicPageShowsResultsWithoutSigningInAndAsksNoPersonalFacts() throws Exception {
    fixtures.service("Lanternfish Food Pantry").domains(NeedDomain.FOOD).create();

    mvc.perform(get("/directory").param("q", "lanternfish"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Lanternfish Food Pantry")))
        .andExpect(content().string(containsString("1 service found")))
        .andExpect(content().string(containsString("Helps with")))
        .andExpect(content().string(not(containsString("name=\"age\""))));
  }

  @Test
  void thePublicPageAnswersBadInputWithA400AndAnErrorSummary() throws Exception {
    mvc.perform(get("/directory").param("zip", "123"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("id=\"error-summary\"")))
        .andExpect(content().string(containsString("href=\"#zip\"")))
        .andExpect(content().string(containsString("Enter a five-digit ZIP code")));
  }

  @Test
  void theStaffPageTakesThePersonsFacts() throws Exception {
    fixtures.service("Kestrel Youth Program").ages(12, 17).create();
    fixtures.service("Kestrel Adult Program").ages(18, null).create();

    mvc.perform(staff("q=kestrel&age=15&taxonomyTerm=" + fixtures.term))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Kestrel Youth Program")))
        .andExpect(content().string(not(containsString("Kestrel Adult Program"))))
        .andExpect(content().string(containsString("Accepts people aged 15")));
    mvc.perform(staff("age=200")).andExpect(status().isBadRequest());
  }

  @Test
  void theServicePageShowsDetailsAndHidesWhatIsNotAnActiveService() throws Exception {
    SearchFixtures.Service service =
        fixtures
            .service("Osprey Counseling")
            .description("Counseling for adults")
            .location("Osprey Office", 45.5, -122.6, "97201")
            .schedule("MO,WE", "09:00", "17:00")
            .language("es")
            .ages(18, 64)
            .capacity(1, 4, clock.instant().minus(java.time.Duration.ofDays(10)))
            .create();
    SearchFixtures.Service closed = fixtures.service("Closed Osprey").status("inactive").create();

    mvc.perform(get("/directory/services/" + service.id))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Osprey Counseling")))
        .andExpect(content().string(containsString("Osprey Office")))
        .andExpect(content().string(containsString("Monday, Wednesday")))
        .andExpect(content().string(containsString("Spanish")))
        .andExpect(content().string(containsString("Ages 18 to 64")))
        .andExpect(content().string(containsString("more than 7 days old")));
    mvc.perform(get("/directory/services/" + closed.id)).andExpect(status().isNotFound());
    mvc.perform(get("/directory/services/" + service.organizationId))
        .andExpect(status().isNotFound());
    mvc.perform(get("/directory/services/" + UUID.randomUUID())).andExpect(status().isNotFound());
    mvc.perform(get("/directory/services/not-a-uuid")).andExpect(status().isNotFound());
  }

  @Test
  void facetLinksKeepTheSearchAndEncodeWhatWasTyped() throws Exception {
    fixtures.service("Heron {Help} Desk").domains(NeedDomain.LEGAL_AID).create();

    String page =
        mvc.perform(get("/directory").param("q", "heron {help}!"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("q=heron+%7Bhelp%7D%21&amp;needDomain=LEGAL_AID");
  }
}
