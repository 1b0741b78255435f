package org.bridgeway.care.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.testing.CareFixtures;
import org.bridgeway.testing.CareFixtures.Episode;
import org.bridgeway.testing.ContinuityFixtures;
import org.bridgeway.testing.IntegrationTest;
import org.bridgeway.testing.MutableClock;
import org.bridgeway.testing.SupervisionFixtures;
import org.bridgeway.testing.SupervisionFixtures.Supervised;
import org.bridgeway.testing.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Appointment reminders against a real SMTP server (GreenMail) and the logging SMS gateway: queued
 * when the lead time comes, deferred past quiet hours and skipped when they last until the
 * appointment, never sent after an opt-out, retried with backoff while the mail server is down, and
 * saying only the day and time.
 */
@IntegrationTest
class ReminderIntegrationTests {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @Autowired AppointmentReminders reminders;
  @Autowired ReminderSettings settings;
  @Autowired ReminderProperties properties;
  @Autowired TestUsers testUsers;
  @Autowired SupervisionFixtures supervision;
  @Autowired CareFixtures care;
  @Autowired ContinuityFixtures continuity;
  @Autowired JavaMailSender sender;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;

  JavaMailSenderImpl smtp;
  int configuredPort;
  OrganizationId agency;
  BridgewayPrincipal admin;
  Supervised person;
  Episode episode;
  String email;
  String providerName;

  @BeforeEach
  void setUp() {
    smtp = (JavaMailSenderImpl) sender;
    configuredPort = smtp.getPort();
    smtp.setPort(greenMail.getSmtp().getPort());
    agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    admin = SupervisionFixtures.administratorOf(agency);
    person = supervision.supervised(agency);
    OrganizationId provider = care.provider();
    episode =
        continuity.episode(
            agency,
            person,
            provider,
            LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1));
    email = "person-" + UUID.randomUUID() + "@example.org";
    providerName =
        jdbc.sql("SELECT name FROM identity_organization WHERE id = :id")
            .param("id", provider.value())
            .query(String.class)
            .single();
    contact(null, null);
    settings.change(
        admin,
        new PersonId(person.person()),
        new ReminderSettings.Change(true, true, "UTC", false, null));
  }

  @AfterEach
  void restorePort() {
    smtp.setPort(configuredPort);
  }

  @Test
  void remindersGoOutWhenTheLeadTimeComesSayingOnlyTheDayAndTime() throws Exception {
    Instant startsAt = clock.instant().plus(Duration.ofHours(47)).truncatedTo(ChronoUnit.MINUTES);
    UUID appointment = continuity.appointment(episode, startsAt);

    reminders.queueDue();
    reminders.queueDue();
    assertThat(statuses(appointment)).containsExactlyInAnyOrder("EMAIL:QUEUED", "SMS:QUEUED");
    reminders.sendDue();

    assertThat(statuses(appointment)).containsExactlyInAnyOrder("EMAIL:SENT", "SMS:SENT");
    assertThat(
            jdbc.sql(
                    "SELECT reference FROM care_reminder WHERE appointment_id = :a AND channel = 'SMS'")
                .param("a", appointment)
                .query(String.class)
                .single())
        .as("the logging gateway is the default")
        .startsWith("logged-");
    MimeMessage[] received = greenMail.getReceivedMessagesForDomain(email);
    assertThat(received).hasSize(1);
    String text = ((String) received[0].getContent()).strip();
    String day =
        startsAt
            .atZone(ZoneOffset.UTC)
            .format(
                java.time.format.DateTimeFormatter.ofPattern(
                    "EEEE d MMMM yyyy", java.util.Locale.ENGLISH));
    assertThat(text)
        .isEqualTo(
            "You have an appointment on "
                + day
                + " at "
                + startsAt.atZone(ZoneOffset.UTC).toLocalTime().toString().substring(0, 5)
                + ".");
    assertThat(text).doesNotContain(providerName);

    // The 2-hour reminder comes when its time comes, once.
    clock.advance(Duration.ofHours(46));
    reminders.queueDue();
    reminders.sendDue();
    assertThat(statuses(appointment)).hasSize(4).filteredOn(s -> s.endsWith("SENT")).hasSize(4);
  }

  @Test
  void aReminderDueInQuietHoursWaitsForTheirEndOrIsSkippedWhenTheyLastUntilTheAppointment() {
    LocalTime now = clock.instant().atZone(ZoneOffset.UTC).toLocalTime();
    contact(
        now.minusHours(1).withSecond(0).withNano(0), now.plusHours(1).withSecond(0).withNano(0));
    UUID later = continuity.appointment(episode, clock.instant().plus(Duration.ofHours(47)));
    UUID soon = continuity.appointment(episode, clock.instant().plus(Duration.ofMinutes(50)));

    reminders.queueDue();
    reminders.sendDue();
    assertThat(statuses(later)).containsExactlyInAnyOrder("EMAIL:QUEUED", "SMS:QUEUED");
    assertThat(statuses(soon))
        .containsExactlyInAnyOrder("EMAIL:SKIPPED_QUIET_HOURS", "SMS:SKIPPED_QUIET_HOURS");
    assertThat(greenMail.getReceivedMessagesForDomain(email)).isEmpty();

    clock.advance(Duration.ofMinutes(61));
    reminders.sendDue();
    assertThat(statuses(later)).containsExactlyInAnyOrder("EMAIL:SENT", "SMS:SENT");
    assertThat(greenMail.getReceivedMessagesForDomain(email)).hasSize(1);
  }

  @Test
  void nothingGoesByAChannelAfterTheOptOut() {
    UUID first = continuity.appointment(episode, clock.instant().plus(Duration.ofHours(40)));
    reminders.queueDue();
    settings.optOut(admin, new PersonId(person.person()), ReminderChannel.SMS);
    reminders.sendDue();
    assertThat(statuses(first)).containsExactlyInAnyOrder("EMAIL:SENT", "SMS:SKIPPED_OPTED_OUT");

    UUID second = continuity.appointment(episode, clock.instant().plus(Duration.ofHours(30)));
    reminders.queueDue();
    reminders.sendDue();
    assertThat(statuses(second)).containsExactlyInAnyOrder("EMAIL:SENT", "SMS:SKIPPED_OPTED_OUT");
    assertThat(
            settings
                .settingsOf(admin, new PersonId(person.person()))
                .preference()
                .optedOutAt(ReminderChannel.SMS))
        .isNotNull();
  }

  @Test
  void anEmailIsRetriedWithBackoffWhileTheServerIsDownAndArrivesOnce() throws Exception {
    UUID appointment = continuity.appointment(episode, clock.instant().plus(Duration.ofHours(20)));
    reminders.queueDue();
    smtp.setPort(closedPort());
    reminders.sendDue();
    assertThat(statuses(appointment)).contains("EMAIL:QUEUED", "SMS:SENT");
    assertThat(attempts(appointment)).isEqualTo(1);
    assertThat(reason(appointment)).isEqualTo("The mail server did not accept the message");

    smtp.setPort(greenMail.getSmtp().getPort());
    reminders.sendDue();
    assertThat(statuses(appointment)).as("not due before its backoff").contains("EMAIL:QUEUED");

    clock.advance(properties.backoff(1).plusSeconds(1));
    reminders.sendDue();
    assertThat(statuses(appointment)).contains("EMAIL:SENT");
    assertThat(attempts(appointment)).isEqualTo(2);
    assertThat(greenMail.getReceivedMessagesForDomain(email)).hasSize(1);
  }

  @Test
  void anEmailThatNeverGetsThroughFailsAfterTheLastAttemptAndACancelledAppointmentIsNotReminded()
      throws Exception {
    UUID appointment = continuity.appointment(episode, clock.instant().plus(Duration.ofHours(40)));
    reminders.queueDue();
    smtp.setPort(closedPort());
    for (int i = 0; i < properties.maxAttempts(); i++) {
      reminders.sendDue();
      clock.advance(properties.maxRetry().plusSeconds(1));
    }
    assertThat(statuses(appointment)).contains("EMAIL:FAILED");
    assertThat(attempts(appointment)).isEqualTo(properties.maxAttempts());

    smtp.setPort(greenMail.getSmtp().getPort());
    UUID cancelled = continuity.appointment(episode, clock.instant().plus(Duration.ofHours(30)));
    reminders.queueDue();
    jdbc.sql("UPDATE care_appointment SET status = 'CANCELLED' WHERE id = :id")
        .param("id", cancelled)
        .update();
    reminders.sendDue();
    assertThat(statuses(cancelled)).containsExactlyInAnyOrder("EMAIL:CANCELLED", "SMS:CANCELLED");
  }

  private void contact(LocalTime quietStart, LocalTime quietEnd) {
    // The person's record keeps the number, the address and the quiet hours (supervision's page
    // edits them); set here directly.
    jdbc.sql(
            """
            UPDATE supervision_person SET phone = '+15551230000', email = :email,
              contact_method = 'TEXT', quiet_hours_start = :start, quiet_hours_end = :end
            WHERE id = :id
            """)
        .param("email", email)
        .param("start", quietStart)
        .param("end", quietEnd)
        .param("id", person.person())
        .update();
  }

  private java.util.List<String> statuses(UUID appointment) {
    return jdbc.sql("SELECT channel || ':' || status FROM care_reminder WHERE appointment_id = :a")
        .param("a", appointment)
        .query(String.class)
        .list();
  }

  private int attempts(UUID appointment) {
    return jdbc.sql(
            "SELECT attempts FROM care_reminder WHERE appointment_id = :a AND channel = 'EMAIL'")
        .param("a", appointment)
        .query(Integer.class)
        .single();
  }

  private String reason(UUID appointment) {
    return jdbc.sql(
            "SELECT reason FROM care_reminder WHERE appointment_id = :a AND channel = 'EMAIL'")
        .param("a", appointment)
        .query(String.class)
        .single();
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
