package org.bridgeway.care.alert;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.bridgeway.audit.AuditEvent;
import org.bridgeway.audit.AuditTrail;
import org.bridgeway.care.TreatmentAlertNotice;
import org.bridgeway.identity.UserId;
import org.bridgeway.shared.security.Actor;
import org.bridgeway.supervision.SupervisedPeople;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The alert jobs, through the database-backed scheduler (one node runs them however many serve):
 * every few minutes, alerts still open past their escalation time go to the supervisor of the
 * person's officer; every night, open episodes without attendance for the agency's days raise an
 * alert. Both read the clock, so tests move time and call them directly.
 */
@Configuration(proxyBeanMethods = false)
public class AlertWatch {

  /** What one escalation run did. */
  public record Run(int escalated) {}

  private final AlertStore store;
  private final AlertRaiser raiser;
  private final SupervisedPeople people;
  private final AuditTrail audit;
  private final Clock clock;
  private final TransactionTemplate transactions;
  private final ApplicationEventPublisher events;

  AlertWatch(
      AlertStore store,
      AlertRaiser raiser,
      SupervisedPeople people,
      AuditTrail audit,
      Clock clock,
      TransactionTemplate transactions,
      ApplicationEventPublisher events) {
    this.store = store;
    this.raiser = raiser;
    this.people = people;
    this.audit = audit;
    this.clock = clock;
    this.transactions = transactions;
    this.events = events;
  }

  @Bean
  RecurringTask<Void> careAlertEscalationTask() {
    return Tasks.recurring("care-alert-escalation", Schedules.fixedDelay(Duration.ofMinutes(5)))
        .execute((instance, context) -> escalate());
  }

  @Bean
  RecurringTask<Void> careAlertAttendanceTask() {
    return Tasks.recurring("care-alert-attendance", Schedules.daily(LocalTime.of(2, 30)))
        .execute((instance, context) -> raiseForDaysWithoutAttendance());
  }

  /** Raises the alerts for days without attendance as of today; how many were raised. */
  public int raiseForDaysWithoutAttendance() {
    return raiser.raiseForDaysWithoutAttendance();
  }

  /**
   * Escalates every alert open past its time, each in its own transaction (one acknowledged
   * meanwhile is skipped: its version moved on).
   */
  public Run escalate() {
    Instant now = clock.instant();
    int escalated = 0;
    for (CareAlertId id : store.dueForEscalation(now)) {
      Boolean done =
          transactions.execute(
              status -> {
                CareAlert alert = store.find(id).orElse(null);
                if (alert == null || !alert.dueForEscalation(now)) {
                  return false;
                }
                UUID supervisor =
                    alert.officers().isEmpty()
                        ? null
                        : people.supervisorOf(alert.officers().getFirst()).orElse(null);
                if (!store.escalate(id, alert.version(), now, supervisor)) {
                  return false;
                }
                audit.record(
                    AuditEvent.success("care.alert.escalate")
                        .withActor(Actor.system())
                        .withRecord(AlertRaiser.ALERT, id.value())
                        .withPerson(alert.person().value())
                        .withDetail("rule", alert.rule().name())
                        .withDetail(
                            "supervisor", supervisor == null ? "none" : supervisor.toString()));
                if (supervisor != null) {
                  events.publishEvent(
                      new TreatmentAlertNotice(
                          id.value(),
                          alert.person(),
                          alert.agency(),
                          TreatmentAlertNotice.Kind.ESCALATED,
                          List.of(new UserId(supervisor)),
                          now));
                }
                return true;
              });
      if (Boolean.TRUE.equals(done)) {
        escalated++;
      }
    }
    return new Run(escalated);
  }
}
