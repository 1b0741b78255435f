package org.bridgeway.consent.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bridgeway.consent.ConsentDecision;
import org.bridgeway.consent.ConsentDecisions;
import org.bridgeway.consent.DisclosurePurpose;
import org.bridgeway.consent.DisclosureRequest;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.consent.Sensitivity;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.SupervisedPeople;
import org.bridgeway.testing.ConsentFixtures;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.MutableClock;
import org.bridgeway.testing.Principals;
import org.bridgeway.testing.SupervisionFixtures;
import org.bridgeway.testing.SupervisionFixtures.Supervised;
import org.bridgeway.testing.SupervisionFixtures.Versioned;
import org.bridgeway.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.validation.BindingResult;

/**
 * The consent pages on the embedded database, as signed-in staff: a person's consents with what
 * each allows and who has seen what, recording (electronically and on paper), revoking and amending
 * a directive, the consent form and the accounting as PDFs (their text extracted),
 * medical-emergency access and its review, and the agency's templates; bad input answers 400 with
 * the fields named and changes nothing, another organization's records answer 404, anonymous
 * callers go to sign-in.
 */
@IntegrationTest
@AutoConfigureMockMvc
class ConsentPagesIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestUsers testUsers;
  @Autowired SupervisionFixtures supervision;
  @Autowired ConsentFixtures consent;
  @Autowired ConsentDecisions decisions;
  @Autowired SupervisedPeople people;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  OrganizationId agency;
  OrganizationId otherAgency;
  BridgewayPrincipal admin;
  BridgewayPrincipal otherAdmin;

  @BeforeEach
  void setUp() {
    agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    otherAgency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    admin = userOf(agency, Role.ORGANIZATION_ADMIN);
    otherAdmin = userOf(otherAgency, Role.ORGANIZATION_ADMIN);
  }

  @Test
  void theConsentsPageSaysWhatEachDirectiveAllowsAndWhoHasSeenWhat() throws Exception {
    ConsentFixtures.Recorded recorded = consent.directive(agency);
    UUID person = recorded.supervised().person();
    ConsentDecision decision =
        decisions.disclose(
            SupervisionFixtures.administratorOf(agency),
            new DisclosureRequest(
                new PersonId(person),
                agency,
                InformationCategory.ATTENDANCE,
                DisclosurePurpose.SUPERVISION_MONITORING,
                Sensitivity.HEALTH),
            "1 attendance report");
    assertThat(decision.permitted()).isTrue();

    String html =
        page(get("/consent/people/" + person), admin, 200).getResponse().getContentAsString();
    String agencyName = organizationName(agency);
    assertThat(html)
        .contains("Active consents", "Expired consents", "Revoked consents")
        .contains(
            agencyName
                + " may share attendance with "
                + agencyName
                + " for monitoring my progress under supervision, until the end of my supervision.")
        .contains("Who has seen what")
        .contains(
            "a connected system of " + agencyName + " saw Attendance for Monitoring my progress")
        .contains("/consent/directives/" + recorded.directive());
    assertThat(audits("consent.directive.list", person)).isEqualTo(1);

    page(get("/consent/people/" + person), otherAdmin, 404);
    page(get("/consent/directives/" + recorded.directive()), otherAdmin, 404);
    page(get("/consent/people/" + UUID.randomUUID()), admin, 404);
    MvcResult anonymous = mvc.perform(get("/consent/people/" + person)).andReturn();
    assertThat(anonymous.getResponse().getStatus()).isEqualTo(302);
    assertThat(anonymous.getResponse().getRedirectedUrl()).endsWith("/login");
  }

  @Test
  void aConsentSignedElectronicallyIsRecordedAndItsPageShowsTheSignature() throws Exception {
    Supervised supervised = supervision.supervised(agency);
    UUID person = supervised.person();

    MvcResult result = page(electronic(person, "Dana Example"), admin, 302);
    String location = result.getResponse().getRedirectedUrl();
    assertThat(location).startsWith("/consent/directives/");
    assertThat(directivesOf(person)).isEqualTo(1);

    String html = page(get(location), admin, 200).getResponse().getContentAsString();
    assertThat(html)
        .contains("Signed electronically by Dana Example")
        .contains("who attested the signature")
        .contains("I can revoke this consent at any time")
        .contains("Record the revocation");
  }

  @Test
  void anIncompleteConsentIsRejectedFieldByFieldAndNothingIsRecorded() throws Exception {
    Supervised supervised = supervision.supervised(agency);
    UUID person = supervised.person();

    MvcResult result =
        page(
            multipart("/consent/people/" + person + "/directives")
                .param("kind", "GENERAL")
                .param("signedOn", LocalDate.now(clock).plusDays(3).toString())
                .param("expiresOn", "not a day")
                .param("signatureMethod", "ELECTRONIC")
                .param("language", "en"),
            admin,
            400);
    BindingResult errors = errors(result, "directiveForm");
    assertThat(errors.getFieldErrors()).extracting(e -> e.getField()).containsExactly("expiresOn");
    assertThat(directivesOf(person)).isZero();
    // With a readable date the service names every missing element.
    result =
        page(
            multipart("/consent/people/" + person + "/directives")
                .param("kind", "GENERAL")
                .param("signedOn", LocalDate.now(clock).toString())
                .param("signatureMethod", "ELECTRONIC")
                .param("language", "en"),
            admin,
            400);
    errors = errors(result, "directiveForm");
    assertThat(errors.getFieldErrors())
        .extracting(e -> e.getField())
        .contains(
            "disclosers",
            "categories",
            "recipientOrganizations",
            "purposes",
            "expiresOn",
            "revocationInstructions",
            "typedName",
            "attested");
    assertThat(result.getResponse().getContentAsString())
        .contains("error-summary", "href=\"#disclosers\"", "Choose who may share the information");
    assertThat(directivesOf(person)).isZero();

    // A paper signature with a file that is not what it says.
    result =
        page(
            complete(multipart("/consent/people/" + person + "/directives"))
                .file(
                    new MockMultipartFile(
                        "scanFile", "form.pdf", "application/pdf", "MZ not a pdf".getBytes()))
                .param("signatureMethod", "PAPER"),
            admin,
            400);
    assertThat(errors(result, "directiveForm").getFieldError("scan")).isNotNull();
    result =
        page(
            complete(multipart("/consent/people/" + person + "/directives"))
                .file(
                    new MockMultipartFile("scanFile", "form.txt", "text/plain", "hello".getBytes()))
                .param("signatureMethod", "PAPER"),
            admin,
            400);
    assertThat(errors(result, "directiveForm").getFieldError("scan").getDefaultMessage())
        .isEqualTo("Upload a PDF, PNG or JPEG file");
    assertThat(directivesOf(person)).isZero();
  }

  @Test
  void aPaperConsentKeepsItsScanForDownload() throws Exception {
    Supervised supervised = supervision.supervised(agency);
    byte[] scan = "%PDF-1.7 the signed form".getBytes(StandardCharsets.US_ASCII);
    MvcResult result =
        page(
            complete(multipart("/consent/people/" + supervised.person() + "/directives"))
                .file(new MockMultipartFile("scanFile", "form.pdf", "application/pdf", scan))
                .param("signatureMethod", "PAPER"),
            admin,
            302);
    String location = result.getResponse().getRedirectedUrl();
    assertThat(page(get(location), admin, 200).getResponse().getContentAsString())
        .contains("Signed on paper", location + "/scan");
    MvcResult download = page(get(location + "/scan"), admin, 200);
    assertThat(download.getResponse().getContentType()).isEqualTo("application/pdf");
    assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(scan);
    page(get(location + "/scan"), otherAdmin, 404);
  }

  @Test
  void aRevocationIsRecordedWithWhoWhenAndHowAndCannotBeRepeated() throws Exception {
    ConsentFixtures.Recorded recorded = consent.directive(agency);
    String path = "/consent/directives/" + recorded.directive();

    MvcResult missing =
        page(post(path + "/revocation").param("version", "" + recorded.version()), admin, 400);
    assertThat(errors(missing, "revocationForm").getFieldError("method")).isNotNull();
    assertThat(revokedAt(recorded.directive())).isNull();

    page(
        post(path + "/revocation")
            .param("method", "IN_WRITING")
            .param("version", "" + recorded.version()),
        otherAdmin,
        404);
    assertThat(revokedAt(recorded.directive())).isNull();

    page(
        post(path + "/revocation")
            .param("method", "IN_WRITING")
            .param("version", "" + recorded.version()),
        admin,
        302);
    assertThat(revokedAt(recorded.directive())).isNotNull();
    String html = page(get(path), admin, 200).getResponse().getContentAsString();
    assertThat(html).contains("Revoked on", "In writing").doesNotContain("Record the revocation");
    // The test clock stands still; the revocation is in force from the next moment on.
    ((MutableClock) clock).advance(Duration.ofSeconds(1));
    String consents =
        page(get("/consent/people/" + recorded.supervised().person()), admin, 200)
            .getResponse()
            .getContentAsString();
    assertThat(
            consents.substring(
                consents.indexOf("id=\"section-REVOKED\""),
                consents.indexOf("id=\"section-SUPERSEDED\"")))
        .contains("/consent/directives/" + recorded.directive());
    assertThat(
            consents.substring(
                consents.indexOf("id=\"section-ACTIVE\""),
                consents.indexOf("id=\"section-EXPIRED\"")))
        .doesNotContain("/consent/directives/" + recorded.directive());

    MvcResult again =
        page(
            post(path + "/revocation")
                .param("method", "ORALLY")
                .param("version", "" + (recorded.version() + 1)),
            admin,
            400);
    assertThat(errors(again, "revocationForm").getGlobalErrors())
        .extracting(e -> e.getDefaultMessage())
        .containsExactly("The consent is already revoked.");
    // A stale version is a conflict, not an overwrite.
    page(post(path + "/revocation").param("method", "ORALLY").param("version", "0"), admin, 409);
  }

  @Test
  void anAmendmentStartsFromTheOldTermsAndReplacesTheDirective() throws Exception {
    ConsentFixtures.Recorded recorded = consent.directive(agency);
    String path = "/consent/directives/" + recorded.directive();
    MvcResult form = page(get(path + "/amend"), admin, 200);
    PageForms.DirectiveForm prefilled =
        (PageForms.DirectiveForm) form.getModelAndView().getModel().get("directiveForm");
    assertThat(prefilled.categories()).containsExactly("ATTENDANCE");
    assertThat(prefilled.expiryEvent()).isEqualTo("END_OF_SUPERVISION");
    assertThat(prefilled.version()).isEqualTo("" + recorded.version());

    MvcResult amended =
        page(
            complete(multipart(path + "/amendment"))
                .param("categories", "PROGRESS")
                .param("typedName", "Dana Example")
                .param("attested", "true")
                .param("signatureMethod", "ELECTRONIC")
                .param("version", "" + recorded.version()),
            admin,
            302);
    String newer = amended.getResponse().getRedirectedUrl();
    assertThat(newer).isNotEqualTo(path);
    assertThat(
            jdbc.sql("SELECT superseded_by FROM consent_directive WHERE id = ?")
                .param(recorded.directive())
                .query(UUID.class)
                .single())
        .isEqualTo(UUID.fromString(newer.substring(newer.lastIndexOf('/') + 1)));
    assertThat(page(get(newer), admin, 200).getResponse().getContentAsString())
        .contains("attendance and progress in treatment");
    // The old one cannot be amended twice.
    page(
        complete(multipart(path + "/amendment"))
            .param("typedName", "Dana Example")
            .param("attested", "true")
            .param("signatureMethod", "ELECTRONIC")
            .param("version", "" + (recorded.version() + 1)),
        admin,
        400);
    assertThat(directivesOf(recorded.supervised().person())).isEqualTo(2);
  }

  @Test
  void theConsentFormIsAPdfInPlainEnglishAndSpanishWithTheNoticeAndTheRightToRevoke()
      throws Exception {
    ConsentFixtures.Recorded recorded = consent.directive(agency);
    SupervisedPeople.PersonHeading person =
        people.visibleTo(admin, new PersonId(recorded.supervised().person()));
    String path = "/consent/directives/" + recorded.directive() + "/form.pdf";

    String english = pdfText(page(get(path + "?language=en"), admin, 200));
    assertThat(english)
        .contains("Consent to share information", person.fullName())
        .contains("protected by federal confidentiality rules (42 CFR part 2)")
        .contains("I can revoke this consent at any time")
        .contains("Tell your officer in person or in writing.")
        .contains("Signed on paper on");
    String spanish = pdfText(page(get(path + "?language=es"), admin, 200));
    assertThat(spanish)
        .contains("Consentimiento para compartir información", person.fullName())
        .contains("Puedo revocar este consentimiento")
        .contains("42 CFR parte 2");
    page(get(path), otherAdmin, 404);

    Versioned template = consent.template(agency);
    String blank =
        pdfText(page(get("/consent/templates/" + template.id() + "/form.pdf"), admin, 200));
    assertThat(blank).contains("Signature of the person", "My name and date of birth");
    page(get("/consent/templates/" + template.id() + "/form.pdf"), otherAdmin, 404);
  }

  @Test
  void aCriminalJusticeConsentSaysUntilWhenItCannotBeRevoked() throws Exception {
    Supervised supervised = supervision.supervised(agency);
    LocalDate until = LocalDate.now(clock).plusMonths(6);
    MvcResult result =
        page(
            multipart("/consent/people/" + supervised.person() + "/directives")
                .param("kind", "CRIMINAL_JUSTICE")
                .param("disclosers", agency.toString())
                .param("categories", "ATTENDANCE")
                .param("recipientClass", "MONITORING")
                .param("purposes", "SUPERVISION_MONITORING")
                .param("expiryEvent", "END_OF_SUPERVISION")
                .param("irrevocableUntil", until.toString())
                .param("revocationInstructions", "Tell your officer.")
                .param("signedOn", LocalDate.now(clock).toString())
                .param("language", "en")
                .param("signatureMethod", "ELECTRONIC")
                .param("typedName", "Dana Example")
                .param("attested", "true"),
            admin,
            302);
    String location = result.getResponse().getRedirectedUrl();
    String html = page(get(location), admin, 200).getResponse().getContentAsString();
    assertThat(html).contains("cannot be revoked yet").doesNotContain("Record the revocation");
    String pdf = pdfText(page(get(location + "/form.pdf"), admin, 200));
    assertThat(pdf).contains("I cannot revoke it before", "42 CFR 2.35");
  }

  @Test
  void theAccountingListsDisclosuresAndEmergencyAccessAsAPageAndAPdf() throws Exception {
    ConsentFixtures.Recorded recorded = consent.directive(agency);
    UUID person = recorded.supervised().person();
    OrganizationId provider = testUsers.organization(OrganizationKind.TREATMENT_PROVIDER);
    consent.emergencyGrant(provider, recorded.supervised());

    String html =
        page(get("/consent/people/" + person + "/accounting"), admin, 200)
            .getResponse()
            .getContentAsString();
    assertThat(html)
        .contains("Medical-emergency access", "Overdose in the waiting room", "not reviewed yet")
        .contains(organizationName(provider));
    String pdf = pdfText(page(get("/consent/people/" + person + "/accounting.pdf"), admin, 200));
    assertThat(pdf)
        .contains("Accounting of disclosures", "Medical-emergency access")
        .contains("Overdose in the waiting room");
    String spanish =
        pdfText(page(get("/consent/people/" + person + "/accounting.pdf?language=es"), admin, 200));
    assertThat(spanish).contains("Rendición de cuentas de las divulgaciones");
    page(get("/consent/people/" + person + "/accounting"), otherAdmin, 404);
    page(get("/consent/people/" + person + "/accounting.pdf"), otherAdmin, 404);
  }

  @Test
  void medicalStaffGetEmergencyAccessWithAReasonAndTheirAdministratorReviewsIt() throws Exception {
    Supervised supervised = supervision.supervised(agency);
    OrganizationId provider = testUsers.organization(OrganizationKind.TREATMENT_PROVIDER);
    BridgewayPrincipal medic = userOf(provider, Role.PROVIDER_STAFF);
    BridgewayPrincipal privacyOfficer = userOf(provider, Role.ORGANIZATION_ADMIN);
    String path = "/consent/people/" + supervised.person() + "/emergency";

    page(get(path), medic, 200);
    page(get(path), admin, 403);
    MvcResult rejected = page(post(path).param("reason", " ").param("hours", "400"), medic, 400);
    assertThat(errors(rejected, "emergencyForm").getFieldErrors())
        .extracting(e -> e.getField())
        .containsExactlyInAnyOrder("reason", "hours");
    assertThat(grantsOf(supervised.person())).isZero();

    page(post(path).param("reason", "Unresponsive at intake").param("hours", "2"), medic, 302);
    assertThat(grantsOf(supervised.person())).isEqualTo(1);

    String list =
        page(get("/consent/emergency-access"), privacyOfficer, 200)
            .getResponse()
            .getContentAsString();
    assertThat(list).contains("Unresponsive at intake", "Mark reviewed");
    assertThat(
            page(get("/consent/emergency-access"), otherAdmin, 200)
                .getResponse()
                .getContentAsString())
        .doesNotContain("Unresponsive at intake");
    UUID grant =
        jdbc.sql("SELECT id FROM consent_emergency_grant WHERE person_id = ?")
            .param(supervised.person())
            .query(UUID.class)
            .single();
    page(
        post("/consent/emergency-access/" + grant + "/review").param("version", "0"),
        otherAdmin,
        404);
    page(
        post("/consent/emergency-access/" + grant + "/review")
            .param("version", "0")
            .param("note", "Checked with the physician"),
        privacyOfficer,
        302);
    assertThat(
            jdbc.sql("SELECT reviewed_by FROM consent_emergency_grant WHERE id = ?")
                .param(grant)
                .query(String.class)
                .single())
        .isEqualTo(privacyOfficer.reference());
    assertThat(
            page(get("/consent/emergency-access"), privacyOfficer, 200)
                .getResponse()
                .getContentAsString())
        .doesNotContain("Unresponsive at intake");
  }

  @Test
  void administratorsCreateEditAndRetireTheirAgencysTemplates() throws Exception {
    String name = "Attendance " + UUID.randomUUID();
    MvcResult rejected =
        page(post("/consent/templates").param("name", " ").param("kind", "GENERAL"), admin, 400);
    assertThat(errors(rejected, "directiveForm").getFieldError("name")).isNotNull();
    assertThat(templatesOf(agency)).isZero();

    page(
        post("/consent/templates")
            .param("name", name)
            .param("kind", "GENERAL")
            .param("disclosers", agency.toString())
            .param("categories", "ATTENDANCE")
            .param("purposes", "SUPERVISION_MONITORING")
            .param("revocationInstructions", "Tell your officer."),
        admin,
        302);
    assertThat(templatesOf(agency)).isEqualTo(1);
    assertThat(page(get("/consent/templates"), admin, 200).getResponse().getContentAsString())
        .contains(name, "may share attendance");
    UUID id =
        jdbc.sql("SELECT id FROM consent_template WHERE organization_id = ?")
            .param(agency.value())
            .query(UUID.class)
            .single();
    assertThat(page(get("/consent/templates"), otherAdmin, 200).getResponse().getContentAsString())
        .doesNotContain(name);
    page(get("/consent/templates/" + id), otherAdmin, 404);

    // The template fills in the recording form.
    Supervised supervised = supervision.supervised(agency);
    PageForms.DirectiveForm filled =
        (PageForms.DirectiveForm)
            page(
                    get("/consent/people/" + supervised.person() + "/directives/new")
                        .param("templateId", id.toString()),
                    admin,
                    200)
                .getModelAndView()
                .getModel()
                .get("directiveForm");
    assertThat(filled.categories()).containsExactly("ATTENDANCE");
    assertThat(filled.templateId()).isEqualTo(id.toString());

    page(
        post("/consent/templates/" + id)
            .param("name", name + " renamed")
            .param("kind", "GENERAL")
            .param("categories", "PROGRESS")
            .param("version", "0"),
        admin,
        302);
    assertThat(
            jdbc.sql("SELECT name FROM consent_template WHERE id = ?")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo(name + " renamed");
    page(post("/consent/templates/" + id).param("name", "x").param("version", "0"), admin, 409);
    page(post("/consent/templates/" + id + "/retire"), otherAdmin, 404);
    page(post("/consent/templates/" + id + "/retire"), admin, 302);
    assertThat(templatesOf(agency)).isZero();
  }

  private MockMultipartHttpServletRequestBuilder electronic(UUID person, String typedName) {
    return complete(multipart("/consent/people/" + person + "/directives"))
        .param("signatureMethod", "ELECTRONIC")
        .param("typedName", typedName)
        .param("attested", "true");
  }

  /** Every element of a directive but the signature method. */
  private MockMultipartHttpServletRequestBuilder complete(
      MockMultipartHttpServletRequestBuilder request) {
    request
        .param("kind", "GENERAL")
        .param("disclosers", agency.toString())
        .param("categories", "ATTENDANCE")
        .param("recipientOrganizations", agency.toString())
        .param("purposes", "SUPERVISION_MONITORING")
        .param("expiryEvent", "END_OF_SUPERVISION")
        .param("revocationInstructions", "Tell your officer.")
        .param("signedOn", LocalDate.now(clock).toString())
        .param("language", "en");
    return request;
  }

  private MvcResult page(
      AbstractMockHttpServletRequestBuilder<?> request, BridgewayPrincipal who, int expected)
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

  private static String pdfText(MvcResult result) throws IOException {
    assertThat(result.getResponse().getContentType()).isEqualTo("application/pdf");
    byte[] content = result.getResponse().getContentAsByteArray();
    assertThat(new String(content, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    try (PDDocument document = Loader.loadPDF(content)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }

  private BridgewayPrincipal userOf(OrganizationId organization, Role role) {
    OrganizationKind kind =
        jdbc.sql("SELECT kind FROM identity_organization WHERE id = ?")
            .param(organization.value())
            .query(String.class)
            .optional()
            .map(OrganizationKind::valueOf)
            .orElse(OrganizationKind.PROBATION_AGENCY);
    return BridgewayPrincipal.user(
        testUsers.withoutSecondFactor(organization, role).id(),
        organization,
        kind,
        "Test organization",
        "Test " + role,
        Set.of(role));
  }

  private String organizationName(OrganizationId id) {
    return jdbc.sql("SELECT name FROM identity_organization WHERE id = ?")
        .param(id.value())
        .query(String.class)
        .single();
  }

  private long directivesOf(UUID person) {
    return jdbc.sql("SELECT count(*) FROM consent_directive WHERE person_id = ?")
        .param(person)
        .query(Long.class)
        .single();
  }

  private long grantsOf(UUID person) {
    return jdbc.sql("SELECT count(*) FROM consent_emergency_grant WHERE person_id = ?")
        .param(person)
        .query(Long.class)
        .single();
  }

  private long templatesOf(OrganizationId organization) {
    return jdbc.sql("SELECT count(*) FROM consent_template WHERE organization_id = ?")
        .param(organization.value())
        .query(Long.class)
        .single();
  }

  private Object revokedAt(UUID directive) {
    return jdbc.sql("SELECT revoked_at FROM consent_directive WHERE id = ?")
        .param(directive)
        .query((rs, n) -> rs.getTimestamp(1))
        .optional()
        .orElse(null);
  }

  private long audits(String action, UUID person) {
    return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = ? AND person_id = ?")
        .param(action)
        .param(person)
        .query(Long.class)
        .single();
  }
}
