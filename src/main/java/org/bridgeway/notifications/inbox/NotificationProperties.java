package org.bridgeway.notifications.inbox;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of notification delivery (ADR 0018). The SMTP server itself is Spring Boot's {@code
 * spring.mail.*} (environment {@code SPRING_MAIL_HOST}, {@code SPRING_MAIL_PORT}, {@code
 * SPRING_MAIL_USERNAME}, {@code SPRING_MAIL_PASSWORD}); without a host, mail stays queued.
 *
 * @param baseUrl the address users reach Bridgeway at, for links in mails
 * @param mailFrom the sender address ({@code BRIDGEWAY_NOTIFICATIONS_MAIL_FROM})
 * @param digestTime the local time the daily digest is composed
 * @param zone the time zone of the digest time
 * @param maxAttempts attempts of a mail or webhook delivery before it is given up
 * @param firstRetry the delay before the second attempt; it doubles with each further attempt
 * @param maxRetry the longest delay between attempts
 * @param allowHttpLocalhost whether webhooks may go to {@code http://localhost} (development and
 *     tests only)
 * @param connectTimeout how long a webhook connection may take
 * @param requestTimeout how long a webhook answer may take
 * @param batchSize how many due mails or deliveries one run sends
 */
@ConfigurationProperties("bridgeway.notifications")
public record NotificationProperties(
    @DefaultValue("http://localhost:8080") URI baseUrl,
    @DefaultValue("bridgeway@localhost") String mailFrom,
    @DefaultValue("17:00") LocalTime digestTime,
    @DefaultValue("America/New_York") ZoneId zone,
    @DefaultValue("8") int maxAttempts,
    @DefaultValue("30s") Duration firstRetry,
    @DefaultValue("6h") Duration maxRetry,
    @DefaultValue("false") boolean allowHttpLocalhost,
    @DefaultValue("3s") Duration connectTimeout,
    @DefaultValue("10s") Duration requestTimeout,
    @DefaultValue("50") int batchSize) {

  /** The absolute address of a path of the application. */
  public String link(String path) {
    String base = baseUrl.toString();
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
  }
}
