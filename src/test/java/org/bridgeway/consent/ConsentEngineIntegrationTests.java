package org.bridgeway.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bridgeway.consent.directive.ConsentDirective;
import org.bridgeway.consent.directive.ConsentDirectiveRecords;
import org.bridgeway.consent.directive.ConsentDirectiveRecords.NewDirective;
import org.bridgeway.consent.directive.DirectiveKind;
import org.bridgeway.consent.directive.DirectiveTerms;
import org.bridgeway.consent.directive.Directives;
import org.bridgeway.consent.directive.ExpiryEvent;
import org.bridgeway.consent.directive.FormLanguage;
import org.bridgeway.consent.directive.RecipientClass;
import org.bridgeway.consent.directive.RevocationMethod;
import org.bridgeway.consent.directive.SignatureMethod;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.UserId;
import org.bridgeway.shared.web.DomainRuleViolation;
import org.bridgeway.shared.web.FieldViolation;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.supervision.CaseId;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.caseload.CaseRecords;
import org.bridgeway.supervision.caseload.ClosureReason;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.MutableClock;
import org.bridgeway.testing.SupervisionFixtures;
import org.bridgeway.testing.SupervisionFixtures.Supervised;
import org.bridgeway.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The directive services and the engine on the database: record, decide, revoke, expire. */
@IntegrationTest
class ConsentEngineIntegrationTests {

  @Autowired ConsentDirectiveRecords records;
  @Autowired ConsentDecisions decisions;
  @Autowired SupervisionFixtures supervision;
  @Autowired TestUsers users;
  @Autowired CaseRecords cases;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;

  OrganizationId agency;
  OrganizationId program;
  Supervised supervised;
  PersonId person;
  BridgewayPrincipal officer;
  BridgewayPrincipal counselor;

  @BeforeEach
  void setUp() {
    agency = users.organization(OrganizationKind.PROBATION_AGENCY);
    program = users.organization(OrganizationKind.TREATMENT_PROVIDER);
    supervised = supervision.supervised(agency);
    person = new PersonId(supervised.person());
    officer = officerOf(agency, supervised.officer());
    counselor =
        BridgewayPrincipal.user(
            UserId.random(),
            program,
            OrganizationKind.TREATMENT_PROVIDER,
            "Program",
            "Counselor",
            Set.of(Role.PROVIDER_STAFF));
  }

  static BridgewayPrincipal officerOf(OrganizationId agency, UserId user) {
    return BridgewayPrincipal.user(
        user, agency, OrganizationKind.PROBATION_AGENCY, "Agency", "Officer", Set.of(Role.OFFICER));
  }

  DirectiveTerms terms(LocalDate expiresOn, ExpiryEvent event) {
    return new DirectiveTerms(
        DirectiveKind.GENERAL,
        null,
        Set.of(program),
        false,
        EnumSet.of(InformationCategory.ATTENDANCE, InformationCategory.DRUG_TEST_RESULTS),
        null,
        Set.of(agency),
        Set.of(),
        EnumSet.of(DisclosurePurpose.SUPERVISION_MONITORING),
        expiresOn,
        event,
        null,
        null,
        "Tell your officer or the program, in person or in writing.");
  }

  NewDirective electronic(DirectiveTerms terms) {
    return new NewDirective(
        terms,
        null,
        LocalDate.now(clock),
        SignatureMethod.ELECTRONIC,
        "Pat Example",
        true,
        null,
        FormLanguage.EN);
  }

  DisclosureRequest ask(InformationCategory category) {
    return new DisclosureRequest(
        person, program, category, DisclosurePurpose.SUPERVISION_MONITORING, Sensitivity.PART_2);
  }

  @Test
  void recordedDirectivePermitsExactlyAsFarAsItAllows() {
    ConsentDirective directive =
        records.record(officer, person, electronic(terms(null, ExpiryEvent.END_OF_SUPERVISION)));
    assertThat(directive.signature().attestedBy()).isEqualTo(officer.reference());

    assertThat(decisions.decide(officer, ask(InformationCategory.ATTENDANCE)))
        .isEqualTo(ConsentDecision.permittedBy(directive.id()));
    assertThat(decisions.decide(officer, ask(InformationCategory.DIAGNOSIS)).reason())
        .isEqualTo(WithholdingReason.CATEGORY_NOT_COVERED);
    assertThat(decisions.decide(counselor, ask(InformationCategory.ATTENDANCE)).reason())
        .isEqualTo(WithholdingReason.NO_CONSENT);
    assertThat(records.directivesOf(officer, person))
        .extracting(ConsentDirective::id)
        .containsExactly(directive.id());
  }

  @Test
  void revocationTakesEffectOnTheNextRequest() {
    ConsentDirective directive =
        records.record(officer, person, electronic(terms(null, ExpiryEvent.END_OF_SUPERVISION)));
    assertThat(decisions.decide(officer, ask(InformationCategory.ATTENDANCE)).permitted()).isTrue();

    ConsentDirective revoked =
        records.revoke(officer, directive.id(), RevocationMethod.ORALLY, directive.version());

    assertThat(revoked.revokedBy()).isEqualTo(officer.reference());
    assertThat(decisions.decide(officer, ask(InformationCategory.ATTENDANCE)))
        .isEqualTo(
            ConsentDecision.withheld(
                WithholdingReason.REVOKED, directive.id(), LocalDate.now(clock)));
    assertThatThrownBy(
            () ->
                records.revoke(officer, directive.id(), RevocationMethod.ORALLY, revoked.version()))
        .isInstanceOf(DomainRuleViolation.class)
        .extracting(e -> ((DomainRuleViolation) e).code())
        .isEqualTo("consent.directive.revoked");
  }

  @Test
  void expiryByDateNeedsNoJob() {
    LocalDate expiry = LocalDate.now(clock).plusDays(2);
    ConsentDirective directive = records.record(officer, person, electronic(terms(expiry, null)));
    assertThat(decisions.decide(officer, ask(InformationCategory.ATTENDANCE)).permitted()).isTrue();
    clock.advance(Duration.ofDays(3));
    try {
      assertThat(decisions.decide(officer, ask(InformationCategory.ATTENDANCE)))
          .isEqualTo(ConsentDecision.withheld(WithholdingReason.EXPIRED, directive.id(), expiry));
    } finally {
      clock.advance(Duration.ofDays(-3));
    }
  }

  @Test
  void expiryAtTheEndOfSupervisionNeedsNoJob() {
    records.record(officer, person, electronic(terms(null, ExpiryEvent.END_OF_SUPERVISION)));
    LocalDate closedOn = LocalDate.now(clock).minusDays(1);
    cases.close(
        SupervisionFixtures.administratorOf(agency),
        new CaseId(supervised.supervisionCase()),
        ClosureReason.SUCCESSFUL_COMPLETION,
        closedOn,
        supervised.caseVersion());
    ConsentDecision decision = decisions.decide(officer, ask(InformationCategory.ATTENDANCE));
    assertThat(decision.reason()).isEqualTo(WithholdingReason.EXPIRED_BY_EVENT);
    assertThat(decision.since()).isEqualTo(closedOn);
  }

  @Test
  void decideAllAnswersEveryRowInOrder() {
    ConsentDirective directive =
        records.record(officer, person, electronic(terms(null, ExpiryEvent.END_OF_SUPERVISION)));
    Supervised other = supervision.supervised(agency, supervised.officer());
    List<DisclosureRequest> rows = new ArrayList<>();
    rows.add(ask(InformationCategory.ATTENDANCE));
    rows.add(
        new DisclosureRequest(
            new PersonId(other.person()),
            program,
            InformationCategory.ATTENDANCE,
            DisclosurePurpose.SUPERVISION_MONITORING,
            Sensitivity.PART_2));
    rows.add(
        new DisclosureRequest(
            new PersonId(other.person()),
            program,
            InformationCategory.ATTENDANCE,
            DisclosurePurpose.SUPERVISION_MONITORING,
            Sensitivity.ORDINARY));
    assertThat(decisions.decideAll(officer, rows))
        .containsExactly(
            ConsentDecision.permittedBy(directive.id()),
            ConsentDecision.withheld(WithholdingReason.NO_CONSENT, null, null),
            ConsentDecision.ordinary());
  }

  @Test
  void aPageOfManyPeopleIsDecidedAsEachPersonAlone() {
    records.record(officer, person, electronic(terms(null, ExpiryEvent.END_OF_SUPERVISION)));
    Supervised ended = supervision.supervised(agency, supervised.officer());
    PersonId endedPerson = new PersonId(ended.person());
    records.record(officer, endedPerson, electronic(terms(null, ExpiryEvent.END_OF_SUPERVISION)));
    LocalDate closedOn = LocalDate.now(clock).minusDays(2);
    cases.close(
        SupervisionFixtures.administratorOf(agency),
        new CaseId(ended.supervisionCase()),
        ClosureReason.SUCCESSFUL_COMPLETION,
        closedOn,
        ended.caseVersion());
    List<DisclosureRequest> rows = new ArrayList<>();
    for (PersonId who : List.of(person, endedPerson)) {
      for (InformationCategory category :
          List.of(InformationCategory.ATTENDANCE, InformationCategory.DIAGNOSIS)) {
        rows.add(
            new DisclosureRequest(
                who,
                program,
                category,
                DisclosurePurpose.SUPERVISION_MONITORING,
                Sensitivity.PART_2));
      }
    }

    List<ConsentDecision> page = decisions.decideAll(officer, rows);

    assertThat(page)
        .containsExactlyElementsOf(rows.stream().map(r -> decisions.decide(officer, r)).toList());
    assertThat(page.get(0).permitted()).isTrue();
    assertThat(page.get(2).reason()).isEqualTo(WithholdingReason.EXPIRED_BY_EVENT);
    assertThat(page.get(2).since()).isEqualTo(closedOn);
  }

  @Test
  void permittedDisclosureIsRecordedAndAWithheldOneIsNot() {
    ConsentDirective directive =
        records.record(officer, person, electronic(terms(null, ExpiryEvent.END_OF_SUPERVISION)));
    transactions.executeWithoutResult(
        status -> {
          decisions.disclose(officer, ask(InformationCategory.ATTENDANCE), "3 attendance records");
          decisions.disclose(officer, ask(InformationCategory.DIAGNOSIS), "1 diagnosis");
        });
    List<String> recorded =
        jdbc.sql(
                "SELECT category || ':' || directive_id || ':' || records FROM consent_disclosure"
                    + " WHERE person_id = :person")
            .param("person", person.value())
            .query(String.class)
            .list();
    assertThat(recorded).containsExactly("ATTENDANCE:" + directive.id() + ":3 attendance records");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_entry WHERE action = 'consent.disclosure'"
                        + " AND person_id = :person")
                .param("person", person.value())
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void incompleteDirectiveNamesEachFieldAndWritesNothing() {
    DirectiveTerms empty =
        new DirectiveTerms(
            DirectiveKind.GENERAL,
            null,
            Set.of(),
            false,
            Set.of(),
            null,
            Set.of(),
            Set.of(),
            Set.of(),
            null,
            null,
            null,
            null,
            " ");
    assertThatThrownBy(() -> records.record(officer, person, electronic(empty)))
        .isInstanceOf(ConsentInputRejected.class)
        .extracting(
            e ->
                ((ConsentInputRejected) e)
                    .violations().stream().map(FieldViolation::field).toList())
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
        .containsExactlyInAnyOrder(
            "disclosers",
            "categories",
            "recipients",
            "purposes",
            "expiresOn",
            "revocationInstructions");
    assertThat(records.directivesOf(officer, person)).isEmpty();
  }

  @Test
  void expiryBeforeSignatureFutureSignatureAndUnknownNamesAreRejected() {
    LocalDate today = LocalDate.now(clock);
    DirectiveTerms unknown =
        new DirectiveTerms(
            DirectiveKind.CRIMINAL_JUSTICE,
            null,
            Set.of(OrganizationId.random()),
            true,
            null,
            RecipientClass.MONITORING,
            Set.of(program),
            Set.of(UserId.random()),
            EnumSet.of(DisclosurePurpose.SUPERVISION_MONITORING),
            today.minusDays(1),
            null,
            null,
            null,
            "In writing.");
    NewDirective command =
        new NewDirective(
            unknown,
            null,
            today.plusDays(1),
            SignatureMethod.ELECTRONIC,
            "Pat",
            false,
            null,
            FormLanguage.ES);
    assertThatThrownBy(() -> records.record(officer, person, command))
        .isInstanceOf(ConsentInputRejected.class)
        .extracting(
            e ->
                ((ConsentInputRejected) e)
                    .violations().stream().map(v -> v.field() + ":" + v.code()).toList())
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
        .containsExactlyInAnyOrder(
            "signedOn:InFuture",
            "expiresOn:BeforeSignature",
            "attested:AssertTrue",
            "disclosers:UnknownOrganization",
            "recipientOrganizations:OutsideMonitoring",
            "recipientUsers:UnknownUser");
    assertThat(records.directivesOf(officer, person)).isEmpty();
  }

  @Test
  void paperScanMustBeWhatItSaysAndIsKept() {
    byte[] pdf = "%PDF-1.4 signed form".getBytes();
    NewDirective paper =
        new NewDirective(
            terms(null, ExpiryEvent.END_OF_SUPERVISION),
            null,
            LocalDate.now(clock),
            SignatureMethod.PAPER,
            null,
            false,
            new Directives.Scan("application/pdf", pdf),
            FormLanguage.ES);
    ConsentDirective directive = records.record(officer, person, paper);
    assertThat(records.scanOf(officer, directive.id()).content()).isEqualTo(pdf);

    NewDirective disguised =
        new NewDirective(
            terms(null, ExpiryEvent.END_OF_SUPERVISION),
            null,
            LocalDate.now(clock),
            SignatureMethod.PAPER,
            null,
            false,
            new Directives.Scan("image/png", "MZ executable".getBytes()),
            FormLanguage.EN);
    assertThatThrownBy(() -> records.record(officer, person, disguised))
        .isInstanceOf(ConsentInputRejected.class)
        .hasMessageContaining("scan.content");
  }

  @Test
  void anotherOfficerDoesNotSeeTheDirectives() {
    ConsentDirective directive =
        records.record(officer, person, electronic(terms(null, ExpiryEvent.END_OF_SUPERVISION)));
    BridgewayPrincipal stranger = officerOf(agency, supervision.officer(agency));
    assertThatThrownBy(() -> records.directive(stranger, directive.id()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> records.directivesOf(stranger, person))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void amendmentSupersedesTheOldDirective() {
    ConsentDirective old =
        records.record(officer, person, electronic(terms(null, ExpiryEvent.END_OF_SUPERVISION)));
    DirectiveTerms wider =
        new DirectiveTerms(
            DirectiveKind.GENERAL,
            null,
            Set.of(program),
            true,
            null,
            null,
            Set.of(agency),
            Set.of(),
            EnumSet.of(DisclosurePurpose.SUPERVISION_MONITORING),
            null,
            ExpiryEvent.END_OF_SUPERVISION,
            null,
            null,
            "In writing.");
    ConsentDirective amendment = records.amend(officer, old.id(), old.version(), electronic(wider));
    assertThat(records.directive(officer, old.id()).supersededBy()).isEqualTo(amendment.id());
    assertThat(decisions.decide(officer, ask(InformationCategory.DIAGNOSIS)))
        .isEqualTo(ConsentDecision.permittedBy(amendment.id()));
    assertThatThrownBy(() -> records.amend(officer, old.id(), old.version(), electronic(wider)))
        .isInstanceOf(org.springframework.dao.OptimisticLockingFailureException.class);
  }

  @Test
  void criminalJusticeConsentIrrevocableUntilEndOfSupervisionRefusesRevocation() {
    DirectiveTerms criminalJustice =
        new DirectiveTerms(
            DirectiveKind.CRIMINAL_JUSTICE,
            null,
            Set.of(program),
            false,
            EnumSet.of(InformationCategory.ATTENDANCE),
            RecipientClass.MONITORING,
            Set.of(),
            Set.of(),
            EnumSet.of(DisclosurePurpose.SUPERVISION_MONITORING),
            null,
            ExpiryEvent.END_OF_SUPERVISION,
            null,
            ExpiryEvent.END_OF_SUPERVISION,
            "Irrevocable until your supervision ends.");
    ConsentDirective directive = records.record(officer, person, electronic(criminalJustice));
    assertThat(decisions.decide(officer, ask(InformationCategory.ATTENDANCE)).permitted()).isTrue();
    BridgewayPrincipal stranger = officerOf(agency, supervision.officer(agency));
    assertThat(decisions.decide(stranger, ask(InformationCategory.ATTENDANCE)).reason())
        .isEqualTo(WithholdingReason.RECIPIENT_NOT_MONITORING);
    assertThatThrownBy(
            () ->
                records.revoke(
                    officer, directive.id(), RevocationMethod.IN_WRITING, directive.version()))
        .isInstanceOf(DomainRuleViolation.class)
        .extracting(e -> ((DomainRuleViolation) e).code())
        .isEqualTo("consent.directive.irrevocable");
    assertThat(records.directive(officer, directive.id()).revoked()).isFalse();
  }
}
