package org.bridgeway.care.reminder;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the SMS gateway by configuration: the generic HTTP provider when {@code
 * bridgeway.care.reminders.sms.provider=http} and its URL is set, else the logging gateway.
 */
@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

  @Bean
  SmsGateway smsGateway(ReminderProperties properties) {
    ReminderProperties.Sms sms = properties.sms();
    if ("http".equalsIgnoreCase(sms.provider()) && sms.url() != null) {
      return new HttpSmsGateway(sms.url(), sms.token(), sms.timeout());
    }
    if (!"logging".equalsIgnoreCase(sms.provider())) {
      throw new IllegalStateException(
          "bridgeway.care.reminders.sms.provider must be logging, or http with sms.url set");
    }
    return new LoggingSmsGateway();
  }
}
