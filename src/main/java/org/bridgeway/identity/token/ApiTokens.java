package org.bridgeway.identity.token;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bridgeway.identity.OrganizationId;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** All API tokens ever issued, revoked ones included (they are kept for the record). */
public interface ApiTokens extends ListCrudRepository<ApiToken, UUID> {

  /**
   * Records that a token was used, at most once a minute. A plain conditional update rather than a
   * save: concurrent requests with one token would otherwise race on the version and all but one
   * fail, and a use is bookkeeping, not an edit that an administrator's revocation should lose to.
   */
  @Modifying
  @Query(
      "UPDATE identity_api_token SET last_used_at = :at WHERE id = :id"
          + " AND (last_used_at IS NULL OR last_used_at < :notBefore)")
  int recordUse(UUID id, Instant at, Instant notBefore);

  List<ApiToken> findByOrganizationIdOrderByCreatedAtDesc(OrganizationId organization);

  List<ApiToken> findAllByOrderByCreatedAtDesc();
}
