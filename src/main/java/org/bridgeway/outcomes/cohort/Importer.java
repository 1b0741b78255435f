package org.bridgeway.outcomes.cohort;

import java.util.UUID;
import org.bridgeway.shared.security.Actor;

/**
 * Who submitted a cohort import, acting again when its job runs without a request around it: the
 * audit entry and the rows written name them.
 */
record Importer(UUID agency, UUID user, UUID token) implements Actor {

  @Override
  public UUID userId() {
    return user;
  }

  @Override
  public UUID apiTokenId() {
    return token;
  }

  @Override
  public UUID organizationId() {
    return agency;
  }
}
