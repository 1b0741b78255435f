package org.bridgeway.notifications.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.bridgeway.care.TreatmentAlertNotice;
import org.bridgeway.identity.StaffDirectory;
import org.bridgeway.identity.StaffMember;
import org.bridgeway.identity.UserId;
import org.bridgeway.notifications.inbox.Backoff;
import org.bridgeway.notifications.inbox.Inbox;
import org.bridgeway.notifications.inbox.NotificationProperties;
import org.bridgeway.referrals.ReferralChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mail outbox (ADR 0018). Mails are written in the transaction that decides to send them and
 * sent later by {@link #sendDue()}; a failed attempt is retried with capped exponential backoff and
 * jitter, and given up after the maximum attempts. Without an SMTP host mails stay queued. Mails
 * hold a neutral sentence and a link, never anything about a person.
 */
@Service
public class MailOutbox {

  private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);
  private static final Locale MAIL_LOCALE = Locale.ENGLISH;

  /** Where a mail stands. */
  public enum Status {
    PENDING,
    SENT,
    FAILED,
    CANCELLED
  }

  /** A mail as administrators see it in the outbox: no subject or body, ids and codes only. */
  public record MailLine(
      UUID id,
      UUID userId,
      String kind,
      Status status,
      int attempts,
      Instant nextAttemptAt,
      String lastError,
      Instant createdAt) {}

  private final JdbcClient jdbc;
  private final ObjectProvider<JavaMailSender> sender;
  private final StaffDirectory staff;
  private final MessageSource messages;
  private final NotificationProperties properties;
  private final Clock clock;
  private final TransactionTemplate transactions;
  private final Backoff backoff;

  MailOutbox(
      JdbcClient jdbc,
      ObjectProvider<JavaMailSender> sender,
      StaffDirectory staff,
      MessageSource messages,
      NotificationProperties properties,
      Clock clock,
      TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.sender = sender;
    this.staff = staff;
    this.messages = messages;
    this.properties = properties;
    this.clock = clock;
    this.transactions = transactions;
    this.backoff =
        new Backoff(
            properties.firstRetry(),
            properties.maxRetry(),
            () -> ThreadLocalRandom.current().nextDouble());
  }

  /** Whether an SMTP server is configured; without one, mails wait in the outbox. */
  public boolean configured() {
    return sender.getIfAvailable() != null;
  }

  /** Queues the mail of one change for one recipient, in the caller's transaction. */
  public UUID enqueueChange(StaffMember recipient, ReferralChanged event) {
    String sentence = sentence(event.change().name());
    String body =
        text(
            "notifications.mail.change.body",
            sentence,
            properties.link("/referrals/" + event.referral()));
    return enqueue(
        recipient, "IMMEDIATE", text("notifications.mail.change.subject", sentence), body);
  }

  /**
   * Queues the mail of a treatment alert for one recipient, in the caller's transaction: a neutral
   * sentence and the alerts page, since what the alert is about may be Part 2 information.
   */
  public UUID enqueueAlert(StaffMember recipient, TreatmentAlertNotice notice) {
    String change = Inbox.changeOf(notice);
    String sentence = sentence(change);
    String page =
        notice.kind() == TreatmentAlertNotice.Kind.ESCALATED
            ? "/care/alerts/escalated"
            : "/care/alerts";
    String body = text("notifications.mail.change.body", sentence, properties.link(page));
    return enqueue(
        recipient, "IMMEDIATE", text("notifications.mail.change.subject", sentence), body);
  }

  private UUID enqueue(StaffMember recipient, String kind, String subject, String body) {
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql(
            """
            INSERT INTO notification_mail (id, user_id, organization_id, kind, subject, body,
              status, attempts, next_attempt_at, created_at)
            VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)
            """)
        .params(
            id,
            recipient.id().value(),
            recipient.organization().value(),
            kind,
            subject,
            body,
            now,
            now)
        .update();
    return id;
  }

  /**
   * Sends the mails that are due, one transaction each (a row is locked while it is sent, so
   * several nodes never send one twice). Does nothing without an SMTP server.
   *
   * @return how many were sent
   */
  public int sendDue() {
    JavaMailSender mail = sender.getIfAvailable();
    if (mail == null) {
      return 0;
    }
    int sent = 0;
    for (int i = 0; i < properties.batchSize(); i++) {
      Boolean outcome = transactions.execute(status -> sendNext(mail));
      if (outcome == null) {
        break;
      }
      if (outcome) {
        sent++;
      }
    }
    return sent;
  }

  /** Sends the next due mail; null when none is due, else whether it went out. */
  private Boolean sendNext(JavaMailSender mail) {
    Instant now = clock.instant();
    Optional<Due> next =
        jdbc.sql(
                """
                SELECT id, user_id, subject, body, attempts FROM notification_mail
                WHERE status = 'PENDING' AND next_attempt_at <= ?
                ORDER BY next_attempt_at, created_at LIMIT 1 FOR UPDATE SKIP LOCKED
                """)
            .param(Timestamp.from(now))
            .query(
                (rs, n) ->
                    new Due(
                        rs.getObject("id", UUID.class),
                        new UserId(rs.getObject("user_id", UUID.class)),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getInt("attempts")))
            .optional();
    if (next.isEmpty()) {
      return null;
    }
    Due due = next.get();
    Optional<String> address = staff.emailOf(due.user());
    if (address.isEmpty()) {
      jdbc.sql("UPDATE notification_mail SET status = 'CANCELLED' WHERE id = ?")
          .param(due.id())
          .update();
      return false;
    }
    int attempts = due.attempts() + 1;
    try {
      SimpleMailMessage message = new SimpleMailMessage();
      message.setFrom(properties.mailFrom());
      message.setTo(address.get());
      message.setSubject(due.subject());
      message.setText(due.body());
      mail.send(message);
      jdbc.sql(
              """
              UPDATE notification_mail SET status = 'SENT', attempts = ?, sent_at = ?,
                last_error = NULL WHERE id = ?
              """)
          .params(attempts, Timestamp.from(now), due.id())
          .update();
      return true;
    } catch (RuntimeException failure) {
      boolean givingUp = attempts >= properties.maxAttempts();
      log.warn(
          "Mail {} failed (attempt {}{}): {}",
          due.id(),
          attempts,
          givingUp ? ", given up" : "",
          failure.getClass().getSimpleName());
      jdbc.sql(
              """
              UPDATE notification_mail SET status = ?, attempts = ?, next_attempt_at = ?,
                last_error = ? WHERE id = ?
              """)
          .params(
              givingUp ? Status.FAILED.name() : Status.PENDING.name(),
              attempts,
              Timestamp.from(now.plus(backoff.after(attempts))),
              failure.getClass().getSimpleName(),
              due.id())
          .update();
      return false;
    }
  }

  /**
   * Composes the daily digest: one mail per user of the notifications waiting for it that came
   * before the latest digest time (in the configured zone) not after now. Calling it again before
   * the next digest time finds nothing new to compose.
   *
   * @return how many digest mails were queued
   */
  public int composeDigests() {
    Instant cutOff = latestDigestTime(clock.instant());
    Integer queued =
        transactions.execute(
            status -> {
              List<UUID> users =
                  jdbc.sql(
                          """
                          SELECT DISTINCT user_id FROM notification
                          WHERE digest_pending AND created_at < ?
                          """)
                      .param(Timestamp.from(cutOff))
                      .query(UUID.class)
                      .list();
              int count = 0;
              for (UUID user : users) {
                if (digestFor(new UserId(user), cutOff)) {
                  count++;
                }
              }
              return count;
            });
    return queued == null ? 0 : queued;
  }

  private boolean digestFor(UserId user, Instant cutOff) {
    List<String> changes =
        jdbc.sql(
                """
                UPDATE notification SET digest_pending = FALSE
                WHERE user_id = ? AND digest_pending AND created_at < ?
                RETURNING change
                """)
            .params(user.value(), Timestamp.from(cutOff))
            .query(String.class)
            .list();
    Optional<StaffMember> member = staff.find(user).filter(StaffMember::active);
    if (changes.isEmpty() || member.isEmpty()) {
      return false;
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    changes.stream().sorted().forEach(c -> counts.merge(c, 1, Integer::sum));
    StringBuilder lines = new StringBuilder();
    counts.forEach(
        (change, n) ->
            lines.append(text("notifications.mail.digest.line", n, sentence(change))).append('\n'));
    String body =
        text("notifications.mail.digest.body", lines.toString(), properties.link("/notifications"));
    enqueue(
        member.get(), "DIGEST", text("notifications.mail.digest.subject", changes.size()), body);
    return true;
  }

  /** The latest configured digest time at or before the instant. */
  Instant latestDigestTime(Instant now) {
    ZonedDateTime local = now.atZone(properties.zone());
    LocalDate day = local.toLocalDate();
    ZonedDateTime today = day.atTime(properties.digestTime()).atZone(properties.zone());
    return (today.isAfter(local) ? today.minusDays(1) : today).toInstant();
  }

  /** The outbox of an organization's users, or of all when null: newest first. */
  public List<MailLine> outbox(UUID organization, Status status) {
    return jdbc.sql(
            """
            SELECT id, user_id, kind, status, attempts, next_attempt_at, last_error, created_at
            FROM notification_mail
            WHERE (CAST(:organization AS UUID) IS NULL OR organization_id = :organization)
              AND status = :status
            ORDER BY created_at DESC LIMIT 100
            """)
        .param("organization", organization)
        .param("status", status.name())
        .query(
            (rs, n) ->
                new MailLine(
                    rs.getObject("id", UUID.class),
                    rs.getObject("user_id", UUID.class),
                    rs.getString("kind"),
                    Status.valueOf(rs.getString("status")),
                    rs.getInt("attempts"),
                    rs.getTimestamp("next_attempt_at").toInstant(),
                    rs.getString("last_error"),
                    rs.getTimestamp("created_at").toInstant()))
        .list();
  }

  private String sentence(String change) {
    return text("notifications.change." + change);
  }

  private String text(String key, Object... arguments) {
    return messages.getMessage(key, arguments, MAIL_LOCALE);
  }

  private record Due(UUID id, UserId user, String subject, String body, int attempts) {}
}
