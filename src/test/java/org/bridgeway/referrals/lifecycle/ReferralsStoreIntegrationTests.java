package org.bridgeway.referrals.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.bridgeway.consent.ConsentDirectiveId;
import org.bridgeway.consent.InformationCategory;
import org.bridgeway.directory.ServiceId;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.UserId;
import org.bridgeway.referrals.ReferralChanged;
import org.bridgeway.referrals.ReferralId;
import org.bridgeway.referrals.ReferralState;
import org.bridgeway.shared.vocabulary.NeedDomain;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.SupervisionFixtures;
import org.bridgeway.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

/** The hand-written store: every column round-trips, the timeline is appended, versions guard. */
@IntegrationTest
@RecordApplicationEvents
class ReferralsStoreIntegrationTests {

  // Microseconds: what PostgreSQL keeps of an instant.
  static final Instant AT = Instant.parse("2031-03-04T10:15:30.123456Z");

  @Autowired Referrals referrals;
  @Autowired SupervisionFixtures supervision;
  @Autowired TestUsers users;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired ApplicationEvents events;

  @Test
  void everyColumnAndTheTimelineComeBackAsWritten() {
    OrganizationId agency = users.organization(OrganizationKind.PROBATION_AGENCY);
    OrganizationId provider = users.organization(OrganizationKind.TREATMENT_PROVIDER);
    PersonId person = new PersonId(supervision.supervised(agency).person());
    UserId officer = UserId.random();
    Referral.By referrer = new Referral.By("user:" + officer, officer, agency);
    Referral.By staff = new Referral.By("token:store", null, provider);
    Referral referral =
        Referral.draft(
            ReferralId.random(),
            new Referral.PersonShown(person, "Ana Díaz", LocalDate.of(1990, 5, 17)),
            new Referral.Content(
                new ServiceId(java.util.UUID.randomUUID()),
                NeedDomain.SUBSTANCE_USE,
                java.util.UUID.randomUUID(),
                "Needs treatment",
                "History",
                "Risk",
                Set.of(InformationCategory.DIAGNOSIS, InformationCategory.TREATMENT_PLAN),
                Urgency.URGENT,
                PreferredContact.TEXT),
            referrer,
            AT);
    ConsentDirectiveId directive = ConsentDirectiveId.random();
    transactions.executeWithoutResult(
        tx -> {
          referrals.save(referral);
          referral.send(
              "Clinic",
              provider,
              AT.plus(3, ChronoUnit.DAYS),
              AT.plus(2, ChronoUnit.DAYS),
              directive,
              "Judge ordered it",
              referrer,
              AT);
          referrals.save(referral);
          referral.waitlist(LocalDate.of(2031, 4, 1), staff, AT.plusSeconds(60));
          referrals.save(referral);
        });

    Referral read = referrals.findById(referral.id()).orElseThrow();

    assertThat(read.stored()).isEqualTo(referral.stored());
    assertThat(read.version()).isEqualTo(2L);
    assertThat(read.state()).isEqualTo(ReferralState.WAITLISTED);
    assertThat(read.consentDirective()).isEqualTo(directive);
    assertThat(read.timeline()).isEqualTo(referral.timeline()).hasSize(4);
    assertThat(
            jdbc.sql(
                    "SELECT position FROM referral_timeline_entry WHERE referral_id = :id"
                        + " ORDER BY position")
                .param("id", referral.id().value())
                .query(Integer.class)
                .list())
        .containsExactly(0, 1, 2, 3);
    List<ReferralChanged> published =
        events.stream(ReferralChanged.class)
            .filter(e -> e.referral().equals(referral.id()))
            .toList();
    assertThat(published)
        .extracting(ReferralChanged::change, ReferralChanged::version)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ReferralChanged.Change.SENT, 1L),
            org.assertj.core.groups.Tuple.tuple(ReferralChanged.Change.WAITLISTED, 2L));
    assertThat(referrals.existsById(referral.id())).isTrue();
    assertThat(referrals.findById(ReferralId.random())).isEmpty();
  }

  @Test
  void aStaleCopyIsRefusedAndWritesNothing() {
    OrganizationId agency = users.organization(OrganizationKind.PROBATION_AGENCY);
    PersonId person = new PersonId(supervision.supervised(agency).person());
    UserId officer = UserId.random();
    Referral.By referrer = new Referral.By("user:" + officer, officer, agency);
    Referral referral =
        Referral.draft(
            ReferralId.random(),
            new Referral.PersonShown(person, "Sam Lee", null),
            ReferralTest.content(),
            referrer,
            AT);
    transactions.executeWithoutResult(tx -> referrals.save(referral));
    Referral first = referrals.findById(referral.id()).orElseThrow();
    Referral second = referrals.findById(referral.id()).orElseThrow();
    first.updateDraft(ReferralTest.content(), referrer, AT);
    transactions.executeWithoutResult(tx -> referrals.save(first));

    second.withdraw(WithdrawReason.NO_LONGER_NEEDED, "Housed", referrer, AT);
    assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> referrals.save(second)))
        .isInstanceOf(OptimisticLockingFailureException.class);

    Referral read = referrals.findById(referral.id()).orElseThrow();
    assertThat(read.state()).isEqualTo(ReferralState.DRAFT);
    assertThat(read.timeline()).hasSize(2);
  }
}
