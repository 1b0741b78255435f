package org.bridgeway.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bridgeway.care.TreatmentAlertNotice;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.UserId;
import org.bridgeway.notifications.inbox.Category;
import org.bridgeway.notifications.inbox.EmailMode;
import org.bridgeway.notifications.inbox.Inbox;
import org.bridgeway.notifications.inbox.InboxEntry;
import org.bridgeway.notifications.inbox.Preferences;
import org.bridgeway.notifications.mail.MailOutbox;
import org.bridgeway.referrals.ReferralChanged;
import org.bridgeway.referrals.ReferralChanged.Change;
import org.bridgeway.referrals.ReferralId;
import org.bridgeway.referrals.ReferralState;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.MutableClock;
import org.bridgeway.testing.NotificationFixtures;
import org.bridgeway.testing.NotificationFixtures.Parties;
import org.bridgeway.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * From a published {@link ReferralChanged} to notifications and queued mails: the recipients, their
 * preferences, a republished event, and the daily digest at its local time.
 */
@IntegrationTest
class NotificationFlowIntegrationTests {

  @Autowired TestUsers testUsers;
  @Autowired NotificationFixtures fixtures;
  @Autowired Inbox inbox;
  @Autowired Preferences preferences;
  @Autowired MailOutbox mail;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;

  OrganizationId agency;
  OrganizationId provider;
  UserId officer;
  UserId intake;
  UserId caseworker;
  Parties parties;

  @BeforeEach
  void setUp() {
    agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    provider = testUsers.organization(OrganizationKind.TREATMENT_PROVIDER);
    officer = testUsers.withoutSecondFactor(agency, Role.OFFICER).id();
    intake = testUsers.withoutSecondFactor(provider, Role.PROVIDER_STAFF).id();
    caseworker = testUsers.withoutSecondFactor(provider, Role.PROVIDER_STAFF).id();
    parties = new Parties(agency, officer, provider, null);
  }

  @Test
  void aSentReferralReachesTheProviderStaffInAppAndByImmediateMail() {
    ReferralId referral = ReferralId.random();
    fixtures.publish(
        fixtures.change(referral, Change.SENT, ReferralState.SENT, parties, officer, 1));

    await().atMost(Duration.ofSeconds(20)).until(() -> inbox.unreadCount(caseworker) == 1);
    await().until(() -> inbox.unreadCount(intake) == 1);
    List<InboxEntry> entries = inbox.of(caseworker, false);
    assertThat(entries)
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.change()).isEqualTo(Change.SENT.name());
              assertThat(entry.category()).isEqualTo(Category.NEW_REFERRALS);
              assertThat(entry.page()).isEqualTo("/referrals/" + referral);
            });
    assertThat(inbox.unreadCount(officer)).as("the actor is not notified").isZero();

    List<Map<String, Object>> mails = mailsOf(caseworker);
    assertThat(mails)
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.get("kind")).isEqualTo("IMMEDIATE");
              assertThat(row.get("status")).isEqualTo("PENDING");
              assertThat((String) row.get("body"))
                  .contains("A new referral is waiting for your answer.")
                  .contains("/referrals/" + referral)
                  .doesNotContain("Test User");
            });
  }

  @Test
  void aTreatmentAlertReachesItsOfficersAtOnceAndAnEscalationTheSupervisorWithoutItsContent() {
    UserId supervisor = testUsers.withoutSecondFactor(agency, Role.SUPERVISOR).id();
    UserId elsewhere =
        testUsers
            .withoutSecondFactor(
                testUsers.organization(OrganizationKind.PROBATION_AGENCY), Role.OFFICER)
            .id();
    UUID alert = UUID.randomUUID();
    TreatmentAlertNotice raised =
        new TreatmentAlertNotice(
            alert,
            PersonId.random(),
            agency,
            TreatmentAlertNotice.Kind.RAISED,
            List.of(officer, elsewhere),
            clock.instant());
    notify(raised);
    await().atMost(Duration.ofSeconds(20)).until(() -> inbox.unreadCount(officer) == 1);
    assertThat(inbox.of(officer, false))
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.category()).isEqualTo(Category.TREATMENT_ALERTS);
              assertThat(entry.change()).isEqualTo(Inbox.ALERT_RAISED);
              assertThat(entry.alertId()).isEqualTo(alert);
              assertThat(entry.referralId()).isNull();
              assertThat(entry.page()).isEqualTo("/care/alerts");
            });
    assertThat(mailsOf(officer))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.get("kind")).isEqualTo("IMMEDIATE");
              assertThat((String) row.get("body"))
                  .contains("A treatment alert needs your attention")
                  .contains("/care/alerts")
                  .doesNotContainIgnoringCase("positive")
                  .doesNotContain(alert.toString());
            });

    notify(raised);
    notify(
        new TreatmentAlertNotice(
            alert,
            raised.person(),
            agency,
            TreatmentAlertNotice.Kind.ESCALATED,
            List.of(supervisor),
            clock.instant()));
    await().atMost(Duration.ofSeconds(20)).until(() -> inbox.unreadCount(supervisor) == 1);
    assertThat(inbox.of(supervisor, false).getFirst().page()).isEqualTo("/care/alerts/escalated");
    assertThat(inbox.of(officer, false)).as("a republished notice adds nothing").hasSize(1);
    assertThat(mailsOf(officer)).hasSize(1);
    assertThat(inbox.unreadCount(elsewhere))
        .as("staff of another agency are never told of this agency's alerts")
        .isZero();
    assertThat(mailsOf(elsewhere)).isEmpty();
  }

  private void notify(TreatmentAlertNotice notice) {
    transactions.executeWithoutResult(status -> events.publishEvent(notice));
  }

  @Test
  void preferencesDecideBetweenImmediateMailDigestAndNoMail() {
    preferences.choose(intake, Map.of(Category.NEW_REFERRALS, EmailMode.DIGEST));
    preferences.choose(caseworker, Map.of(Category.NEW_REFERRALS, EmailMode.NONE));
    assertThat(preferences.of(caseworker))
        .containsEntry(Category.NEW_REFERRALS, EmailMode.NONE)
        .containsEntry(Category.DEADLINES, EmailMode.IMMEDIATE)
        .containsEntry(Category.REFERRAL_RESPONSES, EmailMode.DIGEST);
    assertThat(
            jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = ? AND record_id = ?")
                .params("notifications.preferences.change", intake.value())
                .query(Long.class)
                .single())
        .isEqualTo(1);

    fixtures.publish(
        fixtures.change(ReferralId.random(), Change.SENT, ReferralState.SENT, parties, officer, 1));

    await().atMost(Duration.ofSeconds(20)).until(() -> inbox.unreadCount(caseworker) == 1);
    await().until(() -> inbox.unreadCount(intake) == 1);
    assertThat(mailsOf(intake)).isEmpty();
    assertThat(mailsOf(caseworker)).isEmpty();
    assertThat(digestPending(intake)).isEqualTo(1);
    assertThat(digestPending(caseworker)).isZero();
  }

  @Test
  void aRepublishedEventAddsNothingTwice() {
    ReferralChanged accepted =
        fixtures.change(
            ReferralId.random(), Change.ACCEPTED, ReferralState.ACCEPTED, parties, intake, 2);
    fixtures.publish(accepted);
    await().atMost(Duration.ofSeconds(20)).until(() -> inbox.unreadCount(officer) == 1);
    fixtures.publish(accepted);
    ReferralChanged next =
        fixtures.change(
            accepted.referral(),
            Change.INTAKE_SCHEDULED,
            ReferralState.INTAKE_SCHEDULED,
            parties,
            intake,
            3);
    fixtures.publish(next);
    await().atMost(Duration.ofSeconds(20)).until(() -> inbox.unreadCount(officer) == 2);
    assertThat(inbox.of(officer, false))
        .extracting(InboxEntry::change)
        .containsExactlyInAnyOrder(Change.ACCEPTED.name(), Change.INTAKE_SCHEDULED.name());
  }

  @Test
  void aUserReadsAndMarksOnlyTheirOwnNotifications() {
    fixtures.publish(
        fixtures.change(ReferralId.random(), Change.SENT, ReferralState.SENT, parties, officer, 1));
    await().atMost(Duration.ofSeconds(20)).until(() -> inbox.unreadCount(intake) == 1);
    UUID own = inbox.of(intake, true).getFirst().id();

    assertThatThrownBy(() -> inbox.markRead(caseworker, own)).isInstanceOf(NotFoundException.class);
    assertThat(inbox.unreadCount(intake)).isEqualTo(1);

    inbox.markRead(intake, own);
    assertThat(inbox.unreadCount(intake)).isZero();
    assertThat(inbox.of(intake, true)).isEmpty();
    assertThat(inbox.of(intake, false))
        .singleElement()
        .extracting(InboxEntry::read)
        .isEqualTo(true);
    assertThat(inbox.unreadCount(caseworker)).isEqualTo(1);
    assertThat(inbox.markAllRead(caseworker)).isEqualTo(1);
    assertThat(inbox.unreadCount(caseworker)).isZero();
  }

  @Test
  void theDailyDigestCollectsTheDaysNotificationsAtTheConfiguredLocalTime() {
    Instant saved = clock.instant();
    ZoneId zone = ZoneId.of("America/New_York");
    // A future day, so that no other test's notification waits for this digest's cut-off.
    ZonedDateTime day = ZonedDateTime.of(2031, 3, 4, 17, 30, 0, 0, zone);
    try {
      clock.set(day.toInstant());
      // The officer has responses by digest (the default).
      fixtures.publish(
          fixtures.change(
              ReferralId.random(), Change.ACCEPTED, ReferralState.ACCEPTED, parties, intake, 2));
      fixtures.publish(
          fixtures.change(
              ReferralId.random(), Change.DECLINED, ReferralState.DECLINED, parties, intake, 2));
      await().atMost(Duration.ofSeconds(20)).until(() -> inbox.unreadCount(officer) == 2);
      assertThat(mailsOf(officer)).isEmpty();

      clock.set(day.plusDays(1).withHour(16).withMinute(59).toInstant());
      mail.composeDigests();
      assertThat(mailsOf(officer)).as("before the next digest time").isEmpty();

      clock.set(day.plusDays(1).withHour(17).withMinute(1).toInstant());
      mail.composeDigests();
      assertThat(mailsOf(officer))
          .singleElement()
          .satisfies(
              row -> {
                assertThat(row.get("kind")).isEqualTo("DIGEST");
                assertThat((String) row.get("subject")).contains("2 notifications");
                assertThat((String) row.get("body"))
                    .contains("1 x A referral you made was accepted.")
                    .contains("1 x A referral you made was declined.")
                    .contains("/notifications");
              });
      assertThat(digestPending(officer)).isZero();

      mail.composeDigests();
      assertThat(mailsOf(officer)).as("composed once").hasSize(1);
    } finally {
      clock.set(saved.plusSeconds(1));
    }
  }

  private List<Map<String, Object>> mailsOf(UserId user) {
    return jdbc.sql("SELECT kind, status, subject, body FROM notification_mail WHERE user_id = ?")
        .param(user.value())
        .query()
        .listOfRows();
  }

  private long digestPending(UserId user) {
    return jdbc.sql("SELECT count(*) FROM notification WHERE user_id = ? AND digest_pending")
        .param(user.value())
        .query(Long.class)
        .single();
  }
}
