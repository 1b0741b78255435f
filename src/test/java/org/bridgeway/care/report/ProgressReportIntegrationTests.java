package org.bridgeway.care.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import org.bridgeway.care.episode.CareInputRejected;
import org.bridgeway.care.episode.ProviderReport;
import org.bridgeway.consent.DisclosurePurpose;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.consent.WithholdingReason;
import org.bridgeway.consent.directive.ConsentDirectiveRecords;
import org.bridgeway.consent.directive.ConsentDirectiveRecords.NewDirective;
import org.bridgeway.consent.directive.DirectiveKind;
import org.bridgeway.consent.directive.DirectiveTerms;
import org.bridgeway.consent.directive.ExpiryEvent;
import org.bridgeway.consent.directive.FormLanguage;
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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Progress reports to a court or partner agency: limited by the recipient's role and by what the
 * consent engine permits for that recipient and purpose, with what is included recorded as
 * disclosures to the recipient organization; the PDF over the API; bad input named per field.
 */
@IntegrationTest
@AutoConfigureMockMvc
class ProgressReportIntegrationTests {

  @Autowired CourtProgressReports reports;
  @Autowired TestUsers testUsers;
  @Autowired SupervisionFixtures supervision;
  @Autowired CareFixtures care;
  @Autowired ConsentDirectiveRecords directives;
  @Autowired Part2Register part2;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;

  OrganizationId agency;
  OrganizationId provider;
  OrganizationId court;
  OrganizationId partner;
  BridgewayPrincipal officer;
  Supervised person;
  LocalDate today;

  @BeforeEach
  void setUp() {
    agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    provider = care.provider();
    court = testUsers.organization(OrganizationKind.COURT);
    partner = testUsers.organization(OrganizationKind.SOCIAL_SERVICES);
    part2.mark(
        Principals.user(provider, OrganizationKind.TREATMENT_PROVIDER, Role.NETWORK_ADMIN),
        provider);
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
    Episode episode = care.episode(agency, person, provider);
    care.attendance(episode);
    care.positiveDrugTest(episode);
    care.report(
        episode,
        new ProviderReport.Content(
            InformationCategory.PROGRESS,
            LocalDate.now(clock),
            "Engaged in group work",
            null,
            Set.of()));
    today = LocalDate.now(clock);
  }

  @Test
  void withoutAConsentNothingProtectedReachesTheCourtAndThePdfSaysWhatIsWithheld()
      throws Exception {
    CourtProgressReports.ProgressReport report = generate(court, null);

    assertThat(report.purpose()).isEqualTo(DisclosurePurpose.COURT_REPORTING);
    assertThat(report.sections()).allMatch(s -> s.reports().isEmpty());
    assertThat(report.withheld())
        .extracting(CourtProgressReports.Withheld::category)
        .containsExactlyInAnyOrder(
            InformationCategory.ATTENDANCE,
            InformationCategory.DRUG_TEST_RESULTS,
            InformationCategory.PROGRESS);
    assertThat(report.withheld()).allMatch(w -> w.reason() == WithholdingReason.NO_CONSENT);
    assertThat(report.noticeRequired()).isFalse();
    assertThat(disclosuresTo(court)).isZero();
  }

  @Test
  void theCourtGetsWhatTheConsentCoversForCourtReportingRecordedAsDisclosures() {
    consent(
        court,
        DisclosurePurpose.COURT_REPORTING,
        InformationCategory.ATTENDANCE,
        InformationCategory.DRUG_TEST_RESULTS);

    CourtProgressReports.ProgressReport report = generate(court, DisclosurePurpose.COURT_REPORTING);

    CourtProgressReports.ProviderSection section = report.sections().get(0);
    assertThat(section.of(InformationCategory.ATTENDANCE)).hasSize(1);
    assertThat(section.of(InformationCategory.DRUG_TEST_RESULTS)).hasSize(1);
    assertThat(section.of(InformationCategory.PROGRESS)).isEmpty();
    assertThat(report.withheld())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.category()).isEqualTo(InformationCategory.PROGRESS);
              assertThat(w.reason()).isEqualTo(WithholdingReason.CATEGORY_NOT_COVERED);
            });
    assertThat(report.noticeRequired()).isTrue();
    assertThat(disclosuresTo(court)).isEqualTo(2);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_entry WHERE action = 'care.progress-report.generate'"
                        + " AND person_id = :p")
                .param("p", person.person())
                .query(Long.class)
                .single())
        .isEqualTo(1);

    // The same consent does not cover another purpose.
    CourtProgressReports.ProgressReport monitoring =
        generate(court, DisclosurePurpose.SUPERVISION_MONITORING);
    assertThat(monitoring.sections()).allMatch(s -> s.reports().isEmpty());
    assertThat(monitoring.withheld())
        .filteredOn(w -> w.category() == InformationCategory.ATTENDANCE)
        .singleElement()
        .extracting(CourtProgressReports.Withheld::reason)
        .isEqualTo(WithholdingReason.PURPOSE_NOT_COVERED);
    assertThat(disclosuresTo(court)).isEqualTo(2);
  }

  @Test
  void aPartnerAgencyNeverReceivesDrugTestsWhateverTheConsentSays() {
    consent(
        partner,
        DisclosurePurpose.CARE_COORDINATION,
        InformationCategory.ATTENDANCE,
        InformationCategory.DRUG_TEST_RESULTS,
        InformationCategory.PROGRESS);

    CourtProgressReports.ProgressReport report = generate(partner, null);

    assertThat(report.purpose()).isEqualTo(DisclosurePurpose.CARE_COORDINATION);
    assertThat(report.excluded()).contains(InformationCategory.DRUG_TEST_RESULTS);
    CourtProgressReports.ProviderSection section = report.sections().get(0);
    assertThat(section.of(InformationCategory.ATTENDANCE)).hasSize(1);
    assertThat(section.of(InformationCategory.PROGRESS)).hasSize(1);
    assertThat(section.of(InformationCategory.DRUG_TEST_RESULTS)).isEmpty();
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM consent_disclosure WHERE recipient_organization_id = :r"
                        + " AND category = 'DRUG_TEST_RESULTS'")
                .param("r", partner.value())
                .query(Long.class)
                .single())
        .isZero();
    assertThat(disclosuresTo(partner)).isEqualTo(2);
  }

  @Test
  void reportsOutsideThePeriodAreLeftOut() {
    consent(court, DisclosurePurpose.COURT_REPORTING, InformationCategory.values());
    CourtProgressReports.ProgressReport report =
        reports.generate(
            officer,
            new PersonId(person.person()),
            new CourtProgressReports.Request(court, null, today.minusDays(30), today.minusDays(1)));
    assertThat(report.sections()).allMatch(s -> s.reports().isEmpty());
    assertThat(disclosuresTo(court)).isZero();
  }

  @Test
  void theApiAnswersThePdfAndNamesEachFieldAtFault() throws Exception {
    consent(court, DisclosurePurpose.COURT_REPORTING, InformationCategory.ATTENDANCE);
    MvcResult pdf =
        mvc.perform(
                post("/api/v1/care/people/" + person.person() + "/progress-reports")
                    .with(authentication(Principals.authenticationOf(officer)))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"recipientId\":\"%s\",\"from\":\"%s\",\"to\":\"%s\"}"
                            .formatted(court, today.minusDays(30), today)))
            .andExpect(status().isOk())
            .andReturn();
    assertThat(pdf.getResponse().getContentType()).isEqualTo("application/pdf");
    assertThat(new String(pdf.getResponse().getContentAsByteArray(), 0, 5, StandardCharsets.UTF_8))
        .isEqualTo("%PDF-");

    mvc.perform(
            post("/api/v1/care/people/" + person.person() + "/progress-reports")
                .with(authentication(Principals.authenticationOf(officer)))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"recipientId\":\"%s\",\"from\":\"%s\",\"to\":\"%s\"}"
                        .formatted(provider, today, today.minusDays(1))))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[?(@.field == 'recipientId')].code").value("UnknownRecipient"))
        .andExpect(jsonPath("$.errors[?(@.field == 'to')].code").value("BeforeFrom"));
    assertThatThrownBy(
            () ->
                reports.generate(
                    officer,
                    new PersonId(person.person()),
                    new CourtProgressReports.Request(
                        partner, DisclosurePurpose.COURT_REPORTING, today, today)))
        .isInstanceOf(CareInputRejected.class);
  }

  private CourtProgressReports.ProgressReport generate(
      OrganizationId recipient, DisclosurePurpose purpose) {
    return reports.generate(
        officer,
        new PersonId(person.person()),
        new CourtProgressReports.Request(recipient, purpose, today.minusDays(30), today));
  }

  private long disclosuresTo(OrganizationId recipient) {
    return jdbc.sql(
            "SELECT count(*) FROM consent_disclosure WHERE person_id = :p"
                + " AND recipient_organization_id = :r AND discloser_id = :d")
        .param("p", person.person())
        .param("r", recipient.value())
        .param("d", provider.value())
        .query(Long.class)
        .single();
  }

  private void consent(
      OrganizationId recipient, DisclosurePurpose purpose, InformationCategory... categories) {
    directives.record(
        officer,
        new PersonId(person.person()),
        new NewDirective(
            new DirectiveTerms(
                DirectiveKind.GENERAL,
                null,
                Set.of(provider),
                false,
                Set.of(categories),
                null,
                Set.of(recipient),
                Set.of(),
                Set.of(purpose),
                null,
                ExpiryEvent.END_OF_SUPERVISION,
                null,
                null,
                "Tell your officer or the program, in person or in writing."),
            null,
            LocalDate.now(clock),
            SignatureMethod.ELECTRONIC,
            "Pat Example",
            true,
            null,
            FormLanguage.EN));
    clock.advance(Duration.ofSeconds(1));
  }
}
