package org.bridgeway.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import org.bridgeway.identity.signin.Totp;

/** The sign-in steps as a person performs them, for tests that need a signed-in session. */
public final class SignInSteps {

  private SignInSteps() {}

  public static WebSession.Page password(WebSession web, String email, String password) {
    web.get("/login");
    return web.post("/login", Map.of("acknowledged", "true", "email", email, "password", password));
  }

  public static WebSession.Page code(WebSession web, String code) {
    web.get("/login/second-factor");
    return web.post("/login/second-factor", Map.of("code", code));
  }

  /** Signs in fully; the clock must be moved by the caller between sign-ins of the same user. */
  public static WebSession signedIn(int port, TestUsers.TestUser user, Clock clock) {
    WebSession web = new WebSession(port);
    assertThat(password(web, user.email(), TestUsers.PASSWORD).redirectsTo("/login/second-factor"))
        .isTrue();
    WebSession.Page done = code(web, Totp.codeAt(user.totpSecret(), clock.instant()));
    assertThat(done.status()).as("second factor accepted").isEqualTo(302);
    assertThat(done.locationWithQuery()).isEqualTo("/");
    return web;
  }
}
