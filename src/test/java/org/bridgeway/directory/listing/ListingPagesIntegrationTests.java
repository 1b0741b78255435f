package org.bridgeway.directory.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;
import org.bridgeway.directory.hsds.DirectoryRecordsChanged;
import org.bridgeway.directory.hsds.HsdsRecords;
import org.bridgeway.directory.profile.Capacities;
import org.bridgeway.directory.profile.Capacity;
import org.bridgeway.directory.profile.ServiceProfiles;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.testing.DirectoryFixtures;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.MutableClock;
import org.bridgeway.testing.Principals;
import org.bridgeway.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Provider staff keep their listings and capacity current on "My listings" and the service page.
 */
@IntegrationTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class ListingPagesIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestUsers testUsers;
  @Autowired DirectoryFixtures fixtures;
  @Autowired Capacities capacities;
  @Autowired ServiceProfiles profiles;
  @Autowired HsdsRecords records;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired ApplicationEvents events;

  OrganizationId provider;
  OrganizationId otherProvider;
  UUID service;
  UUID otherService;
  BridgewayPrincipal staff;

  @BeforeEach
  void setUp() {
    provider = testUsers.organization(OrganizationKind.TREATMENT_PROVIDER);
    otherProvider = testUsers.organization(OrganizationKind.TREATMENT_PROVIDER);
    service = fixtures.stewardedService(provider);
    otherService = fixtures.stewardedService(otherProvider);
    staff = Principals.user(provider, OrganizationKind.TREATMENT_PROVIDER, Role.PROVIDER_STAFF);
  }

  @Test
  void providerStaffSeeOnlyTheListingsTheirOrganizationKeeps() throws Exception {
    String page = page(get("/directory/listings"), staff, 200);
    assertThat(page)
        .contains("Fixture Counselling " + service)
        .doesNotContain(otherService.toString());

    perform(get("/directory/listings/" + service), staff, 200);
    perform(get("/directory/listings/" + otherService), staff, 404);
    perform(get("/directory/listings/" + UUID.randomUUID()), staff, 404);
    perform(
        post("/directory/listings/" + otherService + "/capacity")
            .param("openSlots", "5")
            .param("waitlistLength", "0")
            .param("version", "0"),
        staff,
        404);
    assertThat(capacities.find(otherService)).isEmpty();
  }

  @Test
  void coordinatorsCurateEveryListingAndOfficersNone() throws Exception {
    OrganizationId community = testUsers.organization(OrganizationKind.COMMUNITY_ORGANIZATION);
    BridgewayPrincipal coordinator =
        Principals.user(
            community, OrganizationKind.COMMUNITY_ORGANIZATION, Role.COMMUNITY_COORDINATOR);
    assertThat(page(get("/directory/listings").param("q", service.toString()), coordinator, 200))
        .contains("Fixture Counselling " + service);
    perform(get("/directory/listings/" + otherService), coordinator, 200);

    BridgewayPrincipal officer =
        Principals.user(provider, OrganizationKind.PROBATION_AGENCY, Role.OFFICER);
    perform(get("/directory/listings"), officer, 403);
    perform(get("/directory/listings/" + service), officer, 403);
  }

  @Test
  void capacityIsUpdatedInTwoClicksFromTheListingsPageAndKeptInHistory() throws Exception {
    mvc.perform(
            post("/directory/listings/" + service + "/capacity")
                .param("openSlots", "4")
                .param("waitlistLength", "2")
                .param("version", "0")
                .param("from", "list")
                .with(csrf())
                .with(authentication(Principals.authenticationOf(staff))))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/directory/listings#service-" + service));
    Capacity first = capacities.find(service).orElseThrow();
    assertThat(first.openSlots()).isEqualTo(4);
    assertThat(first.waitlistLength()).isEqualTo(2);
    assertThat(first.updatedBy()).isEqualTo(staff.reference());

    String listings = page(get("/directory/listings"), staff, 200);
    assertThat(listings)
        .as("the form is pre-filled with the current figures")
        .contains("id=\"openSlots-" + service + "\"")
        .contains("value=\"4\"")
        .contains("name=\"version\" value=\"" + first.version() + "\"");

    clock.advance(Duration.ofHours(1));
    perform(
        post("/directory/listings/" + service + "/capacity")
            .param("openSlots", "4")
            .param("waitlistLength", "2")
            .param("adjust", "1")
            .param("version", Integer.toString(first.version())),
        staff,
        302);
    Capacity second = capacities.find(service).orElseThrow();
    assertThat(second.openSlots()).as("+1 open slot").isEqualTo(5);
    assertThat(capacities.history(service, 10))
        .extracting(Capacity::openSlots)
        .containsExactly(5, 4);
    assertThat(auditCount("directory.capacity.report", service)).isEqualTo(2);
    assertThat(events.stream(DirectoryRecordsChanged.class))
        .anySatisfy(event -> assertThat(event.recordIds()).contains(service));

    String servicePage = page(get("/directory/listings/" + service), staff, 200);
    assertThat(servicePage).contains("Capacity history").contains("<rect");
  }

  @Test
  void staleCapacityIsFlaggedAndConfirmingItClearsTheFlag() throws Exception {
    perform(
        post("/directory/listings/" + service + "/capacity")
            .param("openSlots", "3")
            .param("waitlistLength", "0")
            .param("version", "0"),
        staff,
        302);
    clock.advance(Duration.ofDays(8));
    Capacity old = capacities.find(service).orElseThrow();
    assertThat(page(get("/directory/listings").param("stale", "true"), staff, 200))
        .contains("Fixture Counselling " + service)
        .contains("Needs updating");

    perform(
        post("/directory/listings/" + service + "/capacity/confirm")
            .param("version", Integer.toString(old.version())),
        staff,
        302);
    Capacity confirmed = capacities.find(service).orElseThrow();
    assertThat(confirmed.openSlots()).isEqualTo(3);
    assertThat(confirmed.isStale(clock.instant())).isFalse();
    assertThat(capacities.history(service, 10)).hasSize(2);
    assertThat(page(get("/directory/listings").param("stale", "true"), staff, 200))
        .doesNotContain("Fixture Counselling " + service);
    assertThat(auditCount("directory.capacity.confirm", service)).isEqualTo(1);
  }

  @Test
  void capacityOutOfRangeIsAFieldErrorAndNothingIsWritten() throws Exception {
    assertThat(
            page(
                post("/directory/listings/" + service + "/capacity")
                    .param("openSlots", "-1")
                    .param("waitlistLength", "0")
                    .param("version", "0"),
                staff,
                400))
        .contains("error-summary")
        .contains("Enter open slots between 0 and 100,000")
        .contains("aria-invalid=\"true\"");
    assertThat(
            page(
                post("/directory/listings/" + service + "/capacity")
                    .param("openSlots", "many")
                    .param("waitlistLength", "0")
                    .param("version", "0"),
                staff,
                400))
        .contains("Enter the number of open slots as a whole number");
    assertThat(
            page(
                post("/directory/listings/" + service + "/capacity")
                    .param("openSlots", "2")
                    .param("version", "0")
                    .param("from", "service"),
                staff,
                400))
        .contains("Enter the number of people on the waitlist");
    assertThat(capacities.find(service)).isEmpty();
  }

  @Test
  void savingAListingWritesHsdsFieldsWithHistoryTheProfileAndAnAuditEntry() throws Exception {
    perform(
        listingForm(service, "0")
            .param("description", "Group and individual counselling, evenings too.")
            .param("phone", "(951) 555-0134")
            .param("needDomains", "SUBSTANCE_USE", "MENTAL_HEALTH")
            .param("minimumAge", "18")
            .param("languages", "en, ES")
            .param("residencyPostcodes", "92501 92503"),
        staff,
        302);

    var profile = profiles.find(service).orElseThrow();
    assertThat(profile.version()).isEqualTo(1);
    assertThat(profile.needDomains())
        .containsExactlyInAnyOrder(NeedDomain.SUBSTANCE_USE, NeedDomain.MENTAL_HEALTH);
    assertThat(profile.languages()).containsExactlyInAnyOrder("en", "es");
    assertThat(profile.residencyPostcodes()).containsExactlyInAnyOrder("92501", "92503");
    var record = records.find(service).orElseThrow();
    assertThat(record.text("description"))
        .contains("Group and individual counselling, evenings too.");
    assertThat(record.document().get("minimum_age").asInt()).isEqualTo(18);
    assertThat(auditCount("directory.listing.update", service)).isEqualTo(1);
    assertThat(events.stream(DirectoryRecordsChanged.class))
        .anySatisfy(event -> assertThat(event.recordIds()).contains(service));

    String page = page(get("/directory/listings/" + service), staff, 200);
    assertThat(page)
        .as("field-level history from HSDS metadata")
        .contains("service.description")
        .contains("Counselling made for a test")
        .contains("(951) 555-0134")
        .contains("name=\"version\" value=\"1\"");
  }

  @Test
  void badListingInputIsShownBesideItsFieldAndNothingIsWritten() throws Exception {
    assertThat(page(listingForm(service, "0").param("minimumAge", "200"), staff, 400))
        .contains("Enter a minimum age between 0 and 120");
    assertThat(
            page(
                listingForm(service, "0").param("minimumAge", "30").param("maximumAge", "20"),
                staff,
                400))
        .contains("The maximum age must not be below the minimum age");
    assertThat(page(listingForm(service, "0").param("needDomains", "NOT_A_DOMAIN"), staff, 400))
        .contains("Choose needs from the list");
    assertThat(page(listingForm(service, "0").param("name", "x".repeat(300)), staff, 400))
        .contains("The name must be at most 200 characters");
    assertThat(page(listingForm(service, "0").param("email", "not an email"), staff, 400))
        .contains("Enter an email address such as");
    assertThat(page(listingForm(service, "0").param("residencyPostcodes", "925"), staff, 400))
        .contains("Enter five-digit ZIP codes");
    assertThat(page(listingForm(service, "0").param("unitCost", "-5"), staff, 400))
        .contains("Enter a cost of zero or more");
    assertThat(page(listingForm(service, "0").param("status", "open"), staff, 400))
        .contains("Choose a status from the list");
    assertThat(page(listingForm(service, "0").param("unitCost", "12.5"), staff, 400))
        .contains("Say what the cost is per");

    assertThat(profiles.find(service)).isEmpty();
    assertThat(records.find(service).orElseThrow().text("name"))
        .contains("Fixture Counselling " + service);
    assertThat(auditCount("directory.listing.update", service)).isZero();
  }

  @Test
  void aStaleEditIsRefusedWithAConflictPage() throws Exception {
    perform(listingForm(service, "0").param("description", "First edit"), staff, 302);
    String conflict =
        page(listingForm(service, "0").param("description", "Second edit, stale"), staff, 409);
    assertThat(conflict).contains("Someone else changed this");
    assertThat(records.find(service).orElseThrow().text("description")).contains("First edit");
  }

  private MockHttpServletRequestBuilder listingForm(UUID id, String version) {
    return post("/directory/listings/" + id)
        .param("name", "Fixture Counselling " + id)
        .param("status", "active")
        .param("version", version);
  }

  private long auditCount(String action, UUID record) {
    return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = ? AND record_id = ?")
        .params(action, record)
        .query(Long.class)
        .single();
  }

  private void perform(MockHttpServletRequestBuilder request, BridgewayPrincipal who, int expected)
      throws Exception {
    page(request, who, expected);
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
