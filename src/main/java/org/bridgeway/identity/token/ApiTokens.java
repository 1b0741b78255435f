package org.bridgeway.identity.token;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bridgeway.identity.OrganizationId;
import org.springframework.data.repository.ListCrudRepository;

/** All API tokens ever issued, revoked ones included (they are kept for the record). */
public interface ApiTokens extends ListCrudRepository<ApiToken, UUID> {

  Optional<ApiToken> findByTokenHash(String tokenHash);

  List<ApiToken> findByOrganizationIdOrderByCreatedAtDesc(OrganizationId organization);

  List<ApiToken> findAllByOrderByCreatedAtDesc();
}
