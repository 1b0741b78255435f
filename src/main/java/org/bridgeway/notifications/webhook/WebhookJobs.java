package org.bridgeway.notifications.webhook;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Sends due webhook deliveries every quarter minute, on the database-backed scheduler. */
@Configuration(proxyBeanMethods = false)
class WebhookJobs {

  @Bean
  RecurringTask<Void> deliverWebhooksTask(WebhookSender sender) {
    return Tasks.recurring("notifications-deliver-webhooks", FixedDelay.of(Duration.ofSeconds(15)))
        .execute((instance, context) -> sender.deliverDue());
  }
}
