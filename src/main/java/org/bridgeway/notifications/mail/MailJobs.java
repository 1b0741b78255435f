package org.bridgeway.notifications.mail;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Daily;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.bridgeway.notifications.inbox.NotificationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The recurring tasks of the mail outbox, on the database-backed scheduler so that one node runs
 * each at a time: sending due mails every half minute, and the daily digest at the configured local
 * time.
 */
@Configuration(proxyBeanMethods = false)
class MailJobs {

  @Bean
  RecurringTask<Void> sendNotificationMailTask(MailOutbox outbox) {
    return Tasks.recurring("notifications-send-mail", FixedDelay.of(Duration.ofSeconds(30)))
        .execute((instance, context) -> outbox.sendDue());
  }

  @Bean
  RecurringTask<Void> composeNotificationDigestTask(
      MailOutbox outbox, NotificationProperties properties) {
    return Tasks.recurring(
            "notifications-daily-digest", new Daily(properties.zone(), properties.digestTime()))
        .execute((instance, context) -> outbox.composeDigests());
  }
}
