package org.bridgeway.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bridgeway.care.episode.DrugTestResult;
import org.bridgeway.care.episode.Substance;
import org.bridgeway.care.record.DrugTest;
import org.bridgeway.care.record.ProviderRecords;
import org.bridgeway.care.record.TestMethod;
import org.bridgeway.care.record.TestPanel;
import org.bridgeway.care.session.Appointment;
import org.bridgeway.care.session.AppointmentBook;
import org.bridgeway.care.session.AttendanceOutcome;
import org.bridgeway.care.session.Concern;
import org.bridgeway.consent.DisclosurePurpose;
import org.bridgeway.consent.InformationCategory;
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
import org.bridgeway.testing.CareFixtures.Appt;
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
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The officer sees the provider's records (appointments with attendance, plan, tests) only as far
 * as the person's consent allows, per category: without a directive everything is withheld and said
 * so; a directive for attendance shows the appointments and the provider's feedback under the §2.32
 * notice, never the provider's own session note, and keeps the tests and the plan withheld.
 */
@IntegrationTest
@AutoConfigureMockMvc
class CareRecordsConsentIntegrationTests {

  static final String FEEDBACK = "Missed again, no call";
  static final String SESSION_NOTE = "Disclosed a lapse in session";
  static final String SPECIMEN = "LAB-SPECIMEN-77";

  @Autowired MockMvc mvc;
  @Autowired TestUsers testUsers;
  @Autowired SupervisionFixtures supervision;
  @Autowired CareFixtures care;
  @Autowired AppointmentBook book;
  @Autowired ProviderRecords records;
  @Autowired ConsentDirectiveRecords directives;
  @Autowired Part2Register part2;
  @Autowired MutableClock clock;

  OrganizationId agency;
  OrganizationId provider;
  BridgewayPrincipal officer;
  Supervised person;

  @BeforeEach
  void setUp() {
    agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    provider = care.provider();
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
    BridgewayPrincipal staff = CareFixtures.staffOf(provider);
    Appt appointment = care.pastAppointment(episode);
    book.recordAttendance(
        staff,
        new TreatmentEpisodeId(episode.id()),
        new AppointmentId(appointment.id()),
        new Appointment.AttendanceEntry(
            AttendanceOutcome.NO_SHOW_UNEXCUSED,
            "No call",
            SESSION_NOTE,
            FEEDBACK,
            Set.of(Concern.RELAPSE)),
        appointment.version());
    care.plan(episode);
    records.postTest(
        staff,
        new TreatmentEpisodeId(episode.id()),
        new DrugTest.Content(
            LocalDate.now(clock),
            TestPanel.TEN_PANEL,
            TestMethod.URINE,
            SPECIMEN,
            Set.of(),
            Set.of(Substance.COCAINE),
            DrugTestResult.POSITIVE,
            null,
            null));
  }

  @Test
  void withoutConsentEveryRecordIsWithheldAndSaidSo() throws Exception {
    JsonNode api = api();
    assertThat(api.get("appointments")).isEmpty();
    assertThat(api.get("plans")).isEmpty();
    assertThat(api.get("drugTests")).isEmpty();
    assertThat(withheld(api))
        .contains("ATTENDANCE", "TREATMENT_PLAN", "DRUG_TEST_RESULTS")
        .doesNotHaveDuplicates();
    assertThat(api.toString()).doesNotContain(FEEDBACK, SESSION_NOTE, SPECIMEN, "COCAINE");
    assertThat(page()).doesNotContain(FEEDBACK, SESSION_NOTE, SPECIMEN);
  }

  @Test
  void consentToAttendanceShowsTheAppointmentsButNeverTheSessionNote() throws Exception {
    directive(InformationCategory.ATTENDANCE);

    JsonNode api = api();
    assertThat(api.get("appointments")).hasSize(1);
    JsonNode attendance = api.get("appointments").get(0).get("attendance");
    assertThat(attendance.get("outcome").asString()).isEqualTo("NO_SHOW_UNEXCUSED");
    assertThat(attendance.get("feedback").asString()).isEqualTo(FEEDBACK);
    assertThat(attendance.get("concerns").get(0).asString()).isEqualTo("RELAPSE");
    assertThat(api.get("drugTests")).isEmpty();
    assertThat(api.get("plans")).isEmpty();
    assertThat(withheld(api)).containsExactlyInAnyOrder("TREATMENT_PLAN", "DRUG_TEST_RESULTS");
    assertThat(api.get("notice").isNull()).isFalse();
    assertThat(api.toString()).doesNotContain(SESSION_NOTE, SPECIMEN);

    String page = page();
    assertThat(page).contains(FEEDBACK, "42 CFR part 2").doesNotContain(SESSION_NOTE, SPECIMEN);
    String csv =
        mvc.perform(
                get("/care/people/" + person.person() + "/treatment/export")
                    .param("format", "csv")
                    .locale(Locale.ENGLISH)
                    .with(authentication(Principals.authenticationOf(officer))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(csv).contains(FEEDBACK).doesNotContain(SESSION_NOTE, SPECIMEN);
  }

  @Test
  void consentToEveryCategoryShowsThePlanAndTheTest() throws Exception {
    directive(InformationCategory.values());

    JsonNode api = api();
    assertThat(api.get("plans")).hasSize(1);
    assertThat(api.get("drugTests")).hasSize(1);
    assertThat(api.get("drugTests").get(0).get("found").get(0).asString()).isEqualTo("COCAINE");
    assertThat(withheld(api)).isEmpty();
    assertThat(page()).contains("No substance use", SPECIMEN);
  }

  private static List<String> withheld(JsonNode api) {
    List<String> categories = new ArrayList<>();
    api.get("withheld").forEach(w -> categories.add(w.get("category").asString()));
    return categories;
  }

  private void directive(InformationCategory... categories) {
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
            null,
            ExpiryEvent.END_OF_SUPERVISION,
            null,
            null,
            "Tell your officer or the program, in person or in writing.");
    directives.record(
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
}
