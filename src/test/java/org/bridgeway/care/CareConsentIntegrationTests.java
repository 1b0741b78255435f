package org.bridgeway.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.care.episode.CareRecords;
import org.bridgeway.care.episode.EndReason;
import org.bridgeway.consent.DisclosurePurpose;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.consent.directive.ConsentDirective;
import org.bridgeway.consent.directive.ConsentDirectiveRecords;
import org.bridgeway.consent.directive.ConsentDirectiveRecords.NewDirective;
import org.bridgeway.consent.directive.DirectiveKind;
import org.bridgeway.consent.directive.DirectiveTerms;
import org.bridgeway.consent.directive.ExpiryEvent;
import org.bridgeway.consent.directive.FormLanguage;
import org.bridgeway.consent.directive.RevocationMethod;
import org.bridgeway.consent.directive.SignatureMethod;
import org.bridgeway.consent.program.Part2Register;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.UserId;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.testing.CareFixtures;
import org.bridgeway.testing.CareFixtures.Episode;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.MutableClock;
import org.bridgeway.testing.Principals;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The officer's treatment page, API and export go through the real consent engine: a provider's
 * reports are withheld without a directive (saying why), shown with a covering directive under the
 * §2.32 notice with every shown group recorded as a disclosure, and withheld again after
 * revocation, after expiry by date and after the end of treatment.
 */
@IntegrationTest
@AutoConfigureMockMvc
class CareConsentIntegrationTests {

  static final String DRUG_TEST = "Observed urine screen";
  static final String ATTENDED = "Attended the group session";

  @Autowired MockMvc mvc;
  @Autowired TestUsers testUsers;
  @Autowired SupervisionFixtures supervision;
  @Autowired CareFixtures care;
  @Autowired CareRecords careRecords;
  @Autowired ConsentDirectiveRecords directives;
  @Autowired Part2Register part2;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;

  OrganizationId agency;
  OrganizationId provider;
  String providerName;
  BridgewayPrincipal officer;
  Supervised person;
  Episode episode;

  @BeforeEach
  void setUp() {
    agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    provider = care.provider();
    part2.mark(
        Principals.user(provider, OrganizationKind.TREATMENT_PROVIDER, Role.NETWORK_ADMIN),
        provider);
    providerName =
        jdbc.sql("SELECT name FROM identity_organization WHERE id = :id")
            .param("id", provider.value())
            .query(String.class)
            .single();
    UserId officerId = supervision.officer(agency);
    officer =
        BridgewayPrincipal.user(
            officerId,
            agency,
            OrganizationKind.PROBATION_AGENCY,
            "Agency",
            "Officer",
            Set.of(Role.OFFICER));
    person = supervision.supervised(agency, officerId);
    episode = care.episode(agency, person, provider);
    care.positiveDrugTest(episode);
    care.attendance(episode);
  }

  @Test
  void withoutADirectiveTheReportsAreWithheldAndThePageSaysWhy() throws Exception {
    String page = page();

    assertThat(page)
        .contains(
            "Drug test results from "
                + providerName
                + " are withheld: there is no consent from the person that covers them.")
        .contains("Attendance records from " + providerName + " are withheld")
        .doesNotContain(DRUG_TEST)
        .doesNotContain(ATTENDED)
        .doesNotContain("42 CFR part 2");
    JsonNode api = api();
    assertThat(api.get("reports")).isEmpty();
    assertThat(api.get("withheld")).hasSize(2);
    assertThat(api.get("withheld").get(0).get("reason").asString()).isEqualTo("NO_CONSENT");
    assertThat(api.get("notice").isNull()).isTrue();
    assertThat(api.toString()).doesNotContain(DRUG_TEST).doesNotContain("POSITIVE");
    assertThat(disclosures()).isZero();
  }

  @Test
  void aCoveringDirectiveShowsTheReportsWithTheNoticeAndRecordsEachDisclosure() throws Exception {
    ConsentDirective directive = directive(null, null, InformationCategory.values());

    String page = page();
    assertThat(page).contains(DRUG_TEST, ATTENDED, "42 CFR part 2", "Cannabis");
    assertThat(page).doesNotContain("are withheld");
    assertThat(disclosures()).isEqualTo(2);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM consent_disclosure WHERE person_id = :p"
                        + " AND directive_id = :d AND discloser_id = :o AND sensitivity = 'PART_2'"
                        + " AND purpose = 'SUPERVISION_MONITORING'")
                .param("p", person.person())
                .param("d", directive.id().value())
                .param("o", provider.value())
                .query(Long.class)
                .single())
        .isEqualTo(2);

    JsonNode api = api();
    assertThat(api.get("reports")).hasSize(2);
    assertThat(api.get("withheld")).isEmpty();
    assertThat(api.get("notice").asString()).contains("42 CFR part 2");
    assertThat(disclosures()).isEqualTo(4);

    MvcResult pdf = export("");
    assertThat(pdf.getResponse().getContentType()).isEqualTo("application/pdf");
    assertThat(new String(pdf.getResponse().getContentAsByteArray(), 0, 5, StandardCharsets.UTF_8))
        .isEqualTo("%PDF-");
    String csv = export("?format=csv").getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(csv.lines().findFirst().orElseThrow()).contains("42 CFR part 2");
    assertThat(csv).contains(DRUG_TEST, ATTENDED, providerName);
    assertThat(disclosures()).isEqualTo(8);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_entry WHERE action = 'care.treatment.export'"
                        + " AND person_id = :p")
                .param("p", person.person())
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void aDirectiveForAttendanceOnlyLeavesTheDrugTestsWithheld() throws Exception {
    directive(null, null, InformationCategory.ATTENDANCE);

    String page = page();
    assertThat(page)
        .contains(ATTENDED)
        .doesNotContain(DRUG_TEST)
        .contains(
            "Drug test results from "
                + providerName
                + " are withheld: the consent does not cover this kind of information.");
    assertThat(disclosures()).isEqualTo(1);
  }

  @Test
  void revocationWithholdsTheReportsAgainOnTheNextRequest() throws Exception {
    ConsentDirective directive = directive(null, null, InformationCategory.values());
    assertThat(page()).contains(DRUG_TEST);

    directives.revoke(officer, directive.id(), RevocationMethod.IN_WRITING, directive.version());
    // The next request comes later: PostgreSQL keeps microseconds and rounds the revocation's
    // instant, so a request at the very same test-clock instant may read it as a moment ahead.
    clock.advance(Duration.ofSeconds(1));

    String page = page();
    assertThat(page)
        .doesNotContain(DRUG_TEST)
        .doesNotContain(ATTENDED)
        .contains(
            "Drug test results from "
                + providerName
                + " are withheld: the person revoked the consent on "
                + day(LocalDate.now(clock))
                + ".");
    assertThat(api().get("withheld").get(0).get("reason").asString()).isEqualTo("REVOKED");
  }

  @Test
  void expiryByDateWithholdsTheReportsWithoutAnyJob() throws Exception {
    LocalDate expiry = LocalDate.now(clock).plusDays(2);
    directive(expiry, null, InformationCategory.values());
    assertThat(page()).contains(DRUG_TEST);

    clock.advance(Duration.ofDays(3));
    try {
      String page = page();
      assertThat(page)
          .doesNotContain(DRUG_TEST)
          .contains(
              "Drug test results from "
                  + providerName
                  + " are withheld: the consent expired on "
                  + day(expiry)
                  + ".");
    } finally {
      clock.advance(Duration.ofDays(-3));
    }
  }

  @Test
  void theEndOfTreatmentEndsADirectiveThatSaysSo() throws Exception {
    directive(null, ExpiryEvent.END_OF_TREATMENT, InformationCategory.values());
    assertThat(page()).contains(DRUG_TEST);

    LocalDate ended = LocalDate.now(clock);
    careRecords.endEpisode(
        CareFixtures.staffOf(provider),
        new TreatmentEpisodeId(episode.id()),
        ended,
        EndReason.COMPLETED,
        episode.version());

    String page = page();
    assertThat(page).doesNotContain(DRUG_TEST).doesNotContain("Completed");
    assertThat(api().get("withheld").get(0).get("reason").asString()).isEqualTo("EXPIRED_BY_EVENT");
    assertThat(api().get("episodes").get(0).get("endedOn").isNull()).isTrue();
  }

  @Test
  void anOfficerWhoDoesNotSeeThePersonGetsNothing() throws Exception {
    directive(null, null, InformationCategory.values());
    BridgewayPrincipal colleague =
        BridgewayPrincipal.user(
            supervision.officer(agency),
            agency,
            OrganizationKind.PROBATION_AGENCY,
            "Agency",
            "Colleague",
            Set.of(Role.OFFICER));
    mvc.perform(
            get("/care/people/" + person.person() + "/treatment/export")
                .with(authentication(Principals.authenticationOf(colleague))))
        .andExpect(status().isNotFound());
    mvc.perform(
            get("/api/v1/care/people/" + person.person() + "/treatment")
                .with(authentication(Principals.authenticationOf(colleague))))
        .andExpect(status().isNotFound());
    assertThat(disclosures()).isZero();
  }

  private ConsentDirective directive(
      LocalDate expiresOn, ExpiryEvent event, InformationCategory... categories) {
    DirectiveTerms terms =
        new DirectiveTerms(
            DirectiveKind.GENERAL,
            null,
            Set.of(provider),
            false,
            Set.of(categories),
            null,
            Set.of(agency),
            Set.of(),
            EnumSet.of(DisclosurePurpose.SUPERVISION_MONITORING),
            expiresOn,
            event == null && expiresOn == null ? ExpiryEvent.END_OF_SUPERVISION : event,
            null,
            null,
            "Tell your officer or the program, in person or in writing.");
    return directives.record(
        officer,
        new PersonId(person.person()),
        new NewDirective(
            terms,
            null,
            LocalDate.now(clock),
            SignatureMethod.ELECTRONIC,
            "Pat Example",
            true,
            null,
            FormLanguage.EN));
  }

  private String page() throws Exception {
    return mvc.perform(
            get("/care/people/" + person.person() + "/treatment")
                .locale(Locale.ENGLISH)
                .with(authentication(Principals.authenticationOf(officer))))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private JsonNode api() throws Exception {
    return JsonMapper.shared()
        .readTree(
            mvc.perform(
                    get("/api/v1/care/people/" + person.person() + "/treatment")
                        .locale(Locale.ENGLISH)
                        .with(authentication(Principals.authenticationOf(officer))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
  }

  private MvcResult export(String query) throws Exception {
    return mvc.perform(
            get("/care/people/" + person.person() + "/treatment/export" + query)
                .locale(Locale.ENGLISH)
                .with(authentication(Principals.authenticationOf(officer))))
        .andExpect(status().isOk())
        .andReturn();
  }

  private long disclosures() {
    return jdbc.sql("SELECT count(*) FROM consent_disclosure WHERE person_id = :p")
        .param("p", person.person())
        .query(Long.class)
        .single();
  }

  private static String day(LocalDate day) {
    return day.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
  }

  static UUID id(JsonNode node) {
    return UUID.fromString(node.get("id").asString());
  }
}
