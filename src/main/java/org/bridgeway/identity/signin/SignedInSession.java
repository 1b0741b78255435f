package org.bridgeway.identity.signin;

import jakarta.servlet.http.HttpSession;
import java.time.Instant;

/** The session attributes that the session policy reads. */
final class SignedInSession {

  static final String AUTHENTICATED_AT = "bridgeway.authenticatedAt";
  static final String LAST_ACTIVITY_AT = "bridgeway.lastActivityAt";

  private SignedInSession() {}

  static void start(HttpSession session, Instant at) {
    session.setAttribute(AUTHENTICATED_AT, at);
    session.setAttribute(LAST_ACTIVITY_AT, at);
  }

  static Instant authenticatedAt(HttpSession session) {
    return (Instant) session.getAttribute(AUTHENTICATED_AT);
  }

  static Instant lastActivityAt(HttpSession session) {
    return (Instant) session.getAttribute(LAST_ACTIVITY_AT);
  }
}
