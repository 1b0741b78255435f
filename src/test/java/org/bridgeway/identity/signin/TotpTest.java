package org.bridgeway.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTest {

  /** The SHA-1 seed of RFC 6238, appendix B. */
  private static final String RFC_SECRET =
      Totp.secretFrom("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

  @Test
  void matchesTheRfc6238TestVectorsTruncatedToSixDigits() {
    // RFC 6238 lists 8-digit codes; a 6-digit code is the same number modulo 10^6.
    assertThat(Totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(59))).isEqualTo("287082");
    assertThat(Totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
    assertThat(Totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(1111111111))).isEqualTo("050471");
    assertThat(Totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(1234567890))).isEqualTo("005924");
    assertThat(Totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(2000000000))).isEqualTo("279037");
    assertThat(Totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(20000000000L))).isEqualTo("353130");
  }

  @Test
  void acceptsTheCodeOfTheNeighbouringStepsButNotBeyond() {
    String secret = Totp.newSecret();
    Instant now = Instant.parse("2026-11-23T10:00:15Z");
    long step = Totp.stepAt(now);

    assertThat(Totp.matchingStep(secret, Totp.codeAt(secret, step - 1), now)).hasValue(step - 1);
    assertThat(Totp.matchingStep(secret, Totp.codeAt(secret, step + 1), now)).hasValue(step + 1);
    String twoStepsAgo = Totp.codeAt(secret, step - 2);
    boolean collides =
        twoStepsAgo.equals(Totp.codeAt(secret, step - 1))
            || twoStepsAgo.equals(Totp.codeAt(secret, step))
            || twoStepsAgo.equals(Totp.codeAt(secret, step + 1));
    if (!collides) {
      assertThat(Totp.matchingStep(secret, twoStepsAgo, now)).isEmpty();
    }
  }

  @Test
  void refusesCodesThatAreNotSixDigits() {
    String secret = Totp.newSecret();
    Instant now = Instant.now();
    assertThat(Totp.matchingStep(secret, null, now)).isEmpty();
    assertThat(Totp.matchingStep(secret, "12345", now)).isEmpty();
    assertThat(Totp.matchingStep(secret, "12345a", now)).isEmpty();
    assertThat(Totp.matchingStep(secret, "' or 1=1 --", now)).isEmpty();
  }

  @Test
  void base32RoundTripsAndMatchesRfc4648() {
    assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
    assertThat(new String(Base32.decode("MZXW6YTBOI"), StandardCharsets.US_ASCII))
        .isEqualTo("foobar");
    assertThat(Base32.decode(Totp.newSecret())).hasSize(20);
  }

  @Test
  void provisioningUriNamesIssuerAccountAndParameters() {
    String uri = Totp.provisioningUri("Bridgeway", "maria officer@example.org", "ABC");
    assertThat(uri)
        .startsWith("otpauth://totp/Bridgeway:maria%20officer%40example.org?secret=ABC")
        .contains("issuer=Bridgeway", "digits=6", "period=30");
  }

  @Test
  void qrCodeIsAnSvgDataUri() {
    assertThat(QrCodes.svgDataUri("otpauth://totp/x?secret=ABC"))
        .startsWith("data:image/svg+xml;base64,");
  }
}
