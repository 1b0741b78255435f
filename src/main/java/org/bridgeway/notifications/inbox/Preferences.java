package org.bridgeway.notifications.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.identity.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each user's choice, per category, of how they hear of it by email. A user changes only their own;
 * every change is audited (codes only). Choices are whole-form writes by their owner, so the last
 * save wins (ADR 0018).
 */
@Service
public class Preferences {

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;

  Preferences(JdbcClient jdbc, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /** The user's choice for every category, defaults filled in. */
  @Transactional(readOnly = true)
  public Map<Category, EmailMode> of(UserId user) {
    Map<Category, EmailMode> choices = new EnumMap<>(Category.class);
    for (Category category : Category.values()) {
      choices.put(category, category.defaultEmail());
    }
    jdbc.sql("SELECT category, email FROM notification_preference WHERE user_id = ?")
        .param(user.value())
        .query(
            (rs, n) -> {
              choices.put(
                  Category.valueOf(rs.getString("category")),
                  EmailMode.valueOf(rs.getString("email")));
              return null;
            })
        .list();
    return choices;
  }

  /** How the user wants one category by email. */
  @Transactional(readOnly = true)
  public EmailMode emailFor(UserId user, Category category) {
    return jdbc.sql("SELECT email FROM notification_preference WHERE user_id = ? AND category = ?")
        .params(user.value(), category.name())
        .query(String.class)
        .optional()
        .map(EmailMode::valueOf)
        .orElse(category.defaultEmail());
  }

  /** Records the user's choices for the categories given; the others keep theirs. */
  @Transactional
  public Map<Category, EmailMode> choose(UserId user, Map<Category, EmailMode> choices) {
    Timestamp now = Timestamp.from(clock.instant());
    AuditEvent event =
        AuditEvent.success("notifications.preferences.change").withRecord("user", user.value());
    for (Map.Entry<Category, EmailMode> choice : choices.entrySet()) {
      jdbc.sql(
              """
              INSERT INTO notification_preference (user_id, category, email, updated_at)
              VALUES (?, ?, ?, ?)
              ON CONFLICT (user_id, category) DO UPDATE
                SET email = EXCLUDED.email, updated_at = EXCLUDED.updated_at
              """)
          .params(user.value(), choice.getKey().name(), choice.getValue().name(), now)
          .update();
      event = event.withDetail(choice.getKey().name(), choice.getValue().name());
    }
    audit.record(event);
    return of(user);
  }
}
