package org.bridgeway.identity.signin;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.bridgeway.identity.UserId;

/**
 * A user who passed the password step and has yet to pass the second factor. It is not an
 * authentication: nothing but the second-factor pages accepts it, and it lapses after five minutes.
 */
record PendingSignIn(UserId user, Instant passwordAcceptedAt, boolean needsEnrolment)
    implements Serializable {

  static final String ATTRIBUTE = "bridgeway.pendingSignIn";
  static final Duration LIFETIME = Duration.ofMinutes(5);

  static Optional<PendingSignIn> in(HttpSession session, Instant now) {
    if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof PendingSignIn pending)) {
      return Optional.empty();
    }
    if (now.isAfter(pending.passwordAcceptedAt().plus(LIFETIME))) {
      session.removeAttribute(ATTRIBUTE);
      return Optional.empty();
    }
    return Optional.of(pending);
  }
}
