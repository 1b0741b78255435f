package org.bridgeway.care.reminder;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of appointment reminders to the person (ADR 0022). Email goes through Spring Boot's
 * {@code spring.mail.*} server; SMS through the gateway named by {@code sms.provider}: {@code
 * logging} (the default: nothing leaves the application, the send is logged with the number masked)
 * or {@code http} (a generic HTTP SMS provider at {@code sms.url} with the bearer {@code
 * sms.token}, from the environment: {@code BRIDGEWAY_CARE_REMINDERS_SMS_URL}, {@code
 * BRIDGEWAY_CARE_REMINDERS_SMS_TOKEN}).
 *
 * @param leads how long before an appointment a reminder goes out, one reminder per lead
 * @param mailFrom the sender address of reminder mails
 * @param maxAttempts attempts of one reminder before it is given up as failed
 * @param firstRetry the delay before the second attempt; it doubles with each further attempt
 * @param maxRetry the longest delay between attempts
 * @param batchSize how many due reminders one run sends
 * @param zone the time zone of people whose own zone the agency has not recorded
 */
@ConfigurationProperties("bridgeway.care.reminders")
public record ReminderProperties(
    @DefaultValue({"48h", "2h"}) List<Duration> leads,
    @DefaultValue("bridgeway@localhost") String mailFrom,
    @DefaultValue("5") int maxAttempts,
    @DefaultValue("1m") Duration firstRetry,
    @DefaultValue("30m") Duration maxRetry,
    @DefaultValue("100") int batchSize,
    @DefaultValue("America/New_York") ZoneId zone,
    @DefaultValue Sms sms) {

  /**
   * The SMS gateway.
   *
   * @param provider {@code logging} or {@code http}
   * @param url the HTTP provider's endpoint (POST, JSON {@code {"to":..., "text":...}})
   * @param token the bearer token for the HTTP provider
   * @param timeout how long a send may take
   * @param webhookSecret the secret the SMS provider signs its callbacks with (replies such as
   *     STOP, delivery receipts; HMAC-SHA256 of the body); without one the callbacks are switched
   *     off
   */
  public record Sms(
      @DefaultValue("logging") String provider,
      URI url,
      String token,
      @DefaultValue("10s") Duration timeout,
      String webhookSecret) {

    /** Whether the provider's callbacks are taken. */
    public boolean callbacksOn() {
      return webhookSecret != null && !webhookSecret.isBlank();
    }
  }

  /** The delay before the attempt after {@code attempts} failed ones. */
  public Duration backoff(int attempts) {
    Duration delay = firstRetry;
    for (int i = 1; i < attempts && delay.compareTo(maxRetry) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxRetry) > 0 ? maxRetry : delay;
  }

  /** The leads, longest first. */
  public List<Duration> leadsLongestFirst() {
    return leads.stream().sorted((a, b) -> b.compareTo(a)).toList();
  }
}
