package org.bridgeway.shared.security;

import java.util.UUID;

/**
 * Who is acting, as other modules need to know it without depending on the identity module: the
 * audit trail stamps entries with it and the API records idempotency keys under it. The signed-in
 * principal implements this interface.
 */
public interface Actor {

  /** The user, or null when an API token or the system acts. */
  UUID userId();

  /** The API token, or null when a person acts. */
  UUID apiTokenId();

  /** The organization the actor acts for, or null for the system itself. */
  UUID organizationId();

  /** A stable reference such as {@code user:<uuid>} or {@code token:<uuid>}. */
  default String reference() {
    if (userId() != null) {
      return "user:" + userId();
    }
    if (apiTokenId() != null) {
      return "token:" + apiTokenId();
    }
    return "system";
  }

  /** The application itself, acting without a user: jobs and command-line checks. */
  static Actor system() {
    return SystemActor.INSTANCE;
  }
}
