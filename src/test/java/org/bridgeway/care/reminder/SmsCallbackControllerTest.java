package org.bridgeway.care.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The callbacks without a configured secret, and the signature check by itself. */
class SmsCallbackControllerTest {

  @Test
  void withoutASecretTheCallbacksDoNotExist() {
    ReminderProperties off =
        new ReminderProperties(
            List.of(Duration.ofHours(2)),
            "bridgeway@localhost",
            5,
            Duration.ofMinutes(1),
            Duration.ofMinutes(30),
            100,
            ZoneId.of("UTC"),
            new ReminderProperties.Sms("logging", null, null, Duration.ofSeconds(1), " "));
    SmsCallbackController controller = new SmsCallbackController(off, null, null);
    byte[] body = "{\"from\":\"+15551234567\",\"text\":\"STOP\"}".getBytes(StandardCharsets.UTF_8);
    String signature =
        "sha256=" + java.util.HexFormat.of().formatHex(SmsCallbackController.sign(" ", body));

    assertThat(controller.reply(signature, body).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(controller.receipt(signature, body).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void onlyTheHmacOfThisBodyWithThisSecretSignsIt() {
    byte[] body = "{\"id\":\"m-1\",\"status\":\"delivered\"}".getBytes(StandardCharsets.UTF_8);
    // HMAC-SHA256("key", body) by the JDK's Mac, as the provider computes it.
    String good =
        "sha256=" + java.util.HexFormat.of().formatHex(SmsCallbackController.sign("key", body));
    assertThat(SmsCallbackController.signedWith("key", body, good)).isTrue();
    assertThat(SmsCallbackController.signedWith("other", body, good)).isFalse();
    assertThat(SmsCallbackController.signedWith("key", "{}".getBytes(StandardCharsets.UTF_8), good))
        .isFalse();
    assertThat(SmsCallbackController.signedWith("key", body, good.substring(7))).isFalse();
    assertThat(SmsCallbackController.signedWith("key", body, "sha256=zz")).isFalse();
    assertThat(SmsCallbackController.signedWith("key", body, null)).isFalse();
  }

  @Test
  void theStandardKeywordsAreRecognisedAloneInAnyCase() {
    assertThat(SmsKeyword.of("stop")).isEqualTo(SmsKeyword.STOP);
    assertThat(SmsKeyword.of(" Unsubscribe. ")).isEqualTo(SmsKeyword.STOP);
    assertThat(SmsKeyword.of("START")).isEqualTo(SmsKeyword.START);
    assertThat(SmsKeyword.of("please stop texting")).isEqualTo(SmsKeyword.OTHER);
    assertThat(SmsKeyword.of(null)).isEqualTo(SmsKeyword.OTHER);
  }
}
