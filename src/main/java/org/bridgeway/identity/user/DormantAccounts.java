package org.bridgeway.identity.user;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Disables accounts unused for 90 days (CJIS). Runs nightly through the database-backed scheduler,
 * so exactly one node runs it however many serve the application.
 */
@Configuration(proxyBeanMethods = false)
public class DormantAccounts {

  private final Users users;
  private final UserSessions sessions;
  private final AuditTrail audit;
  private final Clock clock;
  private final TransactionTemplate transactions;

  DormantAccounts(
      Users users,
      UserSessions sessions,
      AuditTrail audit,
      Clock clock,
      TransactionTemplate transactions) {
    this.users = users;
    this.sessions = sessions;
    this.audit = audit;
    this.clock = clock;
    this.transactions = transactions;
  }

  @Bean
  RecurringTask<Void> disableDormantAccountsTask() {
    return Tasks.recurring("disable-dormant-accounts", Schedules.daily(LocalTime.of(2, 15)))
        .execute((instance, context) -> disableDormantAccounts());
  }

  /**
   * Disables every account whose last use is more than 90 days ago.
   *
   * @return how many accounts were disabled
   */
  public int disableDormantAccounts() {
    Instant now = clock.instant();
    Integer disabled =
        transactions.execute(
            status -> {
              int count = 0;
              for (User user : users.findByStatusNot(UserStatus.DISABLED)) {
                if (user.isDormant(now)) {
                  user.disable(DisableReason.DORMANT);
                  users.save(user);
                  sessions.endAll(user.id());
                  audit.record(
                      AuditEvent.success("identity.account.disable-dormant")
                          .withRecord("user", user.id().value()));
                  count++;
                }
              }
              return count;
            });
    return disabled == null ? 0 : disabled;
  }
}
