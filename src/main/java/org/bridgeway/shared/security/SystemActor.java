package org.bridgeway.shared.security;

import java.util.UUID;

/** The actor of work that no user or API client started. */
enum SystemActor implements Actor {
  INSTANCE;

  @Override
  public UUID userId() {
    return null;
  }

  @Override
  public UUID apiTokenId() {
    return null;
  }

  @Override
  public UUID organizationId() {
    return null;
  }
}
