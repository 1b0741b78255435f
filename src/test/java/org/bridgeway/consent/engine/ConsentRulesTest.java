package org.bridgeway.consent.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bridgeway.consent.ConsentDecision;
import org.bridgeway.consent.DisclosurePurpose;
import org.bridgeway.consent.DisclosureRequest;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.consent.Sensitivity;
import org.bridgeway.consent.WithholdingReason;
import org.bridgeway.consent.directive.ConsentDirective;
import org.bridgeway.consent.directive.DirectiveKind;
import org.bridgeway.consent.directive.DiscloserClass;
import org.bridgeway.consent.directive.ExpiryEvent;
import org.bridgeway.consent.directive.RecipientClass;
import org.bridgeway.consent.directive.RevocationMethod;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.UserId;
import org.bridgeway.supervision.PersonId;
import org.junit.jupiter.api.Test;

/** The scenario matrix of the consent engine: each situation with its expected answer. */
class ConsentRulesTest {

  static final Instant NOW = Instant.parse("2026-05-10T12:00:00Z");
  static final LocalDate TODAY = LocalDate.of(2026, 5, 10);

  final PersonId person = PersonId.random();
  final OrganizationId agency = OrganizationId.random();
  final OrganizationId program = OrganizationId.random();
  final OrganizationId otherProgram = OrganizationId.random();
  final BridgewayPrincipal officer =
      BridgewayPrincipal.user(
          UserId.random(),
          agency,
          OrganizationKind.PROBATION_AGENCY,
          "Agency",
          "Officer",
          Set.of(Role.OFFICER));
  final BridgewayPrincipal providerStaff =
      BridgewayPrincipal.user(
          UserId.random(),
          otherProgram,
          OrganizationKind.TREATMENT_PROVIDER,
          "Other program",
          "Counselor",
          Set.of(Role.PROVIDER_STAFF));
  final MapFacts facts = new MapFacts();

  DisclosureRequest attendance() {
    return new DisclosureRequest(
        person,
        program,
        InformationCategory.ATTENDANCE,
        DisclosurePurpose.SUPERVISION_MONITORING,
        Sensitivity.PART_2);
  }

  /** A general consent: the program discloses attendance to the agency for monitoring. */
  DirectiveBuilder consent() {
    DirectiveBuilder builder = new DirectiveBuilder(person);
    builder.disclosers = Set.of(program);
    builder.recipientOrganizations = Set.of(agency);
    return builder;
  }

  ConsentDecision decide(
      BridgewayPrincipal recipient, DisclosureRequest request, ConsentDirective... directives) {
    return ConsentRules.decide(recipient, request, List.of(directives), facts, NOW, ZoneOffset.UTC);
  }

  @Test
  void noDirectiveWithholdsWithNoConsent() {
    assertThat(decide(officer, attendance()))
        .isEqualTo(ConsentDecision.withheld(WithholdingReason.NO_CONSENT, null, null));
  }

  @Test
  void ordinaryDataNeedsNoDirective() {
    DisclosureRequest ordinary =
        new DisclosureRequest(
            person,
            program,
            InformationCategory.ATTENDANCE,
            DisclosurePurpose.SUPERVISION_MONITORING,
            Sensitivity.ORDINARY);
    assertThat(decide(officer, ordinary)).isEqualTo(ConsentDecision.ordinary());
  }

  @Test
  void activeDirectivePermitsNamingIt() {
    ConsentDirective active = consent().build();
    assertThat(decide(officer, attendance(), active))
        .isEqualTo(ConsentDecision.permittedBy(active.id()));
  }

  @Test
  void healthDataNeedsConsentLikePart2Data() {
    DisclosureRequest health =
        new DisclosureRequest(
            person,
            program,
            InformationCategory.ATTENDANCE,
            DisclosurePurpose.SUPERVISION_MONITORING,
            Sensitivity.HEALTH);
    assertThat(decide(officer, health).reason()).isEqualTo(WithholdingReason.NO_CONSENT);
  }

  @Test
  void directiveExpiredByDateWithholdsSinceTheExpiryDay() {
    DirectiveBuilder builder = consent();
    builder.expiresOn = LocalDate.of(2026, 5, 3);
    ConsentDirective expired = builder.build();
    assertThat(decide(officer, attendance(), expired))
        .isEqualTo(
            ConsentDecision.withheld(
                WithholdingReason.EXPIRED, expired.id(), LocalDate.of(2026, 5, 3)));
  }

  @Test
  void expiryDateIsExclusiveTheDirectivePermitsUntilTheDayBefore() {
    DirectiveBuilder builder = consent();
    builder.expiresOn = TODAY.plusDays(1);
    ConsentDirective lastDay = builder.build();
    assertThat(decide(officer, attendance(), lastDay).permitted()).isTrue();
    builder.expiresOn = TODAY;
    assertThat(decide(officer, attendance(), builder.build()).reason())
        .isEqualTo(WithholdingReason.EXPIRED);
  }

  @Test
  void directiveExpiredByEndOfSupervisionWithholdsSinceTheEvent() {
    ConsentDirective byEvent = consent().build();
    assertThat(decide(officer, attendance(), byEvent).permitted()).isTrue();
    facts.supervisionEnded.put(person, LocalDate.of(2026, 4, 30));
    assertThat(decide(officer, attendance(), byEvent))
        .isEqualTo(
            ConsentDecision.withheld(
                WithholdingReason.EXPIRED_BY_EVENT, byEvent.id(), LocalDate.of(2026, 4, 30)));
  }

  @Test
  void directiveExpiredByEndOfTreatmentAtTheDiscloser() {
    DirectiveBuilder builder = consent();
    builder.expiryEvent = ExpiryEvent.END_OF_TREATMENT;
    ConsentDirective byTreatment = builder.build();
    facts.treatmentEnded.put(List.of(person, otherProgram), LocalDate.of(2026, 4, 1));
    assertThat(decide(officer, attendance(), byTreatment).permitted()).isTrue();
    facts.treatmentEnded.put(List.of(person, program), LocalDate.of(2026, 5, 2));
    assertThat(decide(officer, attendance(), byTreatment))
        .isEqualTo(
            ConsentDecision.withheld(
                WithholdingReason.EXPIRED_BY_EVENT, byTreatment.id(), LocalDate.of(2026, 5, 2)));
  }

  @Test
  void eventInTheFutureDoesNotEndTheDirectiveYet() {
    facts.supervisionEnded.put(person, TODAY.plusDays(1));
    assertThat(decide(officer, attendance(), consent().build()).permitted()).isTrue();
  }

  @Test
  void revokedDirectiveWithholdsSinceTheRevocation() {
    DirectiveBuilder builder = consent();
    builder.revokedAt = Instant.parse("2026-05-04T09:30:00Z");
    ConsentDirective revoked = builder.build();
    assertThat(decide(officer, attendance(), revoked))
        .isEqualTo(
            ConsentDecision.withheld(
                WithholdingReason.REVOKED, revoked.id(), LocalDate.of(2026, 5, 4)));
  }

  @Test
  void revocationTakesEffectFromItsMomentNotBefore() {
    DirectiveBuilder builder = consent();
    builder.revokedAt = NOW.plusSeconds(1);
    assertThat(decide(officer, attendance(), builder.build()).permitted()).isTrue();
    builder.revokedAt = NOW;
    assertThat(decide(officer, attendance(), builder.build()).reason())
        .isEqualTo(WithholdingReason.REVOKED);
  }

  @Test
  void irrevocableUntilEndOfSupervisionPermitsAndRefusesRevocationUntilThen() {
    DirectiveBuilder builder = consent();
    builder.kind = DirectiveKind.CRIMINAL_JUSTICE;
    builder.recipientOrganizations = Set.of();
    builder.recipientClass = RecipientClass.MONITORING;
    builder.irrevocableUntilEvent = ExpiryEvent.END_OF_SUPERVISION;
    facts.seen.add(person);
    ConsentDirective irrevocable = builder.build();
    assertThat(decide(officer, attendance(), irrevocable))
        .isEqualTo(ConsentDecision.permittedBy(irrevocable.id()));
    assertThatThrownBy(
            () ->
                irrevocable.revoke(
                    RevocationMethod.IN_PERSON, "user:x", NOW, TODAY, Optional.empty()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("irrevocable");
    assertThat(irrevocable.revoked()).isFalse();
    irrevocable.revoke(
        RevocationMethod.IN_PERSON, "user:x", NOW, TODAY, Optional.of(TODAY.minusDays(1)));
    assertThat(irrevocable.revoked()).isTrue();
  }

  @Test
  void revokingARevokedDirectiveIsRefused() {
    ConsentDirective directive = consent().build();
    directive.revoke(RevocationMethod.ORALLY, "user:x", NOW, TODAY, Optional.empty());
    assertThatThrownBy(
            () -> directive.revoke(RevocationMethod.ORALLY, "user:x", NOW, TODAY, Optional.empty()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already revoked");
  }

  @Test
  void wrongRecipientWithholdsWithNoConsent() {
    DirectiveBuilder builder = consent();
    builder.recipientOrganizations = Set.of(OrganizationId.random());
    assertThat(decide(officer, attendance(), builder.build()))
        .isEqualTo(ConsentDecision.withheld(WithholdingReason.NO_CONSENT, null, null));
  }

  @Test
  void namedUserIsCoveredAndTheirColleagueIsNot() {
    DirectiveBuilder builder = consent();
    builder.recipientOrganizations = Set.of();
    builder.recipientUsers = Set.of(officer.user());
    ConsentDirective named = builder.build();
    assertThat(decide(officer, attendance(), named).permitted()).isTrue();
    BridgewayPrincipal colleague =
        BridgewayPrincipal.user(
            UserId.random(),
            agency,
            OrganizationKind.PROBATION_AGENCY,
            "A",
            "B",
            Set.of(Role.OFFICER));
    assertThat(decide(colleague, attendance(), named).reason())
        .isEqualTo(WithholdingReason.NO_CONSENT);
  }

  @Test
  void wrongCategoryWithholdsNamingTheDirective() {
    ConsentDirective directive = consent().build();
    DisclosureRequest drugTests =
        new DisclosureRequest(
            person,
            program,
            InformationCategory.DRUG_TEST_RESULTS,
            DisclosurePurpose.SUPERVISION_MONITORING,
            Sensitivity.PART_2);
    assertThat(decide(officer, drugTests, directive))
        .isEqualTo(
            ConsentDecision.withheld(WithholdingReason.CATEGORY_NOT_COVERED, directive.id(), null));
  }

  @Test
  void allCategoriesCoverEveryCategory() {
    DirectiveBuilder builder = consent();
    builder.allCategories = true;
    ConsentDirective all = builder.build();
    for (InformationCategory category : InformationCategory.values()) {
      DisclosureRequest request =
          new DisclosureRequest(
              person,
              program,
              category,
              DisclosurePurpose.SUPERVISION_MONITORING,
              Sensitivity.PART_2);
      assertThat(decide(officer, request, all).permitted()).as(category.name()).isTrue();
    }
  }

  @Test
  void wrongPurposeWithholdsNamingTheDirective() {
    ConsentDirective directive = consent().build();
    DisclosureRequest forCourt =
        new DisclosureRequest(
            person,
            program,
            InformationCategory.ATTENDANCE,
            DisclosurePurpose.COURT_REPORTING,
            Sensitivity.PART_2);
    assertThat(decide(officer, forCourt, directive))
        .isEqualTo(
            ConsentDecision.withheld(WithholdingReason.PURPOSE_NOT_COVERED, directive.id(), null));
  }

  @Test
  void recipientOutsideTheMonitoringClassIsWithheld() {
    DirectiveBuilder builder = consent();
    builder.kind = DirectiveKind.CRIMINAL_JUSTICE;
    builder.recipientOrganizations = Set.of();
    builder.recipientClass = RecipientClass.MONITORING;
    ConsentDirective criminalJustice = builder.build();
    assertThat(decide(officer, attendance(), criminalJustice))
        .isEqualTo(
            ConsentDecision.withheld(
                WithholdingReason.RECIPIENT_NOT_MONITORING, criminalJustice.id(), null));
    // A treatment provider is not in the class at all.
    assertThat(decide(providerStaff, attendance(), criminalJustice).reason())
        .isEqualTo(WithholdingReason.NO_CONSENT);
    facts.seen.add(person);
    assertThat(decide(officer, attendance(), criminalJustice).permitted()).isTrue();
  }

  @Test
  void namedAgencyUnderCriminalJusticeConsentStillHasToMonitorThePerson() {
    DirectiveBuilder builder = consent();
    builder.kind = DirectiveKind.CRIMINAL_JUSTICE;
    ConsentDirective named = builder.build();
    assertThat(decide(officer, attendance(), named).reason())
        .isEqualTo(WithholdingReason.RECIPIENT_NOT_MONITORING);
    OrganizationId court = OrganizationId.random();
    builder.recipientOrganizations = Set.of(court);
    BridgewayPrincipal clerk =
        BridgewayPrincipal.user(
            UserId.random(),
            court,
            OrganizationKind.COURT,
            "Court",
            "Clerk",
            Set.of(Role.PARTNER_STAFF));
    assertThat(decide(clerk, attendance(), builder.build()).permitted()).isTrue();
  }

  @Test
  void directiveFromAnotherProgramWithholdsWithNoConsent() {
    DirectiveBuilder builder = consent();
    builder.disclosers = Set.of(otherProgram);
    assertThat(decide(officer, attendance(), builder.build()))
        .isEqualTo(ConsentDecision.withheld(WithholdingReason.NO_CONSENT, null, null));
  }

  @Test
  void anyPart2ProgramClassCoversRegisteredProgramsOnly() {
    DirectiveBuilder builder = consent();
    builder.disclosers = Set.of();
    builder.discloserClass = DiscloserClass.ANY_PART_2_PROGRAM;
    ConsentDirective anyProgram = builder.build();
    assertThat(decide(officer, attendance(), anyProgram).reason())
        .isEqualTo(WithholdingReason.NO_CONSENT);
    facts.part2.add(program);
    assertThat(decide(officer, attendance(), anyProgram).permitted()).isTrue();
  }

  @Test
  void treatmentPaymentOperationsClassCoversTreatmentProviders() {
    DirectiveBuilder builder = consent();
    builder.recipientOrganizations = Set.of();
    builder.recipientClass = RecipientClass.TREATMENT_PAYMENT_OPERATIONS;
    builder.purposes = EnumSet.of(DisclosurePurpose.TREATMENT);
    ConsentDirective tpo = builder.build();
    DisclosureRequest forTreatment =
        new DisclosureRequest(
            person,
            program,
            InformationCategory.ATTENDANCE,
            DisclosurePurpose.TREATMENT,
            Sensitivity.PART_2);
    assertThat(decide(providerStaff, forTreatment, tpo).permitted()).isTrue();
    assertThat(decide(officer, forTreatment, tpo).reason()).isEqualTo(WithholdingReason.NO_CONSENT);
  }

  @Test
  void supersededDirectiveIsReplacedByItsAmendment() {
    DirectiveBuilder old = consent();
    old.supersededAt = NOW.minusSeconds(60);
    DirectiveBuilder amendment = consent();
    amendment.categories = EnumSet.of(InformationCategory.PROGRESS);
    ConsentDirective newer = amendment.build();
    assertThat(decide(officer, attendance(), old.build(), newer))
        .isEqualTo(
            ConsentDecision.withheld(WithholdingReason.CATEGORY_NOT_COVERED, newer.id(), null));
  }

  @Test
  void theMostSpecificReasonWinsAnExpiredFullMatchOverAWrongCategory() {
    DirectiveBuilder expired = consent();
    expired.expiresOn = LocalDate.of(2026, 5, 3);
    ConsentDirective expiredDirective = expired.build();
    DirectiveBuilder narrow = consent();
    narrow.categories = EnumSet.of(InformationCategory.PROGRESS);
    assertThat(decide(officer, attendance(), narrow.build(), expiredDirective))
        .isEqualTo(
            ConsentDecision.withheld(
                WithholdingReason.EXPIRED, expiredDirective.id(), LocalDate.of(2026, 5, 3)));
  }

  @Test
  void anyActiveDirectivePermitsEvenBesideARevokedOne() {
    DirectiveBuilder revoked = consent();
    revoked.revokedAt = NOW.minusSeconds(3600);
    ConsentDirective active = consent().build();
    assertThat(decide(officer, attendance(), revoked.build(), active))
        .isEqualTo(ConsentDecision.permittedBy(active.id()));
  }

  @Test
  void theEarliestEndOfADirectiveIsItsReason() {
    DirectiveBuilder builder = consent();
    builder.expiresOn = LocalDate.of(2026, 5, 3);
    builder.revokedAt = Instant.parse("2026-05-06T10:00:00Z");
    assertThat(decide(officer, attendance(), builder.build()).reason())
        .isEqualTo(WithholdingReason.EXPIRED);
  }

  @Test
  void emergencyGrantPermitsWithBreakGlassWhenNoDirectiveDoes() {
    facts.granted.add(person);
    assertThat(decide(officer, attendance())).isEqualTo(ConsentDecision.emergency());
    ConsentDirective active = consent().build();
    assertThat(decide(officer, attendance(), active))
        .isEqualTo(ConsentDecision.permittedBy(active.id()));
  }

  @Test
  void anotherPersonsDirectiveCoversNothing() {
    DirectiveBuilder builder = consent();
    builder.person = PersonId.random();
    assertThat(decide(officer, attendance(), builder.build()).reason())
        .isEqualTo(WithholdingReason.NO_CONSENT);
  }
}
