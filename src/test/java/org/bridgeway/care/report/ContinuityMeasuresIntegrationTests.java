package org.bridgeway.care.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import org.bridgeway.care.episode.EndReason;
import org.bridgeway.care.session.AttendanceOutcome;
import org.bridgeway.care.transition.Transitions;
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

/**
 * The continuity measures of one person and one program on records whose measures were computed by
 * hand. Day T0 is the day the referral to program B was sent; the clock then stands at T0 + 20.
 *
 * <ul>
 *   <li>Episode 1 at A from T0-30 to T0-10 (completed); sessions T0-25 attended, T0-20 excused
 *       no-show.
 *   <li>Episode 2 at B, opened from the referral, from T0+2; sessions T0+3 no-show, T0+5 attended,
 *       T0+6 late, T0+8 cancelled, T0+10 nothing recorded, T0+25 ahead.
 *   <li>Released from custody on T0+1.
 * </ul>
 *
 * Days without care: T0-9 to T0+1 = 11 days in 1 gap. Engagement: attended or late 1 (A) + 2 (B) of
 * 2 (A) + 4 (B) past appointments not cancelled = 3 of 6. Release to first attended: T0+1 to T0+5 =
 * 4 days. Referral to first attended at its episode: T0 to T0+5 = 5 days. Program B over 5 people:
 * mean gap before 11 (1 episode), median release 4, median referral 5, engagement 2 of 4.
 */
@IntegrationTest
class ContinuityMeasuresIntegrationTests {

  @Autowired ContinuityMeasures measures;
  @Autowired Transitions transitions;
  @Autowired TestUsers testUsers;
  @Autowired SupervisionFixtures supervision;
  @Autowired CareFixtures care;
  @Autowired ContinuityFixtures continuity;
  @Autowired ReferralFixtures referrals;
  @Autowired ConsentDirectiveRecords directives;
  @Autowired Part2Register part2;
  @Autowired MutableClock clock;

  OrganizationId agency;
  OrganizationId a;
  OrganizationId b;
  BridgewayPrincipal officer;
  Supervised person;

  @BeforeEach
  void setUp() {
    agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    a = care.provider();
    b = care.provider();
    BridgewayPrincipal admin =
        Principals.user(a, OrganizationKind.TREATMENT_PROVIDER, Role.NETWORK_ADMIN);
    part2.mark(admin, a);
    part2.mark(admin, b);
    ReferralFixtures.Made referral = referrals.sent(agency, b);
    person = referral.supervised();
    officer =
        BridgewayPrincipal.user(
            person.officer(),
            agency,
            OrganizationKind.PROBATION_AGENCY,
            "Agency",
            "Officer",
            Set.of(Role.OFFICER));
    LocalDate t0 = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    clock.advance(Duration.ofDays(20));

    Episode first = continuity.episode(agency, person, a, t0.minusDays(30));
    continuity.held(first, at(t0.minusDays(25)), AttendanceOutcome.ATTENDED);
    continuity.held(first, at(t0.minusDays(20)), AttendanceOutcome.NO_SHOW_EXCUSED);
    continuity.end(first, t0.minusDays(10), EndReason.COMPLETED);

    Episode second = continuity.fromReferral(agency, person, b, referral.id(), t0.plusDays(2));
    continuity.held(second, at(t0.plusDays(3)), AttendanceOutcome.NO_SHOW_UNEXCUSED);
    continuity.held(second, at(t0.plusDays(5)), AttendanceOutcome.ATTENDED);
    continuity.held(second, at(t0.plusDays(6)), AttendanceOutcome.LATE);
    continuity.cancelled(second, at(t0.plusDays(8)));
    continuity.appointment(second, at(t0.plusDays(10)));
    continuity.appointment(second, at(t0.plusDays(25)));

    transitions.recordRelease(
        SupervisionFixtures.administratorOf(agency),
        new PersonId(person.person()),
        new Transitions.NewRelease(t0.plusDays(1), null, null, null));

    for (int i = 0; i < 4; i++) {
      continuity.episode(agency, supervision.supervised(agency), b, t0.plusDays(2));
    }
  }

  @Test
  void withoutAConsentThePersonsMeasuresUseNothingTheProvidersRecorded() {
    ContinuityMeasures.PersonMeasures shown =
        measures.ofPerson(officer, new PersonId(person.person()));

    assertThat(shown.gaps()).as("the end of episode 1 is withheld").isNull();
    assertThat(shown.engagement().scheduled()).isZero();
    assertThat(shown.engagement().rate()).isNull();
    assertThat(shown.releases())
        .singleElement()
        .extracting(ContinuityMeasures.ReleaseMeasure::days)
        .isNull();
    assertThat(shown.withheld())
        .extracting(ContinuityMeasures.Withheld::category)
        .containsExactlyInAnyOrder(
            InformationCategory.ATTENDANCE,
            InformationCategory.ATTENDANCE,
            InformationCategory.DISCHARGE_SUMMARY);
    assertThat(shown.noticeRequired()).isFalse();
  }

  @Test
  void thePersonsMeasuresMatchTheHandComputedValues() {
    consentToTheAgency();

    ContinuityMeasures.PersonMeasures shown =
        measures.ofPerson(officer, new PersonId(person.person()));

    assertThat(shown.withheld()).isEmpty();
    assertThat(shown.noticeRequired()).isTrue();
    assertThat(shown.gaps().totalDays()).isEqualTo(11);
    assertThat(shown.gaps().gaps()).isEqualTo(1);
    assertThat(shown.engagement().attended()).isEqualTo(3);
    assertThat(shown.engagement().scheduled()).isEqualTo(6);
    assertThat(shown.engagement().rate()).isEqualTo(0.5);
    assertThat(shown.releases())
        .singleElement()
        .extracting(ContinuityMeasures.ReleaseMeasure::days)
        .isEqualTo(4L);
    assertThat(shown.referrals())
        .singleElement()
        .extracting(ContinuityMeasures.ReferralMeasure::days)
        .isEqualTo(5L);
  }

  @Test
  void theProgramsMeasuresMatchTheHandComputedValuesAndASmallProgramIsSuppressed() {
    ContinuityMeasures.ProgramMeasures program = measures.ofProgram(officer, b);

    assertThat(program.people()).isEqualTo(5);
    assertThat(program.suppressed()).isFalse();
    assertThat(program.gapsBefore()).isEqualTo(1);
    assertThat(program.meanGapBeforeDays()).isEqualTo(11.0);
    assertThat(program.releases()).isEqualTo(1);
    assertThat(program.medianReleaseDays()).isEqualTo(4.0);
    assertThat(program.referrals()).isEqualTo(1);
    assertThat(program.medianReferralDays()).isEqualTo(5.0);
    assertThat(program.engagement().attended()).isEqualTo(2);
    assertThat(program.engagement().scheduled()).isEqualTo(4);

    ContinuityMeasures.ProgramMeasures small = measures.ofProgram(officer, a);
    assertThat(small.people()).isEqualTo(1);
    assertThat(small.suppressed()).isTrue();
    assertThat(small.engagement()).isNull();

    // Another agency's staff count only their own people: none here.
    OrganizationId other = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    assertThat(measures.ofProgram(SupervisionFixtures.administratorOf(other), b).people()).isZero();
  }

  private static Instant at(LocalDate day) {
    return day.atTime(10, 0).toInstant(ZoneOffset.UTC);
  }

  private void consentToTheAgency() {
    directives.record(
        officer,
        new PersonId(person.person()),
        new NewDirective(
            new DirectiveTerms(
                DirectiveKind.GENERAL,
                null,
                Set.of(a, b),
                false,
                EnumSet.of(InformationCategory.ATTENDANCE, InformationCategory.DISCHARGE_SUMMARY),
                null,
                Set.of(agency),
                Set.of(),
                EnumSet.of(DisclosurePurpose.SUPERVISION_MONITORING),
                null,
                ExpiryEvent.END_OF_SUPERVISION,
                null,
                null,
                "Tell your officer."),
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
