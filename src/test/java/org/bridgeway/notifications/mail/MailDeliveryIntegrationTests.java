package org.bridgeway.notifications.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.identity.Role;
import org.bridgeway.identity.StaffDirectory;
import org.bridgeway.notifications.inbox.NotificationProperties;
import org.bridgeway.referrals.ReferralChanged.Change;
import org.bridgeway.referrals.ReferralId;
import org.bridgeway.referrals.ReferralState;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.MutableClock;
import org.bridgeway.testing.NotificationFixtures;
import org.bridgeway.testing.NotificationFixtures.Parties;
import org.bridgeway.testing.TestUsers;
import org.bridgeway.testing.TestUsers.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mail outbox against a real SMTP server (GreenMail): a mail survives the server being down, is
 * retried with backoff and arrives exactly once; a mail that never gets through is given up after
 * the maximum attempts; without a configured server, mail waits.
 */
@IntegrationTest
class MailDeliveryIntegrationTests {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @Autowired TestUsers testUsers;
  @Autowired NotificationFixtures fixtures;
  @Autowired MailOutbox outbox;
  @Autowired JavaMailSender sender;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;
  @Autowired NotificationProperties properties;
  @Autowired StaffDirectory staff;
  @Autowired MessageSource messages;
  @Autowired TransactionTemplate transactions;

  JavaMailSenderImpl smtp;
  int configuredPort;
  TestUser caseworker;
  Parties parties;

  @BeforeEach
  void setUp() {
    smtp = (JavaMailSenderImpl) sender;
    configuredPort = smtp.getPort();
    OrganizationId agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    OrganizationId provider = testUsers.organization(OrganizationKind.TREATMENT_PROVIDER);
    caseworker = testUsers.withoutSecondFactor(provider, Role.PROVIDER_STAFF);
    parties =
        new Parties(
            agency, testUsers.withoutSecondFactor(agency, Role.OFFICER).id(), provider, null);
  }

  @AfterEach
  void restorePort() {
    smtp.setPort(configuredPort);
  }

  @Test
  void aMailWaitsWhileTheServerIsDownAndArrivesOnceWhenItIsUp() throws Exception {
    UUID mail = queuedMailFor(caseworker);

    smtp.setPort(closedPort());
    outbox.sendDue();
    assertThat(status(mail)).isEqualTo("PENDING");
    assertThat(attempts(mail)).isEqualTo(1);
    assertThat(greenMail.getReceivedMessagesForDomain(caseworker.email())).isEmpty();

    smtp.setPort(greenMail.getSmtp().getPort());
    outbox.sendDue();
    assertThat(status(mail)).as("not due before its backoff").isEqualTo("PENDING");

    clock.advance(properties.maxRetry().plusMinutes(1));
    outbox.sendDue();
    outbox.sendDue();
    assertThat(status(mail)).isEqualTo("SENT");
    assertThat(attempts(mail)).isEqualTo(2);
    MimeMessage[] received = greenMail.getReceivedMessagesForDomain(caseworker.email());
    assertThat(received).hasSize(1);
    assertThat(received[0].getSubject())
        .isEqualTo("Bridgeway: A new referral is waiting for your answer.");
    assertThat(Arrays.toString(received[0].getAllRecipients())).contains(caseworker.email());
    assertThat(((String) received[0].getContent())).contains("/referrals/");
  }

  @Test
  void aMailThatNeverGetsThroughIsGivenUpAndShownToAdministrators() {
    UUID mail = queuedMailFor(caseworker);
    smtp.setPort(closedPort());
    for (int i = 0; i < properties.maxAttempts(); i++) {
      outbox.sendDue();
      clock.advance(properties.maxRetry().plusMinutes(1));
    }
    assertThat(status(mail)).isEqualTo("FAILED");
    assertThat(attempts(mail)).isEqualTo(properties.maxAttempts());
    assertThat(outbox.outbox(caseworker.organization().value(), MailOutbox.Status.FAILED))
        .extracting(MailOutbox.MailLine::id)
        .containsExactly(mail);
    assertThat(outbox.outbox(UUID.randomUUID(), MailOutbox.Status.FAILED)).isEmpty();

    smtp.setPort(greenMail.getSmtp().getPort());
    outbox.sendDue();
    assertThat(status(mail)).as("given up stays given up").isEqualTo("FAILED");
  }

  @Test
  void withoutAConfiguredServerMailsWaitInTheOutbox() {
    UUID mail = queuedMailFor(caseworker);
    MailOutbox unconfigured =
        new MailOutbox(
            jdbc,
            new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class),
            staff,
            messages,
            properties,
            (Clock) clock,
            transactions);
    assertThat(unconfigured.configured()).isFalse();
    assertThat(outbox.configured()).isTrue();
    assertThat(unconfigured.sendDue()).isZero();
    assertThat(status(mail)).isEqualTo("PENDING");
    assertThat(attempts(mail)).isZero();
  }

  private UUID queuedMailFor(TestUser user) {
    fixtures.publish(
        fixtures.change(
            ReferralId.random(), Change.SENT, ReferralState.SENT, parties, parties.officer(), 1));
    await().atMost(Duration.ofSeconds(20)).until(() -> !mails(user).isEmpty());
    return mails(user).getFirst();
  }

  private List<UUID> mails(TestUser user) {
    return jdbc.sql("SELECT id FROM notification_mail WHERE user_id = ?")
        .param(user.id().value())
        .query(UUID.class)
        .list();
  }

  private String status(UUID mail) {
    return jdbc.sql("SELECT status FROM notification_mail WHERE id = ?")
        .param(mail)
        .query(String.class)
        .single();
  }

  private int attempts(UUID mail) {
    return jdbc.sql("SELECT attempts FROM notification_mail WHERE id = ?")
        .param(mail)
        .query(Integer.class)
        .single();
  }

  private static int closedPort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
