package org.bridgeway.notifications.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.bridgeway.notifications.inbox.NotificationProperties;
import org.junit.jupiter.api.Test;

/** Webhooks go to public https addresses only (SSRF), localhost only where configured. */
class WebhookAddressesTest {

  final WebhookAddresses strict = addresses(false);
  final WebhookAddresses development = addresses(true);

  @Test
  void onlyHttpsUrlsAreAccepted() {
    assertThat(strict.refusal("https://partner.example.org/hooks")).isEmpty();
    assertThat(strict.refusal("http://partner.example.org/hooks"))
        .contains("notifications.webhook.url.httpsOnly");
    assertThat(strict.refusal("ftp://partner.example.org/"))
        .contains("notifications.webhook.url.httpsOnly");
    assertThat(strict.refusal("partner.example.org/hooks"))
        .contains("notifications.webhook.url.malformed");
    assertThat(strict.refusal("https://user:pw@partner.example.org/"))
        .contains("notifications.webhook.url.malformed");
    assertThat(strict.refusal(" ")).contains("notifications.webhook.url.required");
    assertThat(strict.refusal("https://e.org/" + "a".repeat(500)))
        .contains("notifications.webhook.url.tooLong");
  }

  @Test
  void privateLinkLocalAndLoopbackAddressesAreRefused() {
    for (String url :
        new String[] {
          "https://10.0.0.5/hook",
          "https://192.168.1.1/hook",
          "https://172.16.0.1/hook",
          "https://169.254.169.254/latest/meta-data",
          "https://127.0.0.1/hook",
          "https://0.0.0.0/hook",
          "https://100.64.0.1/hook",
          "https://[fd00::1]/hook",
          "https://[fe80::1]/hook",
          "https://localhost/hook"
        }) {
      assertThat(strict.refusal(url)).as(url).contains("notifications.webhook.url.blockedAddress");
    }
  }

  @Test
  void localhostOverHttpOnlyWhereTheConfigurationAllowsIt() {
    assertThat(development.refusal("http://localhost:8089/hook")).isEmpty();
    assertThat(development.refusal("http://10.0.0.5/hook"))
        .contains("notifications.webhook.url.httpsOnly");
    assertThat(strict.refusal("http://localhost:8089/hook"))
        .contains("notifications.webhook.url.blockedAddress");
  }

  @Test
  void aDeliveryChecksTheResolvedAddressAgain() {
    assertThat(development.checkedForDelivery("http://localhost:8089/hook"))
        .isEqualTo(URI.create("http://localhost:8089/hook"));
    assertThatThrownBy(() -> strict.checkedForDelivery("https://127.0.0.1/hook"))
        .isInstanceOf(WebhookAddresses.BlockedAddressException.class);
  }

  @Test
  void theSignatureIsTheHmacOfTimeAndBody() {
    // Known answer, computed apart: printf '1700000000.{}' | openssl dgst -sha256 -hmac secret
    assertThat(WebhookSender.signature("secret", 1_700_000_000L, "{}"))
        .isEqualTo(
            "t=1700000000,v1=b8569b78799ff9e3cbff0fc2d63a33a2b57f3282abd07c37ae5e8e7d79a5f163")
        .isNotEqualTo(WebhookSender.signature("secret", 1_700_000_001L, "{}"))
        .isNotEqualTo(WebhookSender.signature("other", 1_700_000_000L, "{}"));
  }

  private static WebhookAddresses addresses(boolean allowLocalhost) {
    return new WebhookAddresses(
        new NotificationProperties(
            URI.create("http://localhost:8080"),
            "bridgeway@localhost",
            LocalTime.of(17, 0),
            ZoneId.of("UTC"),
            3,
            Duration.ofSeconds(1),
            Duration.ofMinutes(1),
            allowLocalhost,
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            10));
  }
}
