package org.bridgeway.care.reminder;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Queues and sends appointment reminders every minute, through the database-backed scheduler. */
@Configuration(proxyBeanMethods = false)
class ReminderJobs {

  @Bean
  RecurringTask<Void> appointmentRemindersTask(AppointmentReminders reminders) {
    return Tasks.recurring("care-appointment-reminders", FixedDelay.of(Duration.ofMinutes(1)))
        .execute(
            (instance, context) -> {
              reminders.queueDue();
              reminders.sendDue();
            });
  }
}
