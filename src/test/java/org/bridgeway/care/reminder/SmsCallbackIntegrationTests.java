package org.bridgeway.care.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The SMS provider's signed callbacks against the real application: a STOP reply opts out every
 * person with that number (and nobody else) before the next reminder, START lifts it, receipts
 * settle a sent reminder as delivered or failed, and unsigned or wrongly signed calls change
 * nothing.
 */
@IntegrationTest
@AutoConfigureMockMvc
class SmsCallbackIntegrationTests {

  static final String SECRET = "test-sms-callback-secret";

  @Autowired MockMvc mvc;
  @Autowired AppointmentReminders reminders;
  @Autowired ReminderSettings settings;
  @Autowired TestUsers testUsers;
  @Autowired SupervisionFixtures supervision;
  @Autowired CareFixtures care;
  @Autowired ContinuityFixtures continuity;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;

  BridgewayPrincipal admin;
  Supervised person;
  Supervised sibling;
  Supervised other;
  Episode episode;
  String number;

  @BeforeEach
  void setUp() {
    OrganizationId agency = testUsers.organization(OrganizationKind.PROBATION_AGENCY);
    admin = SupervisionFixtures.administratorOf(agency);
    person = supervision.supervised(agency);
    sibling = supervision.supervised(agency);
    other = supervision.supervised(agency);
    episode =
        continuity.episode(
            agency,
            person,
            care.provider(),
            LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1));
    long line = ThreadLocalRandom.current().nextLong(1_000_000L, 9_999_999L);
    number = "555" + line;
    phone(
        person,
        "(" + number.substring(0, 3) + ") " + number.substring(3, 6) + "-" + number.substring(6));
    phone(sibling, "+1 " + number);
    phone(other, "+1 555 000 0000");
    for (Supervised each : List.of(person, sibling, other)) {
      settings.change(
          admin,
          new PersonId(each.person()),
          new ReminderSettings.Change(true, false, "UTC", false, null));
    }
  }

  @Test
  void aStopReplyOptsOutEveryoneAtThatNumberAndStartLiftsIt() throws Exception {
    reply("{\"from\":\"+1" + number + "\",\"text\":\" Stop \"}").andExpect(status().isNoContent());
    assertThat(optedOut(person)).isTrue();
    assertThat(optedOut(sibling)).as("the same number written otherwise").isTrue();
    assertThat(optedOut(other)).isFalse();
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_entry WHERE action = 'care.reminder.opt-out'"
                        + " AND person_id = ? AND details->>'via' = 'sms-reply'")
                .param(person.person())
                .query(Long.class)
                .single())
        .isEqualTo(1);

    UUID appointment = continuity.appointment(episode, clock.instant().plus(Duration.ofHours(40)));
    reminders.queueDue();
    reminders.sendDue();
    assertThat(smsStatus(appointment)).isEqualTo("SKIPPED_OPTED_OUT");

    reply("{\"from\":\"+1" + number + "\",\"text\":\"what time is it?\"}")
        .andExpect(status().isNoContent());
    assertThat(optedOut(person)).as("any other reply changes nothing").isTrue();
    reply("{\"from\":\"" + number + "\",\"text\":\"START\"}").andExpect(status().isNoContent());
    assertThat(optedOut(person)).isFalse();
    assertThat(optedOut(sibling)).isFalse();
  }

  @Test
  void receiptsSettleASentReminderAsDeliveredOrFailedOnce() throws Exception {
    UUID first = continuity.appointment(episode, clock.instant().plus(Duration.ofHours(40)));
    UUID second = continuity.appointment(episode, clock.instant().plus(Duration.ofHours(41)));
    reminders.queueDue();
    reminders.sendDue();
    String firstRef = reference(first);
    String secondRef = reference(second);
    assertThat(smsStatus(first)).isEqualTo("SENT");

    receipt("{\"id\":\"" + firstRef + "\",\"status\":\"delivered\"}")
        .andExpect(status().isNoContent());
    receipt("{\"id\":\"" + secondRef + "\",\"status\":\"undelivered\",\"error\":\"30003\"}")
        .andExpect(status().isNoContent());
    assertThat(smsStatus(first)).isEqualTo("DELIVERED");
    assertThat(smsStatus(second)).isEqualTo("FAILED");
    assertThat(
            jdbc.sql(
                    "SELECT reason FROM care_reminder WHERE appointment_id = ? AND channel = 'SMS'")
                .param(second)
                .query(String.class)
                .single())
        .isEqualTo("The SMS provider could not deliver it: 30003");

    receipt("{\"id\":\"" + secondRef + "\",\"status\":\"delivered\"}")
        .andExpect(status().isNoContent());
    assertThat(smsStatus(second))
        .as("a late receipt changes a settled reminder no more")
        .isEqualTo("FAILED");

    receipt("{\"id\":\"" + firstRef + "\",\"status\":\"lost\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("status"));
    receipt("{\"status\":\"delivered\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("id"));
    receipt("not json").andExpect(status().isBadRequest());
  }

  @Test
  void anUnsignedOrWronglySignedCallbackIsRefusedAndChangesNothing() throws Exception {
    String body = "{\"from\":\"+1" + number + "\",\"text\":\"STOP\"}";
    mvc.perform(
            post("/api/v1/care/sms/replies").contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isUnauthorized());
    mvc.perform(
            post("/api/v1/care/sms/replies")
                .contentType(MediaType.APPLICATION_JSON)
                .header(SmsCallbackController.SIGNATURE, "sha256=" + signature("another", body))
                .content(body))
        .andExpect(status().isUnauthorized());
    mvc.perform(
            post("/api/v1/care/sms/replies")
                .contentType(MediaType.APPLICATION_JSON)
                .header(SmsCallbackController.SIGNATURE, "sha256=" + signature(SECRET, body))
                .content(body.replace("STOP", "START")))
        .andExpect(status().isUnauthorized());
    assertThat(optedOut(person)).isFalse();
  }

  private ResultActions reply(String body) throws Exception {
    return signed("/api/v1/care/sms/replies", body);
  }

  private ResultActions receipt(String body) throws Exception {
    return signed("/api/v1/care/sms/receipts", body);
  }

  private ResultActions signed(String path, String body) throws Exception {
    return mvc.perform(
        post(path)
            .contentType(MediaType.APPLICATION_JSON)
            .header(SmsCallbackController.SIGNATURE, "sha256=" + signature(SECRET, body))
            .content(body));
  }

  /** HMAC-SHA256 computed here with the JDK, apart from the controller's own code. */
  static String signature(String secret, String body) throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(
        new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }

  private void phone(Supervised who, String phone) {
    jdbc.sql("UPDATE supervision_person SET phone = ?, contact_method = 'TEXT' WHERE id = ?")
        .params(phone, who.person())
        .update();
  }

  private boolean optedOut(Supervised who) {
    return settings
            .settingsOf(admin, new PersonId(who.person()))
            .preference()
            .optedOutAt(ReminderChannel.SMS)
        != null;
  }

  private String smsStatus(UUID appointment) {
    return jdbc.sql("SELECT status FROM care_reminder WHERE appointment_id = ? AND channel = 'SMS'")
        .param(appointment)
        .query(String.class)
        .single();
  }

  private String reference(UUID appointment) {
    return jdbc.sql(
            "SELECT reference FROM care_reminder WHERE appointment_id = ? AND channel = 'SMS'")
        .param(appointment)
        .query(String.class)
        .single();
  }
}
