package org.bridgeway.care.reminder;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.care.reminder.ReminderSettings.Settings;
import org.bridgeway.identity.BridgewayPrincipal;
import org.bridgeway.identity.NetworkOrganizations;
import org.bridgeway.identity.NetworkOrganizations.NetworkOrganization;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.shared.security.Actor;
import org.bridgeway.shared.web.NotFoundException;
import org.bridgeway.supervision.PersonId;
import org.bridgeway.supervision.SupervisedPeople;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appointment reminders to the person (ADR 0022). {@link #queueDue} queues, for each scheduled
 * appointment whose lead time has come (48 h and 2 h before, configurable), one reminder per
 * channel the person wants, deferred past their quiet hours and skipped when quiet hours last until
 * the appointment or the person opted out. {@link #sendDue} sends the queued ones that are due,
 * each in its own transaction with its row locked (several nodes never send one twice), checking
 * again that the appointment still stands at that time, that the person has not opted out meanwhile
 * and that it is not quiet hours; a failed send is retried with backoff until the last attempt.
 *
 * <p>The text carries no treatment details: "You have an appointment on 9 December 2026 at 10:00."
 * It names the provider only if the person agreed to it.
 */
@Service
public class AppointmentReminders {

  /** A reminder as the agency sees it (codes and times only). */
  public record Reminder(
      UUID id,
      UUID appointment,
      ReminderChannel channel,
      long leadMinutes,
      Instant appointmentAt,
      Instant dueAt,
      ReminderStatus status,
      int attempts,
      Instant nextAttemptAt,
      String reason,
      Instant sentAt) {}

  private record Due(
      UUID id,
      UUID appointment,
      PersonId person,
      ReminderChannel channel,
      Instant appointmentAt,
      int attempts) {}

  private record Upcoming(UUID id, PersonId person, OrganizationId provider, Instant startsAt) {}

  private final JdbcClient jdbc;
  private final ReminderSettings settings;
  private final ReminderProperties properties;
  private final SmsGateway sms;
  private final ObjectProvider<JavaMailSender> mail;
  private final NetworkOrganizations organizations;
  private final SupervisedPeople people;
  private final MessageSource messages;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final Clock clock;

  AppointmentReminders(
      JdbcClient jdbc,
      ReminderSettings settings,
      ReminderProperties properties,
      SmsGateway sms,
      ObjectProvider<JavaMailSender> mail,
      NetworkOrganizations organizations,
      SupervisedPeople people,
      MessageSource messages,
      AuditTrail audit,
      TransactionTemplate transactions,
      Clock clock) {
    this.jdbc = jdbc;
    this.settings = settings;
    this.properties = properties;
    this.sms = sms;
    this.mail = mail;
    this.organizations = organizations;
    this.people = people;
    this.messages = messages;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * Queues the reminders whose lead time has come. When several leads of one appointment are due at
   * once (it was booked late), only the shortest is queued: one message, not two at once.
   *
   * @return how many reminders were queued or recorded as skipped
   */
  @Transactional
  public int queueDue() {
    Instant now = clock.instant();
    List<Duration> leads = properties.leadsLongestFirst();
    if (leads.isEmpty()) {
      return 0;
    }
    List<Upcoming> upcoming =
        jdbc.sql(
                """
                SELECT id, person_id, provider_id, starts_at FROM care_appointment
                WHERE status = 'SCHEDULED' AND starts_at > :now AND starts_at <= :horizon
                """)
            .param("now", Timestamp.from(now))
            .param("horizon", Timestamp.from(now.plus(leads.get(0))))
            .query(
                (rs, n) ->
                    new Upcoming(
                        rs.getObject("id", UUID.class),
                        new PersonId(rs.getObject("person_id", UUID.class)),
                        new OrganizationId(rs.getObject("provider_id", UUID.class)),
                        rs.getTimestamp("starts_at").toInstant()))
            .list();
    int queued = 0;
    for (Upcoming appointment : upcoming) {
      Duration lead = null;
      for (Duration candidate : leads) {
        if (!appointment.startsAt().minus(candidate).isAfter(now)) {
          lead = candidate;
        }
      }
      if (lead == null) {
        continue;
      }
      Settings person = settings.settings(appointment.person());
      for (ReminderChannel channel : ReminderChannel.values()) {
        if (person.preference().wants(channel)) {
          queued += queue(appointment, lead, channel, person, now);
        }
      }
    }
    return queued;
  }

  private int queue(
      Upcoming appointment, Duration lead, ReminderChannel channel, Settings person, Instant now) {
    Instant due = appointment.startsAt().minus(lead);
    if (due.isBefore(now)) {
      due = now;
    }
    ReminderStatus status = ReminderStatus.QUEUED;
    String reason = null;
    Instant next = person.quietHours().endAfter(due);
    if (!person.preference().sendsBy(channel)) {
      status = ReminderStatus.SKIPPED_OPTED_OUT;
      reason = "The person opted out of " + channel + " reminders";
      next = null;
    } else if (!next.isBefore(appointment.startsAt())) {
      status = ReminderStatus.SKIPPED_QUIET_HOURS;
      reason = "Quiet hours last until the appointment";
      next = null;
    }
    UUID id = UUID.randomUUID();
    int inserted =
        jdbc.sql(
                """
                INSERT INTO care_reminder (id, appointment_id, person_id, channel, lead_minutes,
                  appointment_at, due_at, status, next_attempt_at, reason, created_at)
                VALUES (:id, :appointment, :person, :channel, :lead, :at, :due, :status, :next,
                  :reason, :now)
                ON CONFLICT (appointment_id, channel, lead_minutes, appointment_at) DO NOTHING
                """)
            .param("id", id)
            .param("appointment", appointment.id())
            .param("person", appointment.person().value())
            .param("channel", channel.name())
            .param("lead", (int) lead.toMinutes())
            .param("at", Timestamp.from(appointment.startsAt()))
            .param("due", Timestamp.from(due))
            .param("status", status.name())
            .param("next", next == null ? null : Timestamp.from(next))
            .param("reason", reason)
            .param("now", Timestamp.from(now))
            .update();
    if (inserted == 1 && status != ReminderStatus.QUEUED) {
      audited(id, appointment.person(), channel, status);
    }
    return inserted;
  }

  /**
   * Sends the due reminders, one transaction each.
   *
   * @return how many went out (sent or delivered)
   */
  public int sendDue() {
    int sent = 0;
    for (int i = 0; i < properties.batchSize(); i++) {
      Boolean outcome = transactions.execute(status -> sendNext());
      if (outcome == null) {
        break;
      }
      if (outcome) {
        sent++;
      }
    }
    return sent;
  }

  /** Sends the next due reminder; null when none is due, else whether it went out. */
  private Boolean sendNext() {
    Instant now = clock.instant();
    Optional<Due> next =
        jdbc.sql(
                """
                SELECT id, appointment_id, person_id, channel, appointment_at, attempts
                FROM care_reminder
                WHERE status = 'QUEUED' AND next_attempt_at <= :now
                ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED
                """)
            .param("now", Timestamp.from(now))
            .query(
                (rs, n) ->
                    new Due(
                        rs.getObject("id", UUID.class),
                        rs.getObject("appointment_id", UUID.class),
                        new PersonId(rs.getObject("person_id", UUID.class)),
                        ReminderChannel.valueOf(rs.getString("channel")),
                        rs.getTimestamp("appointment_at").toInstant(),
                        rs.getInt("attempts")))
            .optional();
    if (next.isEmpty()) {
      return null;
    }
    Due due = next.get();
    Optional<Upcoming> appointment =
        jdbc.sql(
                """
                SELECT id, person_id, provider_id, starts_at FROM care_appointment
                WHERE id = :id AND status = 'SCHEDULED'
                """)
            .param("id", due.appointment())
            .query(
                (rs, n) ->
                    new Upcoming(
                        rs.getObject("id", UUID.class),
                        new PersonId(rs.getObject("person_id", UUID.class)),
                        new OrganizationId(rs.getObject("provider_id", UUID.class)),
                        rs.getTimestamp("starts_at").toInstant()))
            .optional();
    if (appointment.isEmpty()
        || !appointment.get().startsAt().equals(due.appointmentAt())
        || !appointment.get().startsAt().isAfter(now)) {
      return close(due, ReminderStatus.CANCELLED, "The appointment was cancelled, moved or passed");
    }
    Settings person = settings.settings(due.person());
    if (!person.preference().sendsBy(due.channel())) {
      return close(
          due,
          ReminderStatus.SKIPPED_OPTED_OUT,
          "The person opted out of " + due.channel() + " reminders");
    }
    QuietHours quiet = person.quietHours();
    if (quiet.contains(now)) {
      Instant later = quiet.endAfter(now);
      if (!later.isBefore(due.appointmentAt())) {
        return close(
            due, ReminderStatus.SKIPPED_QUIET_HOURS, "Quiet hours last until the appointment");
      }
      jdbc.sql("UPDATE care_reminder SET next_attempt_at = :next WHERE id = :id")
          .param("next", Timestamp.from(later))
          .param("id", due.id())
          .update();
      return false;
    }
    String text = text(appointment.get(), person, due.channel());
    int attempts = due.attempts() + 1;
    try {
      ReminderStatus outcome;
      String reference = null;
      if (due.channel() == ReminderChannel.SMS) {
        String phone = person.contact().phone();
        if (phone == null || phone.isBlank()) {
          return fail(due, attempts, "No phone number on the person's record", true);
        }
        SmsGateway.Sent sent = sms.send(phone, text);
        outcome = sent.delivered() ? ReminderStatus.DELIVERED : ReminderStatus.SENT;
        reference = sent.reference();
      } else {
        String address = person.contact().email();
        if (address == null || address.isBlank()) {
          return fail(due, attempts, "No email address on the person's record", true);
        }
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
          return fail(due, attempts, "No mail server is configured", false);
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.mailFrom());
        message.setTo(address);
        message.setSubject(text("care.reminder.mail.subject"));
        message.setText(text);
        sender.send(message);
        outcome = ReminderStatus.SENT;
      }
      jdbc.sql(
              """
              UPDATE care_reminder SET status = :status, attempts = :attempts, sent_at = :now,
                next_attempt_at = NULL, reason = NULL, reference = :reference WHERE id = :id
              """)
          .param("status", outcome.name())
          .param("attempts", attempts)
          .param("now", Timestamp.from(now))
          .param("reference", reference)
          .param("id", due.id())
          .update();
      audited(due.id(), due.person(), due.channel(), outcome);
      return true;
    } catch (SmsGateway.SmsFailure failure) {
      return fail(due, attempts, failure.getMessage(), failure.permanent());
    } catch (MailException failure) {
      return fail(due, attempts, "The mail server did not accept the message", false);
    }
  }

  private Boolean fail(Due due, int attempts, String reason, boolean permanent) {
    Instant now = clock.instant();
    boolean last = permanent || attempts >= properties.maxAttempts();
    jdbc.sql(
            """
            UPDATE care_reminder SET status = :status, attempts = :attempts, reason = :reason,
              next_attempt_at = :next WHERE id = :id
            """)
        .param("status", last ? ReminderStatus.FAILED.name() : ReminderStatus.QUEUED.name())
        .param("attempts", attempts)
        .param("reason", reason)
        .param("next", last ? null : Timestamp.from(now.plus(properties.backoff(attempts))))
        .param("id", due.id())
        .update();
    if (last) {
      audited(due.id(), due.person(), due.channel(), ReminderStatus.FAILED);
    }
    return false;
  }

  private Boolean close(Due due, ReminderStatus status, String reason) {
    jdbc.sql(
            """
            UPDATE care_reminder SET status = :status, reason = :reason, next_attempt_at = NULL
            WHERE id = :id
            """)
        .param("status", status.name())
        .param("reason", reason)
        .param("id", due.id())
        .update();
    audited(due.id(), due.person(), due.channel(), status);
    return false;
  }

  /** "You have an appointment on 9 December 2026 at 10:00." in the person's time zone. */
  String text(Upcoming appointment, Settings person, ReminderChannel channel) {
    Locale locale = Locale.ENGLISH;
    ZonedDateTime at = appointment.startsAt().atZone(person.preference().zone());
    String day = at.format(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale));
    String time = at.format(DateTimeFormatter.ofPattern("HH:mm", locale));
    String sentence =
        person.preference().nameProvider()
            ? messages.getMessage(
                "care.reminder.text.named",
                new Object[] {day, time, providerName(appointment.provider())},
                locale)
            : messages.getMessage("care.reminder.text", new Object[] {day, time}, locale);
    return channel == ReminderChannel.SMS
        ? sentence + " " + messages.getMessage("care.reminder.text.stop", null, locale)
        : sentence;
  }

  private String text(String key) {
    return messages.getMessage(key, null, Locale.ENGLISH);
  }

  private String providerName(OrganizationId provider) {
    return organizations.find(provider).map(NetworkOrganization::name).orElse("");
  }

  /**
   * Records what the SMS provider later says became of a message it accepted: delivered, or failed
   * with its reason. Only a reminder still SENT changes (a late or repeated receipt is ignored).
   *
   * @return whether a reminder changed
   */
  @Transactional
  public boolean applyReceipt(String reference, boolean delivered, String reason) {
    if (reference == null || reference.isBlank()) {
      return false;
    }
    List<Map<String, Object>> changed =
        jdbc.sql(
                """
                UPDATE care_reminder SET status = :status, reason = :reason
                WHERE reference = :reference AND channel = 'SMS' AND status = 'SENT'
                RETURNING id, person_id
                """)
            .param("status", (delivered ? ReminderStatus.DELIVERED : ReminderStatus.FAILED).name())
            .param(
                "reason",
                delivered
                    ? null
                    : "The SMS provider could not deliver it"
                        + (reason == null || reason.isBlank()
                            ? ""
                            : ": "
                                + reason
                                    .strip()
                                    .substring(0, Math.min(reason.strip().length(), 200))))
            .param("reference", reference)
            .query()
            .listOfRows();
    for (Map<String, Object> row : changed) {
      audited(
          (UUID) row.get("id"),
          new PersonId((UUID) row.get("person_id")),
          ReminderChannel.SMS,
          delivered ? ReminderStatus.DELIVERED : ReminderStatus.FAILED);
    }
    return !changed.isEmpty();
  }

  private void audited(
      UUID reminder, PersonId person, ReminderChannel channel, ReminderStatus status) {
    audit.record(
        AuditEvent.success("care.reminder." + status.name().toLowerCase(Locale.ROOT))
            .withRecord("care-reminder", reminder)
            .withPerson(person.value())
            .withActor(Actor.system())
            .withDetail("channel", channel.name()));
  }

  /**
   * The person's reminders, latest first (at most 50), for a caller who sees the person; audited.
   *
   * @throws NotFoundException if there is no such person or the caller does not see them
   */
  @Transactional
  public List<Reminder> remindersOf(BridgewayPrincipal principal, PersonId person) {
    people.visibleTo(principal, person);
    List<Reminder> found =
        new ArrayList<>(
            jdbc.sql(
                    """
                    SELECT id, appointment_id, channel, lead_minutes, appointment_at, due_at,
                      status, attempts, next_attempt_at, reason, sent_at
                    FROM care_reminder WHERE person_id = :person
                    ORDER BY created_at DESC, lead_minutes LIMIT 50
                    """)
                .param("person", person.value())
                .query(
                    (rs, n) ->
                        new Reminder(
                            rs.getObject("id", UUID.class),
                            rs.getObject("appointment_id", UUID.class),
                            ReminderChannel.valueOf(rs.getString("channel")),
                            rs.getLong("lead_minutes"),
                            rs.getTimestamp("appointment_at").toInstant(),
                            rs.getTimestamp("due_at").toInstant(),
                            ReminderStatus.valueOf(rs.getString("status")),
                            rs.getInt("attempts"),
                            rs.getTimestamp("next_attempt_at") == null
                                ? null
                                : rs.getTimestamp("next_attempt_at").toInstant(),
                            rs.getString("reason"),
                            rs.getTimestamp("sent_at") == null
                                ? null
                                : rs.getTimestamp("sent_at").toInstant()))
                .list());
    audit.record(
        AuditEvent.success("care.reminder.list")
            .withRecord("supervision-person", person.value())
            .withPerson(person.value())
            .withDetail("reminders", Integer.toString(found.size())));
    return found;
  }
}
