package org.bridgeway.notifications.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bridgeway.notifications.inbox.Backoff;
import org.bridgeway.notifications.inbox.NotificationProperties;
import org.bridgeway.notifications.webhook.WebhookAddresses.BlockedAddressException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due webhook deliveries (ADR 0018): a signed JSON POST each, one transaction each with the
 * row locked, so that several nodes never send one twice. A 2xx answer delivers it; anything else
 * (another status, a refused connection, a timeout, a blocked address) is retried with capped
 * exponential backoff and jitter, and given up after the maximum attempts. Deliveries of one
 * referral to one endpoint go out in version order: a later one waits while an earlier one is still
 * pending.
 */
@Service
public class WebhookSender {

  /** The header carrying {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}. */
  public static final String SIGNATURE = "Bridgeway-Signature";

  /** The header carrying the delivery id (also the body's {@code id}). */
  public static final String DELIVERY = "Bridgeway-Delivery";

  private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

  private final JdbcClient jdbc;
  private final WebhookAddresses addresses;
  private final NotificationProperties properties;
  private final Clock clock;
  private final TransactionTemplate transactions;
  private final Backoff backoff;
  private final HttpClient http;

  WebhookSender(
      JdbcClient jdbc,
      WebhookAddresses addresses,
      NotificationProperties properties,
      Clock clock,
      TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.addresses = addresses;
    this.properties = properties;
    this.clock = clock;
    this.transactions = transactions;
    this.backoff =
        new Backoff(
            properties.firstRetry(),
            properties.maxRetry(),
            () -> ThreadLocalRandom.current().nextDouble());
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(properties.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * Sends the deliveries that are due.
   *
   * @return how many were delivered
   */
  public int deliverDue() {
    int delivered = 0;
    for (int i = 0; i < properties.batchSize(); i++) {
      Boolean outcome = transactions.execute(status -> deliverNext());
      if (outcome == null) {
        break;
      }
      if (outcome) {
        delivered++;
      }
    }
    return delivered;
  }

  /** The signature header value of a body at a time. */
  public static String signature(String secret, long unixSeconds, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((unixSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
      return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  private Boolean deliverNext() {
    Instant now = clock.instant();
    Optional<Due> next =
        jdbc.sql(
                """
                SELECT d.id, d.payload, d.attempts, e.url, e.secret
                FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id
                WHERE d.status = 'PENDING' AND d.next_attempt_at <= ? AND e.active
                  AND NOT EXISTS (
                    SELECT 1 FROM webhook_delivery earlier
                    WHERE earlier.endpoint_id = d.endpoint_id
                      AND earlier.referral_id = d.referral_id
                      AND earlier.referral_version < d.referral_version
                      AND earlier.status = 'PENDING')
                ORDER BY d.next_attempt_at, d.referral_version
                LIMIT 1 FOR UPDATE OF d SKIP LOCKED
                """)
            .param(Timestamp.from(now))
            .query(
                (rs, n) ->
                    new Due(
                        rs.getObject("id", UUID.class),
                        rs.getString("payload"),
                        rs.getInt("attempts"),
                        rs.getString("url"),
                        rs.getString("secret")))
            .optional();
    if (next.isEmpty()) {
      return null;
    }
    Due due = next.get();
    int attempts = due.attempts() + 1;
    Integer statusCode = null;
    String error = null;
    try {
      URI uri = addresses.checkedForDelivery(due.url());
      HttpRequest request =
          HttpRequest.newBuilder(uri)
              .timeout(properties.requestTimeout())
              .header("Content-Type", "application/json")
              .header(SIGNATURE, signature(due.secret(), now.getEpochSecond(), due.payload()))
              .header(DELIVERY, due.id().toString())
              .POST(HttpRequest.BodyPublishers.ofString(due.payload(), StandardCharsets.UTF_8))
              .build();
      statusCode = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (BlockedAddressException blocked) {
      error = blocked.getMessage();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      error = "Interrupted";
    } catch (java.io.IOException | RuntimeException failure) {
      error = failure.getClass().getSimpleName();
    }
    boolean delivered = statusCode != null && statusCode >= 200 && statusCode < 300;
    if (delivered) {
      jdbc.sql(
              """
              UPDATE webhook_delivery SET status = 'DELIVERED', attempts = ?, last_status_code = ?,
                last_error = NULL, delivered_at = ? WHERE id = ?
              """)
          .params(attempts, statusCode, Timestamp.from(now), due.id())
          .update();
      return true;
    }
    boolean givingUp = attempts >= properties.maxAttempts();
    log.info(
        "Webhook delivery {} failed (attempt {}{}): {}",
        due.id(),
        attempts,
        givingUp ? ", given up" : "",
        statusCode != null ? "status " + statusCode : error);
    jdbc.sql(
            """
            UPDATE webhook_delivery SET status = ?, attempts = ?, last_status_code = ?,
              last_error = ?, next_attempt_at = ? WHERE id = ?
            """)
        .params(
            givingUp ? "FAILED" : "PENDING",
            attempts,
            statusCode,
            error,
            Timestamp.from(now.plus(backoff.after(attempts))),
            due.id())
        .update();
    return false;
  }

  private record Due(UUID id, String payload, int attempts, String url, String secret) {}
}
