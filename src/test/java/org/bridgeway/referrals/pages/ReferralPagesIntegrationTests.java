package org.bridgeway.referrals.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.UserId;
import org.bridgeway.testing.DirectoryFixtures;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.Principals;
import org.bridgeway.testing.ReferralFixtures;
import org.bridgeway.testing.ReferralFixtures.Made;
import org.bridgeway.testing.SupervisionFixtures;
import org.bridgeway.testing.SupervisionFixtures.Supervised;
import org.bridgeway.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.validation.BindingResult;

/**
 * The referral pages on the embedded database, as signed-in staff of both sides: the officer drafts
 * and sends from the "Refer" link, the provider finds it in the inbox and answers, each step shows
 * on the officer's timeline; bad input answers 400 naming the fields and writes nothing, a stale
 * version answers 409 with the fresh state, another organization's referral answers 404 and
 * anonymous callers go to sign-in.
 */
@IntegrationTest
@AutoConfigureMockMvc
class ReferralPagesIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestUsers testUsers;
  @Autowired SupervisionFixtures supervision;
  @Autowired DirectoryFixtures directory;
  @Autowired ReferralFixtures referrals;
  @Autowired JdbcClient jdbc;

  OrganizationId agency;
  OrganizationId provider;
  BridgewayPrincipal officer;
  BridgewayPrincipal caseworker;

  @BeforeEach
  void setUp() {
    agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    provider = testUsers.organization(OrganizationKind.TREATMENT_PROVIDER);
    officer = userOf(agency, OrganizationKind.PROBATION_AGENCY, Role.ORGANIZATION_ADMIN);
    caseworker = userOf(provider, OrganizationKind.TREATMENT_PROVIDER, Role.PROVIDER_STAFF);
  }

  @Test
  void theOfficerSendsFromTheReferLinkAndSeesEachAnswerOfTheProviderOnTheTimeline()
      throws Exception {
    Supervised supervised = supervision.supervised(agency);
    UUID service = directory.stewardedService(provider);

    String form =
        html(
            get(
                "/referrals/new?person="
                    + supervised.person()
                    + "&service="
                    + service
                    + "&need=HOUSING"),
            officer,
            200);
    assertThat(form).contains("Refer to a service", "Send the referral", "Save as a draft");
    assertThat(form).contains("selected=\"selected\">" + "Housing");

    MvcResult sent =
        page(
            post("/referrals/new")
                .param("person", supervised.person().toString())
                .param("service", service.toString())
                .param("needDomain", "HOUSING")
                .param("reason", "Needs stable housing before the court date")
                .param("urgency", "URGENT")
                .param("preferredContact", "PHONE")
                .param("action", "send"),
            officer,
            302);
    String location = sent.getResponse().getRedirectedUrl();
    assertThat(location).startsWith("/referrals/");
    UUID id = UUID.fromString(location.substring("/referrals/".length()));
    assertThat(stateOf(id)).isEqualTo("SENT");
    assertThat(html(get("/referrals?filter=AWAITING_ANSWER"), officer, 200))
        .contains(location, "Awaiting an answer");

    String inbox = html(get("/provider/referrals?tab=NEW"), caseworker, 200);
    assertThat(inbox).contains("/provider/referrals/" + id, "New (1)", "Urgent");

    String atProvider = html(get("/provider/referrals/" + id), caseworker, 200);
    assertThat(atProvider).contains("Needs stable housing before the court date", "Accept");

    page(
        post("/provider/referrals/" + id + "/assign")
            .param("caseworkerId", caseworker.user().value().toString())
            .param("version", Long.toString(versionOf(id))),
        caseworker,
        302);
    page(
        post("/provider/referrals/" + id + "/accept")
            .param("version", Long.toString(versionOf(id))),
        caseworker,
        302);
    page(
        post("/provider/referrals/" + id + "/intake")
            .param("intakeDate", LocalDate.now().plusDays(5).toString())
            .param("intakeTime", "10:30")
            .param("mode", "IN_PERSON")
            .param("place", "Room 4")
            .param("version", Long.toString(versionOf(id))),
        caseworker,
        302);
    assertThat(stateOf(id)).isEqualTo("INTAKE_SCHEDULED");
    assertThat(html(get("/provider/referrals?tab=ASSIGNED_TO_ME"), caseworker, 200))
        .contains("/provider/referrals/" + id);

    String referral = html(get(location), officer, 200);
    assertThat(referral)
        .contains("Intake scheduled", "Caseworker assigned", "Accepted", "Sent", "Room 4");
    assertThat(audits("referrals.referral.read", id)).isGreaterThanOrEqualTo(2);
  }

  @Test
  void aDraftWithBadInputNamesTheFieldsAndWritesNothing() throws Exception {
    Supervised supervised = supervision.supervised(agency);
    MvcResult rejected =
        page(
            post("/referrals/new")
                .param("person", supervised.person().toString())
                .param("needDomain", "NOT_A_NEED")
                .param("reason", " ")
                .param("urgency", "ROUTINE")
                .param("preferredContact", "CARRIER_PIGEON")
                .param("action", "draft"),
            officer,
            400);
    assertThat(errors(rejected, "draftForm").getFieldErrors())
        .extracting(e -> e.getField())
        .containsExactlyInAnyOrder("needDomain", "reason", "preferredContact");
    assertThat(rejected.getResponse().getContentAsString()).contains("Enter the reason");
    assertThat(referralsOf(supervised.person())).isZero();

    page(
        post("/referrals/new")
            .param("person", supervised.person().toString())
            .param("needDomain", "HOUSING")
            .param("reason", "x".repeat(4001))
            .param("urgency", "ROUTINE")
            .param("preferredContact", "PHONE"),
        officer,
        400);
    assertThat(referralsOf(supervised.person())).isZero();
  }

  @Test
  void sendingToAServiceNoProviderKeepsIsRefusedAndLeavesNoDraft() throws Exception {
    Supervised supervised = supervision.supervised(agency);
    UUID unkept = directory.stewardedService(null);
    MvcResult refused =
        page(
            post("/referrals/new")
                .param("person", supervised.person().toString())
                .param("service", unkept.toString())
                .param("needDomain", "HOUSING")
                .param("reason", "Needs housing")
                .param("urgency", "ROUTINE")
                .param("preferredContact", "PHONE")
                .param("action", "send"),
            officer,
            400);
    assertThat(errors(refused, "draftForm").getFieldErrors())
        .extracting(e -> e.getField())
        .containsExactly("service");
    assertThat(referralsOf(supervised.person())).isZero();
  }

  @Test
  void aStaleVersionSaysSomeoneElseChangedItAndShowsTheFreshState() throws Exception {
    Made sent = referrals.sentTo(provider);
    page(
        post("/provider/referrals/" + sent.id() + "/accept")
            .param("version", Long.toString(sent.version())),
        caseworker,
        302);
    MvcResult stale =
        page(
            post("/provider/referrals/" + sent.id() + "/decline")
                .param("declineReason", "NO_CAPACITY")
                .param("declineNote", "Full")
                .param("version", Long.toString(sent.version())),
            caseworker,
            409);
    assertThat(stale.getResponse().getContentAsString())
        .contains("Someone else changed this referral")
        .contains("Accepted")
        .contains("name=\"version\" value=\"" + versionOf(sent.id()) + "\"");
    assertThat(stateOf(sent.id())).isEqualTo("ACCEPTED");
  }

  @Test
  void aDeclineShowsTheReasonAndOffersTheNextBestMatch() throws Exception {
    Made sent = referrals.sentBy(agency);
    // at least one other housing service for matching to offer
    directory.stewardedServiceExcluding(providerOf(sent.id()));
    BridgewayPrincipal staff =
        userOf(providerOf(sent.id()), OrganizationKind.TREATMENT_PROVIDER, Role.PROVIDER_STAFF);
    MvcResult bad =
        page(
            post("/provider/referrals/" + sent.id() + "/decline")
                .param("declineReason", "")
                .param("declineNote", "")
                .param("version", Long.toString(sent.version())),
            staff,
            400);
    assertThat(errors(bad, "declineForm").getFieldErrors())
        .extracting(e -> e.getField())
        .containsExactlyInAnyOrder("declineReason", "declineNote");
    assertThat(stateOf(sent.id())).isEqualTo("SENT");

    page(
        post("/provider/referrals/" + sent.id() + "/decline")
            .param("declineReason", "NO_CAPACITY")
            .param("declineNote", "Full until spring")
            .param("version", Long.toString(sent.version())),
        staff,
        302);
    String referral = html(get("/referrals/" + sent.id()), officer, 200);
    assertThat(referral)
        .contains("The provider declined this referral", "No capacity", "Full until spring")
        .contains(
            "/people/" + sent.supervised().person() + "/recommendations?need=HOUSING",
            "See all recommendations for this need",
            "id=\"next-best\"",
            "/referrals/new?person=" + sent.supervised().person() + "&amp;service=")
        .doesNotContain("service=" + sent.service() + "&amp;need=HOUSING");
  }

  @Test
  void theOfficerAmendsWithAReasonAndWithdrawsWithACode() throws Exception {
    Made sent = referrals.sentBy(agency);
    MvcResult noReason =
        page(
            post("/referrals/" + sent.id() + "/amend")
                .param("reason", "Needs housing close to work")
                .param("urgency", "URGENT")
                .param("preferredContact", "PHONE")
                .param("version", Long.toString(sent.version())),
            officer,
            400);
    assertThat(errors(noReason, "amendForm").getFieldErrors())
        .extracting(e -> e.getField())
        .containsExactly("amendmentReason");
    page(
        post("/referrals/" + sent.id() + "/amend")
            .param("reason", "Needs housing close to work")
            .param("urgency", "URGENT")
            .param("preferredContact", "PHONE")
            .param("amendmentReason", "A new job started")
            .param("version", Long.toString(sent.version())),
        officer,
        302);
    assertThat(html(get("/referrals/" + sent.id()), officer, 200))
        .contains("Changes made", "Because: A new job started", "Changed: ");

    MvcResult noCode =
        page(
            post("/referrals/" + sent.id() + "/withdraw")
                .param("withdrawReason", "BORED")
                .param("withdrawNote", "")
                .param("version", Long.toString(versionOf(sent.id()))),
            officer,
            400);
    assertThat(errors(noCode, "withdrawForm").getFieldErrors())
        .extracting(e -> e.getField())
        .containsExactlyInAnyOrder("withdrawReason", "withdrawNote");
    page(
        post("/referrals/" + sent.id() + "/withdraw")
            .param("withdrawReason", "REFERRED_ELSEWHERE")
            .param("withdrawNote", "Placed with a closer program")
            .param("version", Long.toString(versionOf(sent.id()))),
        officer,
        302);
    assertThat(stateOf(sent.id())).isEqualTo("WITHDRAWN");
  }

  @Test
  void aDraftIsRecordedAsSentOffThePlatformWithAFollowUp() throws Exception {
    Made draft = referrals.draftOf(agency);
    MvcResult missing =
        page(
            post("/referrals/" + draft.id() + "/off-platform")
                .param("providerName", "")
                .param("version", Long.toString(draft.version())),
            officer,
            400);
    assertThat(errors(missing, "offPlatformForm").getFieldErrors())
        .extracting(e -> e.getField())
        .containsExactlyInAnyOrder("providerName", "providerPhone");
    page(
        post("/referrals/" + draft.id() + "/off-platform")
            .param("providerName", "Harbor Street Clinic")
            .param("providerPhone", "555-0100")
            .param("version", Long.toString(draft.version())),
        officer,
        302);
    assertThat(html(get("/referrals/" + draft.id()), officer, 200))
        .contains("Off the platform: Harbor Street Clinic", "Confirm the outcome by phone by");
  }

  @Test
  void theProviderAdministratorSetsTheDeadlineAndBadValuesAreNamed() throws Exception {
    BridgewayPrincipal administrator =
        userOf(provider, OrganizationKind.TREATMENT_PROVIDER, Role.ORGANIZATION_ADMIN);
    assertThat(html(get("/provider/referral-settings"), administrator, 200))
        .contains("Business days to answer a referral");
    MvcResult bad =
        page(
            post("/provider/referral-settings")
                .param("responseBusinessDays", "45")
                .param("reminderHours", "many")
                .param("version", "0"),
            administrator,
            400);
    assertThat(errors(bad, "settingsForm").getFieldErrors())
        .extracting(e -> e.getField())
        .containsExactlyInAnyOrder("reminderHours");
    MvcResult range =
        page(
            post("/provider/referral-settings")
                .param("responseBusinessDays", "45")
                .param("reminderHours", "12")
                .param("version", "0"),
            administrator,
            400);
    assertThat(errors(range, "settingsForm").getFieldErrors())
        .extracting(e -> e.getField())
        .containsExactly("responseBusinessDays");
    page(
        post("/provider/referral-settings")
            .param("responseBusinessDays", "5")
            .param("reminderHours", "12")
            .param("version", "0"),
        administrator,
        302);
    assertThat(referrals.settingsVersion(provider)).isEqualTo(1);
    page(get("/provider/referral-settings"), caseworker, 403);
  }

  @Test
  void anotherOrganizationsReferralIsNotFoundAndAnonymousCallersSignIn() throws Exception {
    Made sent = referrals.sentTo(provider);
    OrganizationId otherAgency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    BridgewayPrincipal stranger =
        userOf(otherAgency, OrganizationKind.PROBATION_AGENCY, Role.ORGANIZATION_ADMIN);
    OrganizationId otherProvider = testUsers.organization(OrganizationKind.TREATMENT_PROVIDER);
    BridgewayPrincipal otherStaff =
        userOf(otherProvider, OrganizationKind.TREATMENT_PROVIDER, Role.PROVIDER_STAFF);

    page(get("/referrals/" + sent.id()), stranger, 404);
    page(get("/provider/referrals/" + sent.id()), otherStaff, 404);
    page(
        post("/provider/referrals/" + sent.id() + "/accept")
            .param("version", Long.toString(sent.version())),
        otherStaff,
        404);
    page(get("/referrals/new?person=" + sent.supervised().person()), stranger, 404);
    assertThat(stateOf(sent.id())).isEqualTo("SENT");

    MvcResult anonymous = mvc.perform(get("/provider/referrals/" + sent.id())).andReturn();
    assertThat(anonymous.getResponse().getStatus()).isEqualTo(302);
    assertThat(anonymous.getResponse().getRedirectedUrl()).endsWith("/login");
  }

  @Test
  void thePersonsReferralsAreListedFromThePersonPage() throws Exception {
    Made sent = referrals.sentBy(agency);
    UUID person = sent.supervised().person();
    assertThat(html(get("/supervision/people/" + person), officer, 200))
        .contains("/referrals?person=" + person + "&amp;filter=ALL");
    assertThat(html(get("/referrals?person=" + person + "&filter=ALL"), officer, 200))
        .contains("/referrals/" + sent.id());
  }

  private String html(MockHttpServletRequestBuilder request, BridgewayPrincipal who, int expected)
      throws Exception {
    return page(request, who, expected).getResponse().getContentAsString();
  }

  private MvcResult page(
      MockHttpServletRequestBuilder request, BridgewayPrincipal who, int expected)
      throws Exception {
    MvcResult result =
        mvc.perform(request.with(csrf()).with(authentication(Principals.authenticationOf(who))))
            .andReturn();
    assertThat(result.getResponse().getStatus())
        .as(result.getRequest().getRequestURI())
        .isEqualTo(expected);
    return result;
  }

  private static BindingResult errors(MvcResult result, String form) {
    return (BindingResult)
        result.getModelAndView().getModel().get(BindingResult.MODEL_KEY_PREFIX + form);
  }

  private BridgewayPrincipal userOf(OrganizationId organization, OrganizationKind kind, Role role) {
    UserId user = testUsers.withoutSecondFactor(organization, role).id();
    return BridgewayPrincipal.user(
        user,
        organization,
        kind,
        "Test organization",
        "Test " + role.name(),
        java.util.Set.of(role));
  }

  private OrganizationId providerOf(UUID referral) {
    return new OrganizationId(
        jdbc.sql("SELECT provider_organization_id FROM referral WHERE id = ?")
            .param(referral)
            .query(UUID.class)
            .single());
  }

  private String stateOf(UUID referral) {
    return jdbc.sql("SELECT state FROM referral WHERE id = ?")
        .param(referral)
        .query(String.class)
        .single();
  }

  private long versionOf(UUID referral) {
    return jdbc.sql("SELECT version FROM referral WHERE id = ?")
        .param(referral)
        .query(Long.class)
        .single();
  }

  private long referralsOf(UUID person) {
    return jdbc.sql("SELECT count(*) FROM referral WHERE person_id = ?")
        .param(person)
        .query(Long.class)
        .single();
  }

  private long audits(String action, UUID referral) {
    return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = ? AND record_id = ?")
        .param(action)
        .param(referral)
        .query(Long.class)
        .single();
  }
}
