package org.bridgeway.referrals.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bridgeway.consent.DisclosurePurpose;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.consent.WithholdingReason;
import org.bridgeway.consent.directive.ConsentDirective;
import org.bridgeway.consent.directive.ConsentDirectiveRecords;
import org.bridgeway.consent.directive.DirectiveKind;
import org.bridgeway.consent.directive.DirectiveTerms;
import org.bridgeway.consent.directive.Directives;
import org.bridgeway.consent.directive.ExpiryEvent;
import org.bridgeway.consent.directive.FormLanguage;
import org.bridgeway.consent.directive.SignatureMethod;
import org.bridgeway.directory.ServiceId;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.UserId;
import org.bridgeway.referrals.ReferralChanged;
import org.bridgeway.referrals.ReferralChanged.Change;
import org.bridgeway.referrals.ReferralId;
import org.bridgeway.referrals.ReferralState;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.shared.web.PageQuery;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.testing.ConsentFixtures;
import org.bridgeway.testing.DirectoryFixtures;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.MutableClock;
import org.bridgeway.testing.ReferralFixtures;
import org.bridgeway.testing.SupervisionFixtures;
import org.bridgeway.testing.SupervisionFixtures.Supervised;
import org.bridgeway.testing.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@IntegrationTest
@RecordApplicationEvents
class ReferralRecordsIntegrationTests {

  @Autowired ReferralRecords referrals;
  @Autowired ReferralFixtures fixtures;
  @Autowired SupervisionFixtures supervision;
  @Autowired DirectoryFixtures directory;
  @Autowired TestUsers users;
  @Autowired ConsentDirectiveRecords directives;
  @Autowired DeadlineWatch deadlines;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationEvents events;

  OrganizationId agency;
  OrganizationId provider;
  BridgewayPrincipal referrer;
  BridgewayPrincipal staff;
  Instant started;

  @BeforeEach
  void setUp() {
    started = clock.instant();
    agency = users.organization(OrganizationKind.PROBATION_AGENCY);
    provider = users.organization(OrganizationKind.TREATMENT_PROVIDER);
    referrer = ReferralFixtures.referrerOf(agency);
    staff = ReferralFixtures.providerStaffOf(provider);
  }

  @AfterEach
  void restoreClock() {
    clock.set(started);
  }

  private ReferralView draft(Supervised person, UUID service, Set<InformationCategory> shared) {
    ReferralRecords.Draft base = ReferralFixtures.draft(service);
    return referrals.draft(
        referrer,
        new PersonId(person.person()),
        new ReferralRecords.Draft(
            base.service(),
            base.needDomain(),
            base.goal(),
            base.reason(),
            "Two prior treatment episodes",
            base.riskInformation(),
            shared,
            base.urgency(),
            base.preferredContact()));
  }

  private List<Change> changesOf(ReferralId id) {
    return events.stream(ReferralChanged.class)
        .filter(e -> e.referral().equals(id))
        .map(ReferralChanged::change)
        .toList();
  }

  @Test
  void referralGoesRoundTheLoopAndEachTransitionPublishesItsChange() {
    Supervised person = supervision.supervised(agency);
    UUID service = directory.stewardedService(provider);
    ReferralView draft = draft(person, service, Set.of());
    assertThat(draft.state()).isEqualTo(ReferralState.DRAFT);
    assertThat(draft.version()).isZero();
    ReferralId id = draft.id();

    assertThatThrownBy(() -> referrals.atProvider(staff, id))
        .as("a draft is not the provider's to see")
        .isInstanceOf(NotFoundException.class);

    ReferralView sent = referrals.send(referrer, id, new ReferralRecords.Send(null), 0);
    assertThat(sent.state()).isEqualTo(ReferralState.SENT);
    assertThat(sent.providerOrganization()).isEqualTo(provider);
    assertThat(sent.respondBy()).isAfter(sent.sentAt());
    assertThat(
            referrals.inbox(staff, InboxFilter.NEW, PageQuery.of(0, 200)).items().stream()
                .map(ReferralSummary::id))
        .containsExactly(id);

    UserId caseworker = users.withoutSecondFactor(provider, Role.PROVIDER_STAFF).id();
    long v = referrals.assign(staff, id, caseworker, sent.version()).version();
    assertThat(referrals.inbox(staff, InboxFilter.NEW, PageQuery.of(0, 200)).items()).isEmpty();
    v = referrals.accept(staff, id, v).version();
    v = referrals.scheduleIntake(staff, id, fixtures.intake(), v).version();
    v = referrals.start(staff, id, v).version();
    ReferralView done = referrals.complete(staff, id, "Completed all sessions", v);
    assertThat(done.state()).isEqualTo(ReferralState.COMPLETED);

    assertThat(changesOf(id))
        .containsExactly(
            Change.SENT,
            Change.ASSIGNED,
            Change.ACCEPTED,
            Change.INTAKE_SCHEDULED,
            Change.STARTED,
            Change.COMPLETED);
    List<ReferralChanged> published =
        events.stream(ReferralChanged.class).filter(e -> e.referral().equals(id)).toList();
    assertThat(published.getLast().version()).isEqualTo(done.version());
    assertThat(published.getLast().assignedCaseworker()).isEqualTo(caseworker);
    assertThat(published.getLast().providerOrganization()).isEqualTo(provider);

    ReferralView seenByOfficer = referrals.referral(referrer, id);
    assertThat(seenByOfficer.timeline())
        .extracting(TimelineEntry::kind)
        .containsExactly(
            TimelineKind.DRAFTED,
            TimelineKind.SENT,
            TimelineKind.ASSIGNED,
            TimelineKind.ACCEPTED,
            TimelineKind.INTAKE_SCHEDULED,
            TimelineKind.STARTED,
            TimelineKind.COMPLETED);
    assertThat(seenByOfficer.closingNote()).isEqualTo("Completed all sessions");
  }

  @Test
  void declineWaitlistEarlyEndWithdrawalAndAmendmentPublishTheirChanges() {
    ReferralFixtures.Made declined = fixtures.sentTo(provider);
    ReferralId d = new ReferralId(declined.id());
    referrals.decline(
        staff,
        d,
        new ReferralRecords.Decline(DeclineReason.NO_CAPACITY, "Full until spring"),
        0 + declined.version());
    assertThat(changesOf(d)).containsExactly(Change.SENT, Change.DECLINED);
    ReferralView officerSees =
        referrals.referral(ReferralFixtures.referrerOf(declined.agency()), d);
    assertThat(officerSees.closingReason()).isEqualTo("NO_CAPACITY");
    assertThat(officerSees.closingNote()).isEqualTo("Full until spring");

    ReferralFixtures.Made waiting = fixtures.sentTo(provider);
    ReferralId w = new ReferralId(waiting.id());
    long v =
        referrals
            .waitlist(staff, w, LocalDate.now(clock).plusDays(20), waiting.version())
            .version();
    assertThat(changesOf(w)).endsWith(Change.WAITLISTED);
    assertThat(referrals.inbox(staff, InboxFilter.WAITLISTED, PageQuery.of(0, 200)).items())
        .extracting(ReferralSummary::id)
        .containsExactly(w);
    BridgewayPrincipal wReferrer = ReferralFixtures.referrerOf(waiting.agency());
    v =
        referrals
            .amend(
                wReferrer,
                w,
                new ReferralRecords.Amend(null, null, "Now uses a cane", null, null, "New injury"),
                v)
            .version();
    referrals.withdraw(
        wReferrer, w, new ReferralRecords.Withdraw(WithdrawReason.REFERRED_ELSEWHERE, "Closer"), v);
    assertThat(changesOf(w)).endsWith(Change.AMENDED, Change.WITHDRAWN);
    ReferralView provided = referrals.atProvider(staff, w);
    assertThat(provided.riskInformation()).isEqualTo("Now uses a cane");
    assertThat(provided.timeline().get(provided.timeline().size() - 2).codes())
        .isEqualTo("fields=riskInformation");

    ReferralFixtures.Made going = fixtures.inState(provider, ReferralState.IN_PROGRESS);
    ReferralId g = new ReferralId(going.id());
    referrals.endEarly(
        staff,
        g,
        new ReferralRecords.EndEarly(EndReason.NON_ATTENDANCE, "Missed 3"),
        going.version());
    assertThat(changesOf(g)).endsWith(Change.STARTED, Change.ENDED_EARLY);
  }

  @Test
  void illegalTransitionIsRejectedNamingTheStateAndWritesNothing() {
    ReferralFixtures.Made made = fixtures.sentTo(provider);
    ReferralId id = new ReferralId(made.id());
    assertThatThrownBy(() -> referrals.start(staff, id, made.version()))
        .isInstanceOfSatisfying(
            ReferralTransitionRejected.class,
            e -> assertThat(e.state()).isEqualTo(ReferralState.SENT));
    ReferralView after = referrals.atProvider(staff, id);
    assertThat(after.version()).isEqualTo(made.version());
    assertThat(after.state()).isEqualTo(ReferralState.SENT);
  }

  @Test
  void staleVersionIsRefused() {
    ReferralFixtures.Made made = fixtures.sentTo(provider);
    ReferralId id = new ReferralId(made.id());
    referrals.accept(staff, id, made.version());
    assertThatThrownBy(
            () ->
                referrals.decline(
                    staff,
                    id,
                    new ReferralRecords.Decline(DeclineReason.OTHER, "Changed mind"),
                    made.version()))
        .isInstanceOf(OptimisticLockingFailureException.class);
    assertThat(referrals.atProvider(staff, id).state()).isEqualTo(ReferralState.ACCEPTED);
  }

  @Test
  void nobodyElseSeesTheReferral() {
    ReferralFixtures.Made made = fixtures.sentTo(provider);
    ReferralId id = new ReferralId(made.id());
    OrganizationId stranger = users.organization(OrganizationKind.TREATMENT_PROVIDER);
    assertThatThrownBy(() -> referrals.atProvider(ReferralFixtures.providerStaffOf(stranger), id))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> referrals.referral(ReferralFixtures.referrerOf(stranger), id))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> referrals.referral(staff, id))
        .as("the provider does not read it as the referrer")
        .isInstanceOf(NotFoundException.class);
    // an officer of the agency without the person on their caseload
    BridgewayPrincipal otherOfficer =
        BridgewayPrincipal.user(
            supervision.officer(made.agency()),
            made.agency(),
            OrganizationKind.PROBATION_AGENCY,
            "Agency",
            "Officer",
            Set.of(Role.OFFICER));
    assertThatThrownBy(() -> referrals.referral(otherOfficer, id))
        .isInstanceOf(NotFoundException.class);
    BridgewayPrincipal theirOfficer =
        BridgewayPrincipal.user(
            made.supervised().officer(),
            made.agency(),
            OrganizationKind.PROBATION_AGENCY,
            "Agency",
            "Officer",
            Set.of(Role.OFFICER));
    assertThat(referrals.referral(theirOfficer, id).person().value())
        .isEqualTo(made.supervised().person());
  }

  @Test
  void officerListsOnlyReferralsOfPeopleTheySee() {
    Supervised mine = supervision.supervised(agency);
    Supervised theirs = supervision.supervised(agency);
    BridgewayPrincipal officer =
        BridgewayPrincipal.user(
            mine.officer(),
            agency,
            OrganizationKind.PROBATION_AGENCY,
            "A",
            "O",
            Set.of(Role.OFFICER));
    ReferralView own =
        referrals.draft(officer, new PersonId(mine.person()), ReferralFixtures.draft(null));
    draft(theirs, null, Set.of());
    assertThat(
            referrals
                .referralsOfAgency(
                    officer, new ReferralRecords.ReferrerFilter(false, null), PageQuery.of(0, 50))
                .items())
        .extracting(ReferralSummary::id)
        .containsExactly(own.id());
    assertThat(
            referrals
                .referralsOfAgency(
                    referrer, new ReferralRecords.ReferrerFilter(false, null), PageQuery.of(0, 50))
                .totalItems())
        .isEqualTo(2);
    assertThat(
            referrals
                .referralsOfAgency(
                    referrer, new ReferralRecords.ReferrerFilter(true, null), PageQuery.of(0, 50))
                .totalItems())
        .as("an API client owns none")
        .isZero();
    assertThatThrownBy(
            () ->
                referrals.draft(
                    officer, new PersonId(theirs.person()), ReferralFixtures.draft(null)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void sharingProtectedCategoriesNeedsConsentAndTheProviderReadIsDisclosed() {
    Supervised person = supervision.supervised(agency);
    UUID service = directory.stewardedService(provider);
    ReferralView draft = draft(person, service, EnumSet.of(InformationCategory.DIAGNOSIS));

    assertThatThrownBy(
            () -> referrals.send(referrer, draft.id(), new ReferralRecords.Send(null), 0))
        .isInstanceOfSatisfying(
            ConsentNotCovering.class,
            e -> {
              assertThat(e.field()).isEqualTo("sharedCategories");
              assertThat(e.withheld())
                  .containsEntry(InformationCategory.DIAGNOSIS, WithholdingReason.NO_CONSENT);
            });
    assertThat(referrals.referral(referrer, draft.id()).state()).isEqualTo(ReferralState.DRAFT);

    ConsentDirective directive = consentToShare(person, InformationCategory.DIAGNOSIS);
    ReferralView sent = referrals.send(referrer, draft.id(), new ReferralRecords.Send(null), 0);
    assertThat(sent.state()).isEqualTo(ReferralState.SENT);

    ReferralView atProvider = referrals.atProvider(staff, draft.id());
    assertThat(atProvider.history()).isEqualTo("Two prior treatment episodes");
    assertThat(atProvider.noticeRequired()).isTrue();
    assertThat(atProvider.person()).as("the supervision id stays with the referrer").isNull();
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM consent_disclosure WHERE person_id = :p AND"
                        + " recipient_organization_id = :r AND directive_id = :d")
                .param("p", person.person())
                .param("r", provider.value())
                .param("d", directive.id().value())
                .query(Long.class)
                .single())
        .isEqualTo(1);

    directives.revoke(
        SupervisionFixtures.administratorOf(agency),
        directive.id(),
        org.bridgeway.consent.directive.RevocationMethod.IN_WRITING,
        directive.version());
    ReferralView afterRevocation = referrals.atProvider(staff, draft.id());
    assertThat(afterRevocation.history()).isNull();
    assertThat(afterRevocation.withheld())
        .extracting(ReferralView.Withheld::reason)
        .containsExactly(WithholdingReason.REVOKED);
  }

  private ConsentDirective consentToShare(Supervised person, InformationCategory category) {
    return directives.record(
        SupervisionFixtures.administratorOf(agency),
        new PersonId(person.person()),
        new ConsentDirectiveRecords.NewDirective(
            new DirectiveTerms(
                DirectiveKind.GENERAL,
                null,
                Set.of(agency),
                false,
                EnumSet.of(category),
                null,
                Set.of(provider),
                Set.of(),
                EnumSet.of(DisclosurePurpose.CARE_COORDINATION),
                null,
                ExpiryEvent.END_OF_SUPERVISION,
                null,
                null,
                "Tell your officer in writing."),
            null,
            LocalDate.now(clock),
            SignatureMethod.PAPER,
            null,
            false,
            new Directives.Scan("application/pdf", ConsentFixtures.PDF),
            FormLanguage.EN));
  }

  @Test
  void serviceOffThePlatformCannotBeSentOnIt() {
    Supervised person = supervision.supervised(agency);
    UUID unstewarded = directory.stewardedService(null);
    ReferralView draft = draft(person, unstewarded, Set.of());
    assertThatThrownBy(
            () -> referrals.send(referrer, draft.id(), new ReferralRecords.Send(null), 0))
        .isInstanceOfSatisfying(
            ReferralInputRejected.class,
            e -> assertThat(e.violations().getFirst().field()).isEqualTo("service"));
    assertThatThrownBy(
            () ->
                referrals.draft(
                    referrer,
                    new PersonId(person.person()),
                    ReferralFixtures.draft(UUID.randomUUID())))
        .isInstanceOf(ReferralInputRejected.class);
  }

  @Test
  void offPlatformReferralHasAFollowUpAndTheOfficerRecordsTheAnswers() {
    ReferralFixtures.Made made = fixtures.offPlatform(agency);
    ReferralId id = new ReferralId(made.id());
    ReferralView sent = referrals.referral(referrer, id);
    assertThat(sent.offPlatform()).isTrue();
    assertThat(sent.offPlatformProvider()).isEqualTo("Harbor Street Clinic");
    assertThat(sent.followUpDue()).isAfter(LocalDate.ofInstant(sent.sentAt(), clock.getZone()));
    assertThat(
            referrals
                .referralsOfAgency(
                    referrer,
                    new ReferralRecords.ReferrerFilter(false, ReferralState.SENT),
                    PageQuery.of(0, 50))
                .items())
        .extracting(ReferralSummary::followUpDue)
        .containsExactly(sent.followUpDue());
    ReferralView accepted =
        referrals.recordOffPlatformOutcome(
            referrer,
            id,
            new ReferralRecords.OffPlatformOutcome(
                ReferralRecords.OffPlatformAnswer.ACCEPTED, null, null, null, null, null),
            made.version());
    assertThat(accepted.state()).isEqualTo(ReferralState.ACCEPTED);
    assertThat(changesOf(id)).containsExactly(Change.SENT_OFF_PLATFORM, Change.ACCEPTED);
    assertThatThrownBy(
            () ->
                referrals.recordOffPlatformOutcome(
                    referrer,
                    id,
                    new ReferralRecords.OffPlatformOutcome(
                        ReferralRecords.OffPlatformAnswer.DECLINED, null, null, null, null, null),
                    accepted.version()))
        .isInstanceOf(ReferralInputRejected.class);
  }

  @Test
  void deadlineFollowsTheProvidersBusinessDaysAndTheWatchRemindsThenEscalatesOnce() {
    long version = fixtures.settingsVersion(provider);
    BridgewayPrincipal admin =
        org.bridgeway.testing.Principals.apiClient(
            provider, OrganizationKind.TREATMENT_PROVIDER, Role.ORGANIZATION_ADMIN);
    assertThat(referrals.setDeadlineSettings(admin, 2, 4, version).responseBusinessDays())
        .isEqualTo(2);
    clock.set(Instant.parse("2030-01-04T15:00:00Z")); // a Friday
    ReferralFixtures.Made made = fixtures.sentTo(provider);
    ReferralId id = new ReferralId(made.id());
    ReferralView sent = referrals.atProvider(staff, id);
    assertThat(sent.respondBy()).isEqualTo(Instant.parse("2030-01-08T15:00:00Z"));

    clock.set(Instant.parse("2030-01-08T10:00:00Z"));
    deadlines.watch();
    assertThat(changesOf(id)).as("before the reminder time").containsExactly(Change.SENT);
    clock.set(Instant.parse("2030-01-08T12:00:00Z"));
    deadlines.watch();
    deadlines.watch();
    assertThat(referrals.inbox(staff, InboxFilter.DUE_SOON, PageQuery.of(0, 50)).items())
        .extracting(ReferralSummary::id)
        .containsExactly(id);
    assertThat(changesOf(id)).containsExactly(Change.SENT, Change.RESPONSE_DUE_SOON);

    clock.set(Instant.parse("2030-01-08T15:00:00Z"));
    deadlines.watch();
    deadlines.watch();
    assertThat(changesOf(id))
        .containsExactly(Change.SENT, Change.RESPONSE_DUE_SOON, Change.RESPONSE_OVERDUE);
    assertThat(referrals.inbox(staff, InboxFilter.OVERDUE, PageQuery.of(0, 50)).items())
        .extracting(ReferralSummary::id)
        .containsExactly(id);
    assertThat(referrals.expiredAtProvider(staff, PageQuery.of(0, 50)).items())
        .extracting(ReferralSummary::id)
        .containsExactly(id);
    assertThat(
            referrals
                .expiredOfAgency(ReferralFixtures.referrerOf(made.agency()), PageQuery.of(0, 50))
                .items())
        .extracting(ReferralSummary::id)
        .containsExactly(id);

    ReferralView accepted = referrals.accept(staff, id, referrals.atProvider(staff, id).version());
    assertThat(accepted.overdue()).as("kept for reports").isTrue();
    assertThat(referrals.expiredAtProvider(staff, PageQuery.of(0, 50)).items()).isEmpty();
  }

  @Test
  void attachmentsAreCheckedByContentAndReachTheProvider() {
    ReferralFixtures.Made made = fixtures.sentBy(agency);
    ReferralId id = new ReferralId(made.id());
    Attachments.Info pdf = referrals.attach(referrer, id, "report.pdf", "%PDF-1.7 test".getBytes());
    assertThat(pdf.mediaType()).isEqualTo("application/pdf");
    assertThatThrownBy(
            () -> referrals.attach(referrer, id, "fake.pdf", new byte[] {0x4d, 0x5a, 0, 1, 2}))
        .isInstanceOfSatisfying(
            ReferralInputRejected.class,
            e -> assertThat(e.violations().getFirst().code()).isEqualTo("MediaType"));
    assertThatThrownBy(() -> referrals.attach(referrer, id, "big.txt", new byte[6 * 1024 * 1024]))
        .isInstanceOf(ReferralInputRejected.class);
    ReferralView view = referrals.referral(referrer, id);
    assertThat(view.attachments()).extracting(Attachments.Info::id).containsExactly(pdf.id());
    assertThat(view.timeline().getLast().kind()).isEqualTo(TimelineKind.ATTACHMENT_ADDED);
  }

  @Test
  void hostileTextIsKeptAsText() {
    Supervised person = supervision.supervised(agency);
    String hostile = "<script>alert('x')</script> '; DROP TABLE referral; --";
    ReferralRecords.Draft base = ReferralFixtures.draft(null);
    ReferralView draft =
        referrals.draft(
            referrer,
            new PersonId(person.person()),
            new ReferralRecords.Draft(
                null,
                base.needDomain(),
                null,
                hostile,
                hostile,
                hostile,
                Set.of(),
                base.urgency(),
                base.preferredContact()));
    assertThat(referrals.referral(referrer, draft.id()).reason()).isEqualTo(hostile);
  }

  @Test
  void caseworkerMustBeStaffOfTheProvider() {
    ReferralFixtures.Made made = fixtures.sentTo(provider);
    UserId outsider = supervision.officer(agency);
    assertThatThrownBy(
            () -> referrals.assign(staff, new ReferralId(made.id()), outsider, made.version()))
        .isInstanceOfSatisfying(
            ReferralInputRejected.class,
            e -> assertThat(e.violations().getFirst().field()).isEqualTo("caseworkerId"));
  }

  @Test
  void draftCanBeSentWithoutAServiceOnlyOffThePlatform() {
    Supervised person = supervision.supervised(agency);
    ReferralView draft = draft(person, null, Set.of());
    assertThatThrownBy(
            () -> referrals.send(referrer, draft.id(), new ReferralRecords.Send(null), 0))
        .isInstanceOfSatisfying(
            org.bridgeway.shared.web.DomainRuleViolation.class,
            e -> assertThat(e.field()).isEqualTo("service"));
    ReferralView updated =
        referrals.updateDraft(
            referrer, draft.id(), ReferralFixtures.draft(directory.stewardedService(provider)), 0);
    assertThat(updated.service()).isNotNull();
    assertThat(
            referrals
                .send(referrer, draft.id(), new ReferralRecords.Send(null), updated.version())
                .state())
        .isEqualTo(ReferralState.SENT);
    assertThat(new ServiceId(updated.service().value())).isEqualTo(updated.service());
  }

  @Test
  void auditNamesTheReferralAndNoContent() {
    ReferralFixtures.Made made = fixtures.sentTo(provider);
    referrals.atProvider(staff, new ReferralId(made.id()));
    List<String> details =
        jdbc.sql("SELECT action || ' ' || details::text FROM audit_entry WHERE record_id = :id")
            .param("id", made.id())
            .query(String.class)
            .list();
    assertThat(details)
        .anyMatch(d -> d.startsWith("referrals.referral.send"))
        .anyMatch(d -> d.startsWith("referrals.referral.read"))
        .noneMatch(d -> d.contains("housing") || d.contains("risk"));
  }
}
