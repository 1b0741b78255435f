package org.bridgeway.identity.signin;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords as in RFC 6238 (HMAC-SHA1, 6 digits, 30-second steps), the form
 * every authenticator app understands.
 */
public final class Totp {

  static final int DIGITS = 6;
  static final long STEP_SECONDS = 30;

  /** Steps either side of now that are still accepted, to allow for clock drift. */
  static final int DRIFT_STEPS = 1;

  private static final SecureRandom RANDOM = new SecureRandom();

  private Totp() {}

  /** A new 160-bit secret, Base32-encoded. */
  public static String newSecret() {
    byte[] secret = new byte[20];
    RANDOM.nextBytes(secret);
    return Base32.encode(secret);
  }

  /** Encodes raw secret bytes, for secrets derived elsewhere (the demo's fixed secrets). */
  public static String secretFrom(byte[] bytes) {
    return Base32.encode(bytes);
  }

  public static long stepAt(Instant instant) {
    return Math.floorDiv(instant.getEpochSecond(), STEP_SECONDS);
  }

  /** The code for a time step. */
  public static String codeAt(String base32Secret, long step) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(Base32.decode(base32Secret), "HmacSHA1"));
      byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int offset = hash[hash.length - 1] & 0x0f;
      int binary =
          ((hash[offset] & 0x7f) << 24)
              | ((hash[offset + 1] & 0xff) << 16)
              | ((hash[offset + 2] & 0xff) << 8)
              | (hash[offset + 3] & 0xff);
      return String.format("%06d", binary % 1_000_000);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is not available", e);
    }
  }

  public static String codeAt(String base32Secret, Instant instant) {
    return codeAt(base32Secret, stepAt(instant));
  }

  /**
   * The time step whose code matches, if any within the allowed drift. The caller must still refuse
   * a step it has accepted before.
   */
  public static OptionalLong matchingStep(String base32Secret, String code, Instant now) {
    if (code == null || !code.matches("\\d{" + DIGITS + "}")) {
      return OptionalLong.empty();
    }
    long current = stepAt(now);
    for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
      if (java.security.MessageDigest.isEqual(
          codeAt(base32Secret, step).getBytes(), code.getBytes())) {
        return OptionalLong.of(step);
      }
    }
    return OptionalLong.empty();
  }

  /** The {@code otpauth://} URI that authenticator apps read from the QR code. */
  public static String provisioningUri(String issuer, String account, String base32Secret) {
    String label = urlEncode(issuer) + ":" + urlEncode(account);
    return "otpauth://totp/"
        + label
        + "?secret="
        + base32Secret
        + "&issuer="
        + urlEncode(issuer)
        + "&algorithm=SHA1&digits="
        + DIGITS
        + "&period="
        + STEP_SECONDS;
  }

  private static String urlEncode(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20");
  }
}
