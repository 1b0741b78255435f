package org.bridgeway.notifications.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.bridgeway.care.TreatmentAlertNotice;
import org.bridgeway.identity.UserId;
import org.bridgeway.referrals.ReferralChanged;
import org.bridgeway.shared.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The in-app notifications of each user. A user reaches only their own: anyone else's answers like
 * a missing one. Notifications hold codes and ids only, so reading them is not a read of a person's
 * record and is not audited.
 */
@Service
public class Inbox {

  /** How many notifications a list shows at most (the newest). */
  public static final int LIST_LIMIT = 100;

  /** The change code of a notification that an alert was raised for one's caseload. */
  public static final String ALERT_RAISED = "ALERT_RAISED";

  /** The change code of a notification that an alert was escalated to one as supervisor. */
  public static final String ALERT_ESCALATED = "ALERT_ESCALATED";

  /** The change code a treatment alert notice gives its notification. */
  public static String changeOf(TreatmentAlertNotice notice) {
    return notice.kind() == TreatmentAlertNotice.Kind.RAISED ? ALERT_RAISED : ALERT_ESCALATED;
  }

  private final JdbcClient jdbc;
  private final Clock clock;

  Inbox(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The user's newest notifications, the unread ones only if asked. */
  @Transactional(readOnly = true)
  public List<InboxEntry> of(UserId user, boolean unreadOnly) {
    return jdbc.sql(
            """
            SELECT id, category, change, referral_id, alert_id, created_at, read_at FROM notification
            WHERE user_id = :user AND (NOT :unreadOnly OR read_at IS NULL)
            ORDER BY created_at DESC, id LIMIT :limit
            """)
        .param("user", user.value())
        .param("unreadOnly", unreadOnly)
        .param("limit", LIST_LIMIT)
        .query(
            (rs, n) ->
                new InboxEntry(
                    rs.getObject("id", UUID.class),
                    Category.valueOf(rs.getString("category")),
                    rs.getString("change"),
                    rs.getObject("referral_id", UUID.class),
                    rs.getObject("alert_id", UUID.class),
                    rs.getTimestamp("created_at").toInstant(),
                    rs.getTimestamp("read_at") == null
                        ? null
                        : rs.getTimestamp("read_at").toInstant()))
        .list();
  }

  /** How many of the user's notifications are unread: one count over a partial index. */
  @Transactional(readOnly = true)
  public long unreadCount(UserId user) {
    return jdbc.sql("SELECT count(*) FROM notification WHERE user_id = ? AND read_at IS NULL")
        .param(user.value())
        .query(Long.class)
        .single();
  }

  /**
   * Marks one of the user's notifications read (again is harmless).
   *
   * @throws NotFoundException if the user has no such notification
   */
  @Transactional
  public void markRead(UserId user, UUID notification) {
    int found =
        jdbc.sql(
                """
                UPDATE notification SET read_at = coalesce(read_at, ?)
                WHERE id = ? AND user_id = ?
                """)
            .params(Timestamp.from(clock.instant()), notification, user.value())
            .update();
    if (found == 0) {
      throw new NotFoundException("notification");
    }
  }

  /** Marks all of the user's notifications read; answers how many were unread. */
  @Transactional
  public int markAllRead(UserId user) {
    return jdbc.sql("UPDATE notification SET read_at = ? WHERE user_id = ? AND read_at IS NULL")
        .params(Timestamp.from(clock.instant()), user.value())
        .update();
  }

  /**
   * Adds a notification of the change for the user, unless this change already gave them one (a
   * republished event).
   *
   * @return whether it was added
   */
  @Transactional
  public boolean add(UserId user, Category category, ReferralChanged event, boolean digest) {
    return jdbc.sql(
                """
                INSERT INTO notification (id, user_id, category, change, referral_id,
                  referral_version, created_at, digest_pending)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (user_id, referral_id, referral_version, change) DO NOTHING
                """)
            .params(
                UUID.randomUUID(),
                user.value(),
                category.name(),
                event.change().name(),
                event.referral().value(),
                event.version(),
                Timestamp.from(clock.instant()),
                digest)
            .update()
        == 1;
  }

  /**
   * Adds a notification of the treatment alert for the user, unless the notice already gave them
   * one (a republished event).
   *
   * @return whether it was added
   */
  @Transactional
  public boolean add(UserId user, TreatmentAlertNotice notice, boolean digest) {
    return jdbc.sql(
                """
                INSERT INTO notification (id, user_id, category, change, alert_id, created_at,
                  digest_pending)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (user_id, alert_id, change) WHERE alert_id IS NOT NULL DO NOTHING
                """)
            .params(
                UUID.randomUUID(),
                user.value(),
                Category.TREATMENT_ALERTS.name(),
                changeOf(notice),
                notice.alert(),
                Timestamp.from(clock.instant()),
                digest)
            .update()
        == 1;
  }
}
