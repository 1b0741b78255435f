package org.bridgeway.shared.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Finds the actor of the current request or job. */
public final class Actors {

  private Actors() {}

  /** The authenticated actor, if the current thread acts for one. */
  public static Optional<Actor> current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
      return Optional.of(actor);
    }
    return Optional.empty();
  }
}
