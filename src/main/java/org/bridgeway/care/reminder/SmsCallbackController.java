package org.bridgeway.care.reminder;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bridgeway.shared.web.FieldViolation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SMS provider's callbacks (ADR 0022): a person's reply to the reminders' number (STOP opts
 * them out at once, START back in) and delivery receipts of the messages it accepted. The provider
 * holds no Bridgeway token: each call is signed with the shared secret ({@code
 * bridgeway.care.reminders.sms.webhook-secret}) as {@code X-Bridgeway-Signature: sha256=<hex
 * HMAC-SHA256 of the body>}, and without a configured secret the callbacks do not exist (404). The
 * answers say nothing about who the number belongs to.
 */
@RestController
class SmsCallbackController {

  static final String SIGNATURE = "X-Bridgeway-Signature";

  private final ReminderProperties properties;
  private final ReminderSettings settings;
  private final AppointmentReminders reminders;
  private final JsonMapper json = JsonMapper.builder().build();

  SmsCallbackController(
      ReminderProperties properties, ReminderSettings settings, AppointmentReminders reminders) {
    this.properties = properties;
    this.settings = settings;
    this.reminders = reminders;
  }

  /** A reply: {@code {"from": "+15551234567", "text": "STOP"}}. */
  @PostMapping("/api/v1/care/sms/replies")
  @PreAuthorize("permitAll()") // The signature is the credential, checked first.
  ResponseEntity<?> reply(
      @RequestHeader(name = SIGNATURE, required = false) String signature,
      @RequestBody(required = false) byte[] body) {
    ResponseEntity<ProblemDetail> refused = refusal(signature, body);
    if (refused != null) {
      return refused;
    }
    JsonNode message = parse(body);
    String from = text(message, "from");
    if (from == null) {
      return invalid("from", "is required: the number the reply came from");
    }
    settings.applySmsReply(from, text(message, "text"));
    return ResponseEntity.noContent().build();
  }

  /**
   * A receipt: {@code {"id": "<provider's message id>", "status": "delivered", "error": "..."}}.
   */
  @PostMapping("/api/v1/care/sms/receipts")
  @PreAuthorize("permitAll()") // The signature is the credential, checked first.
  ResponseEntity<?> receipt(
      @RequestHeader(name = SIGNATURE, required = false) String signature,
      @RequestBody(required = false) byte[] body) {
    ResponseEntity<ProblemDetail> refused = refusal(signature, body);
    if (refused != null) {
      return refused;
    }
    JsonNode message = parse(body);
    String id = text(message, "id");
    if (id == null) {
      return invalid("id", "is required: the provider's id of the message");
    }
    String status = text(message, "status");
    if (status == null) {
      return invalid("status", "is required: delivered, failed or undelivered");
    }
    switch (status.toLowerCase(Locale.ROOT)) {
      case "delivered" -> reminders.applyReceipt(id, true, null);
      case "failed", "undelivered" -> reminders.applyReceipt(id, false, text(message, "error"));
      case "sent", "queued", "accepted" -> {
        // Not final yet: the reminder stays SENT.
      }
      default -> {
        return invalid(
            "status", "must be delivered, failed, undelivered, sent, queued or accepted");
      }
    }
    return ResponseEntity.noContent().build();
  }

  /** 404 when callbacks are off, 401 for a missing or wrong signature, 400 for a body not JSON. */
  private ResponseEntity<ProblemDetail> refusal(String signature, byte[] body) {
    if (!properties.sms().callbacksOn()) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such resource"));
    }
    byte[] bytes = body == null ? new byte[0] : body;
    if (!signedWith(properties.sms().webhookSecret(), bytes, signature)) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
          .body(
              ProblemDetail.forStatusAndDetail(
                  HttpStatus.UNAUTHORIZED,
                  "The " + SIGNATURE + " header is missing or does not sign this body"));
    }
    if (parse(bytes) == null) {
      return invalid("body", "must be a JSON object");
    }
    return null;
  }

  static boolean signedWith(String secret, byte[] body, String signature) {
    if (signature == null || !signature.startsWith("sha256=")) {
      return false;
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(signature.substring("sha256=".length()).strip());
    } catch (IllegalArgumentException notHex) {
      return false;
    }
    return MessageDigest.isEqual(sign(secret, body), given);
  }

  static byte[] sign(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  private JsonNode parse(byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    try {
      JsonNode node = json.readTree(body);
      return node != null && node.isObject() ? node : null;
    } catch (JacksonException notJson) {
      return null;
    }
  }

  private static String text(JsonNode message, String field) {
    JsonNode value = message.get(field);
    if (value == null || !value.isString() || value.asString().isBlank()) {
      return null;
    }
    return value.asString();
  }

  private static ResponseEntity<ProblemDetail> invalid(String field, String message) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + " " + message);
    problem.setProperty("errors", List.of(new FieldViolation(field, "Invalid", message)));
    return ResponseEntity.badRequest().body(problem);
  }
}
