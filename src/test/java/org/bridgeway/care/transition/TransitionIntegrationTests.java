package org.bridgeway.care.transition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.care.episode.CareInputRejected;
import org.bridgeway.care.episode.EndReason;
import org.bridgeway.care.episode.TreatmentEpisode;
import org.bridgeway.care.episode.TreatmentEpisodes;
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
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.testing.CareFixtures;
import org.bridgeway.testing.CareFixtures.Episode;
import org.bridgeway.testing.ContinuityFixtures;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.MutableClock;
import org.bridgeway.testing.Principals;
import org.bridgeway.testing.ReferralFixtures;
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

/**
 * Transitions of care against the real database and consent engine: a hand-off's overlap and the
 * sending episode ended as transferred when it is over; the transfer summary withheld from the
 * receiving provider without a consent and shown (with the §2.32 notice, recorded as a disclosure)
 * with one; a release's intake flagged as a gap until an appointment is booked within the window.
 */
@IntegrationTest
@AutoConfigureMockMvc
class TransitionIntegrationTests {

  static final String SUMMARY = "Stable for six weeks; continue weekly group and medication.";

  @Autowired Transitions transitions;
  @Autowired TestUsers testUsers;
  @Autowired SupervisionFixtures supervision;
  @Autowired CareFixtures care;
  @Autowired ContinuityFixtures continuity;
  @Autowired ReferralFixtures referrals;
  @Autowired ConsentDirectiveRecords directives;
  @Autowired Part2Register part2;
  @Autowired TreatmentEpisodes episodes;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;

  OrganizationId agency;
  OrganizationId sending;
  OrganizationId receiving;
  BridgewayPrincipal officer;
  Supervised person;
  LocalDate today;
  Episode from;
  Episode to;

  @BeforeEach
  void setUp() {
    agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    sending = care.provider();
    receiving = care.provider();
    BridgewayPrincipal networkAdmin =
        Principals.user(sending, OrganizationKind.TREATMENT_PROVIDER, Role.NETWORK_ADMIN);
    part2.mark(networkAdmin, sending);
    part2.mark(networkAdmin, receiving);
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
    today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    from = continuity.episode(agency, person, sending, today.minusDays(30));
    to = continuity.episode(agency, person, receiving, today.minusDays(5));
  }

  @Test
  void bothProvidersAreOnTheCaseUntilTheOverlapEndsThenTheSendingEpisodeEndsAsTransferred() {
    CareTransition handOff = handOff(today.plusDays(2));

    Transitions.TransitionShown shown = shown(handOff);
    // From the receiving start (today - 5) to the overlap's last day (today + 2): 8 days.
    assertThat(shown.overlapDays()).isEqualTo(8);
    assertThat(episode(from).hasEnded()).isFalse();

    transitions.endOverlaps();
    assertThat(episode(from).hasEnded()).as("the overlap is not over yet").isFalse();

    clock.advance(Duration.ofDays(3));
    transitions.endOverlaps();
    TreatmentEpisode ended = episode(from);
    assertThat(ended.endedOn()).isEqualTo(today.plusDays(2));
    assertThat(ended.endReason()).isEqualTo(EndReason.TRANSFERRED);
    assertThat(episode(to).hasEnded()).isFalse();
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_entry WHERE action = 'care.episode.end'"
                        + " AND record_id = :episode")
                .param("episode", from.id())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aHandOffWhoseOverlapIsAlreadyOverEndsTheSendingEpisodeAtOnce() {
    handOff(today.minusDays(1));

    TreatmentEpisode ended = episode(from);
    assertThat(ended.endedOn()).isEqualTo(today.minusDays(1));
    assertThat(ended.endReason()).isEqualTo(EndReason.TRANSFERRED);
  }

  @Test
  void theTransferSummaryReachesTheReceivingProviderOnlyThroughTheConsentEngine() {
    CareTransition handOff = handOff(today.plusDays(7));
    transitions.writeSummary(CareFixtures.staffOf(sending), handOff.id(), SUMMARY, null);

    Transitions.HandOffAtProvider withheld =
        transitions.handOffAtProvider(CareFixtures.staffOf(receiving), handOff.id());
    assertThat(withheld.summary()).isNull();
    assertThat(withheld.withheld().reason()).isEqualTo(WithholdingReason.NO_CONSENT);
    assertThat(withheld.noticeRequired()).isFalse();
    assertThat(disclosuresTo(receiving)).isZero();

    consentToReceivingProvider();
    Transitions.HandOffAtProvider shown =
        transitions.handOffAtProvider(CareFixtures.staffOf(receiving), handOff.id());
    assertThat(shown.summary().summary()).isEqualTo(SUMMARY);
    assertThat(shown.noticeRequired()).isTrue();
    assertThat(shown.sending()).isFalse();
    assertThat(disclosuresTo(receiving)).isEqualTo(1);

    Transitions.HandOffAtProvider own =
        transitions.handOffAtProvider(CareFixtures.staffOf(sending), handOff.id());
    assertThat(own.sending()).isTrue();
    assertThat(own.summary().summary()).isEqualTo(SUMMARY);
    assertThat(disclosuresTo(sending)).as("the writer reads its own summary").isZero();

    OrganizationId stranger = care.provider();
    assertThatThrownBy(
            () -> transitions.handOffAtProvider(CareFixtures.staffOf(stranger), handOff.id()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () ->
                transitions.writeSummary(
                    CareFixtures.staffOf(receiving), handOff.id(), "Not mine to write", null))
        .as("only the sending provider writes the summary")
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void theSummaryIsShownOverTheApiWithTheNoticeAndBadInputNamesEachField() throws Exception {
    CareTransition handOff = handOff(today.plusDays(7));
    consentToReceivingProvider();
    mvc.perform(
            post("/api/v1/care/provider/transitions/" + handOff.id() + "/summary")
                .with(authentication(Principals.authenticationOf(CareFixtures.staffOf(sending))))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"summary\":\"" + SUMMARY + "\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.side").value("SENDING"));
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                    "/api/v1/care/provider/transitions/" + handOff.id())
                .with(authentication(Principals.authenticationOf(CareFixtures.staffOf(receiving)))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.side").value("RECEIVING"))
        .andExpect(jsonPath("$.summary").value(SUMMARY))
        .andExpect(jsonPath("$.notice").exists());

    Episode elsewhere =
        continuity.episode(agency, supervision.supervised(agency), receiving, today.minusDays(3));
    mvc.perform(
            post("/api/v1/care/people/" + person.person() + "/transitions/hand-offs")
                .with(authentication(Principals.authenticationOf(officer)))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"kind\":\"MOVE\",\"fromEpisodeId\":\"%s\",\"toEpisodeId\":\"%s\",\"overlapEndsOn\":\"%s\"}"
                        .formatted(elsewhere.id(), from.id(), today.minusDays(40))))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[?(@.field == 'fromEpisodeId')].code").value("UnknownEpisode"))
        .andExpect(jsonPath("$.errors[?(@.field == 'overlapEndsOn')]").exists());
    assertThat(transitions.transitionsOf(officer, new PersonId(person.person()))).hasSize(1);
  }

  @Test
  void aReleaseIsFlaggedAsAGapUntilIntakeIsBookedWithinTheWindow() {
    ReferralFixtures.Made referral = referrals.sent(agency, sending);
    PersonId released = new PersonId(referral.supervised().person());
    BridgewayPrincipal admin = SupervisionFixtures.administratorOf(agency);
    Episode intake = continuity.episode(agency, referral.supervised(), sending, today.minusDays(1));
    LocalDate releaseDay = today.plusDays(1);
    CareTransition release =
        transitions.recordRelease(
            admin,
            released,
            new Transitions.NewRelease(releaseDay, null, referral.id(), intake.id()));
    assertThat(release.intakeWithinDays()).isEqualTo(3);
    assertThat(release.intakeDueBy()).isEqualTo(releaseDay.plusDays(3));

    Transitions.TransitionShown none = transitions.transitionsOf(admin, released).get(0);
    assertThat(none.intake()).isEqualTo(Transitions.IntakeStatus.NOT_BOOKED);
    assertThat(none.intake().gap()).isTrue();

    continuity.appointment(intake, releaseDay.plusDays(5).atTime(10, 0).toInstant(ZoneOffset.UTC));
    Transitions.TransitionShown late = transitions.transitionsOf(admin, released).get(0);
    assertThat(late.intake()).isEqualTo(Transitions.IntakeStatus.LATE);
    assertThat(late.intakeOn()).isEqualTo(releaseDay.plusDays(5));

    continuity.appointment(intake, releaseDay.plusDays(3).atTime(9, 0).toInstant(ZoneOffset.UTC));
    Transitions.TransitionShown onTime = transitions.transitionsOf(admin, released).get(0);
    assertThat(onTime.intake()).isEqualTo(Transitions.IntakeStatus.ON_TIME);
    assertThat(onTime.intake().gap()).isFalse();
    assertThat(onTime.intakeOn()).isEqualTo(releaseDay.plusDays(3));
  }

  @Test
  void aReleaseNamesOnlyASentReferralOfThePersonAndAWindowInRange() {
    ReferralFixtures.Made others = referrals.sent(agency, sending);
    assertThatThrownBy(
            () ->
                transitions.recordRelease(
                    officer,
                    new PersonId(person.person()),
                    new Transitions.NewRelease(today, 31, others.id(), UUID.randomUUID())))
        .isInstanceOfSatisfying(
            CareInputRejected.class,
            rejected ->
                assertThat(rejected.violations())
                    .extracting(v -> v.field() + ":" + v.code())
                    .containsExactlyInAnyOrder(
                        "intakeWithinDays:Range",
                        "referralId:UnknownReferral",
                        "intakeEpisodeId:UnknownEpisode"));
    assertThat(transitions.transitionsOf(officer, new PersonId(person.person()))).isEmpty();
  }

  @Test
  void anotherAgencyCannotReachThePersonsTransitions() {
    OrganizationId other = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    assertThatThrownBy(
            () ->
                transitions.transitionsOf(
                    SupervisionFixtures.administratorOf(other), new PersonId(person.person())))
        .isInstanceOf(NotFoundException.class);
  }

  private CareTransition handOff(LocalDate overlapEndsOn) {
    return transitions.recordHandOff(
        officer,
        new PersonId(person.person()),
        new Transitions.NewHandOff(
            TransitionKind.STEP_DOWN, from.id(), to.id(), overlapEndsOn, null));
  }

  private Transitions.TransitionShown shown(CareTransition transition) {
    return transitions.transitionsOf(officer, new PersonId(person.person())).stream()
        .filter(t -> t.transition().id().equals(transition.id()))
        .findFirst()
        .orElseThrow();
  }

  private TreatmentEpisode episode(Episode episode) {
    return episodes.findById(new TreatmentEpisodeId(episode.id())).orElseThrow();
  }

  private long disclosuresTo(OrganizationId recipient) {
    return jdbc.sql(
            "SELECT count(*) FROM consent_disclosure WHERE person_id = :p"
                + " AND recipient_organization_id = :r AND discloser_id = :d"
                + " AND category = 'DISCHARGE_SUMMARY' AND purpose = 'CARE_COORDINATION'")
        .param("p", person.person())
        .param("r", recipient.value())
        .param("d", sending.value())
        .query(Long.class)
        .single();
  }

  private void consentToReceivingProvider() {
    DirectiveTerms terms =
        new DirectiveTerms(
            DirectiveKind.GENERAL,
            null,
            Set.of(sending),
            false,
            Set.of(InformationCategory.DISCHARGE_SUMMARY),
            null,
            Set.of(receiving),
            Set.of(),
            EnumSet.of(DisclosurePurpose.CARE_COORDINATION),
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
    clock.advance(Duration.ofSeconds(1));
  }
}
