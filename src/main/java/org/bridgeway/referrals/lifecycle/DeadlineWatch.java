package org.bridgeway.referrals.lifecycle;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.referrals.ReferralId;
import org.bridgeway.shared.security.Actor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Watches response deadlines: every few minutes, through the database-backed scheduler (one node
 * runs it however many serve), publishes {@code RESPONSE_DUE_SOON} once when a referral's reminder
 * time has come and {@code RESPONSE_OVERDUE} once when its deadline has passed without an answer,
 * flagging it overdue. Notifications escalate from those events.
 */
@Configuration(proxyBeanMethods = false)
public class DeadlineWatch {

  /** What one run did. */
  public record Run(int reminded, int overdue) {}

  private final Referrals referrals;
  private final ReferralQueries queries;
  private final AuditTrail audit;
  private final Clock clock;
  private final TransactionTemplate transactions;

  DeadlineWatch(
      Referrals referrals,
      ReferralQueries queries,
      AuditTrail audit,
      Clock clock,
      TransactionTemplate transactions) {
    this.referrals = referrals;
    this.queries = queries;
    this.audit = audit;
    this.clock = clock;
    this.transactions = transactions;
  }

  @Bean
  RecurringTask<Void> referralDeadlinesTask() {
    return Tasks.recurring("referral-deadlines", Schedules.fixedDelay(Duration.ofMinutes(5)))
        .execute((instance, context) -> watch());
  }

  /**
   * Reminds and escalates every referral due now, each in its own transaction (a referral answered
   * meanwhile is skipped: its version moved on and its state no longer awaits an answer).
   */
  public Run watch() {
    Instant now = clock.instant();
    int reminded = 0;
    for (ReferralId id : queries.dueForReminder(now)) {
      if (step(id, now, false)) {
        reminded++;
      }
    }
    int overdue = 0;
    for (ReferralId id : queries.dueForOverdue(now)) {
      if (step(id, now, true)) {
        overdue++;
      }
    }
    return new Run(reminded, overdue);
  }

  private boolean step(ReferralId id, Instant now, boolean escalate) {
    try {
      Boolean done =
          transactions.execute(
              status -> {
                Referral referral = referrals.findById(id).orElse(null);
                if (referral == null) {
                  return false;
                }
                boolean changed =
                    escalate ? referral.markOverdue(now) : referral.remindDueSoon(now);
                if (!changed) {
                  return false;
                }
                referrals.save(referral);
                audit.record(
                    AuditEvent.success(
                            escalate ? "referrals.referral.overdue" : "referrals.referral.due-soon")
                        .withActor(Actor.system())
                        .withRecord(ReferralRecords.REFERRAL, referral.id().value())
                        .withPerson(referral.personId().value())
                        .withDetail("provider", String.valueOf(referral.providerOrganization())));
                return true;
              });
      return Boolean.TRUE.equals(done);
    } catch (OptimisticLockingFailureException answeredMeanwhile) {
      return false;
    }
  }
}
