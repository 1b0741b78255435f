package org.bridgeway.referrals.measures;

import java.sql.Timestamp;
import org.bridgeway.referrals.ReferralChanged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the facts of the referral measures from the {@link ReferralChanged} events. Events reach it
 * after their transaction commits, in any order and possibly twice (the publication registry
 * redelivers after a crash), so every update is written to give the same row whatever the order:
 * first answers keep the earliest, and the base row is created by whichever event comes first.
 */
@Component
class ReferralMeasureRecorder {

  private final JdbcClient jdbc;

  ReferralMeasureRecorder(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @ApplicationModuleListener
  void on(ReferralChanged event) {
    record(event);
  }

  /** Applies one event (tests replay events through it, in any order). */
  void record(ReferralChanged event) {
    if (!ensureRow(event)) {
      return;
    }
    Timestamp at = Timestamp.from(event.occurredAt());
    switch (event.change()) {
      case ACCEPTED -> answered(event, "ACCEPTED", "accepted_at", at);
      case WAITLISTED -> answered(event, "WAITLISTED", "waitlisted_at", at);
      case DECLINED -> {
        answered(event, "DECLINED", "declined_at", at);
        jdbc.sql(
                """
                UPDATE referral_measure m
                   SET decline_reason = r.closing_reason
                  FROM referral r
                 WHERE m.referral_id = :id AND r.id = m.referral_id
                """)
            .param("id", event.referral().value())
            .update();
        closed(event, at);
      }
      case INTAKE_SCHEDULED ->
          jdbc.sql(
                  """
                  UPDATE referral_measure m
                     SET intake_at = r.intake_at
                    FROM referral r
                   WHERE m.referral_id = :id AND r.id = m.referral_id
                  """)
              .param("id", event.referral().value())
              .update();
      case RESPONSE_OVERDUE -> update(event, earliest("overdue_at"), at);
      case COMPLETED, ENDED_EARLY, WITHDRAWN -> closed(event, at);
      default -> update(event, null, at);
    }
  }

  /**
   * Creates the row from the referral's own record the first time any event of a sent referral
   * arrives; false when the referral was never sent (a draft's changes are not measured).
   */
  private boolean ensureRow(ReferralChanged event) {
    jdbc.sql(
            """
            INSERT INTO referral_measure (referral_id, referring_organization_id,
                referring_officer_id, provider_organization_id, off_platform, sent_at, last_version)
            SELECT r.id, r.referring_organization_id, r.referring_officer_id,
                   r.provider_organization_id, r.off_platform, r.sent_at, 0
              FROM referral r
             WHERE r.id = :id AND r.sent_at IS NOT NULL
            ON CONFLICT (referral_id) DO NOTHING
            """)
        .param("id", event.referral().value())
        .update();
    return jdbc.sql("SELECT count(*) FROM referral_measure WHERE referral_id = :id")
            .param("id", event.referral().value())
            .query(Long.class)
            .single()
        > 0;
  }

  /** An assignment that keeps the earliest of the column's value and the event's time. */
  private static String earliest(String column) {
    return column + " = LEAST(COALESCE(" + column + ", :at), :at)";
  }

  /**
   * A first answer of the provider (accept, decline, waitlist): stamps its column and, when it is
   * the earliest answer seen, records it as the first response.
   */
  private void answered(ReferralChanged event, String answer, String column, Timestamp at) {
    jdbc.sql(
            """
            UPDATE referral_measure
               SET first_response = CASE WHEN first_response_at IS NULL OR :at < first_response_at
                                         THEN :answer ELSE first_response END,
                   first_response_at = LEAST(COALESCE(first_response_at, :at), :at),
                   %s,
                   last_version = GREATEST(last_version, :version)
             WHERE referral_id = :id
            """
                .formatted(earliest(column)))
        .param("id", event.referral().value())
        .param("at", at)
        .param("answer", answer)
        .param("version", event.version())
        .update();
  }

  private void closed(ReferralChanged event, Timestamp at) {
    jdbc.sql(
            """
            UPDATE referral_measure
               SET closed_state = CASE WHEN :version >= last_version THEN :state
                                       ELSE COALESCE(closed_state, :state) END,
                   closed_at = CASE WHEN :version >= last_version THEN :at
                                    ELSE COALESCE(closed_at, :at) END,
                   last_version = GREATEST(last_version, :version)
             WHERE referral_id = :id
            """)
        .param("id", event.referral().value())
        .param("state", event.state().name())
        .param("at", at)
        .param("version", event.version())
        .update();
  }

  private void update(ReferralChanged event, String assignment, Timestamp at) {
    jdbc.sql(
            "UPDATE referral_measure SET "
                + (assignment == null ? "" : assignment + ", ")
                + "last_version = GREATEST(last_version, :version) WHERE referral_id = :id")
        .param("id", event.referral().value())
        .param("at", at)
        .param("version", event.version())
        .update();
  }
}
