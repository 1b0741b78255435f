package org.bridgeway.care.upload;

import java.util.UUID;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.UserId;
import org.bridgeway.shared.security.Actor;

/**
 * Who uploaded a file, acting again when its job runs without a request around it: the records
 * written name them, and so does the audit trail.
 *
 * @param user the uploading user, or null for an API token
 * @param apiTokenId the uploading token, or null for a user
 */
record Uploader(OrganizationId provider, UserId user, UUID apiTokenId) implements Actor {

  @Override
  public UUID userId() {
    return user == null ? null : user.value();
  }

  @Override
  public UUID organizationId() {
    return provider.value();
  }
}
