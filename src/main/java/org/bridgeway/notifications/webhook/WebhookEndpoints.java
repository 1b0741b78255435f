package org.bridgeway.notifications.webhook;

import java.util.List;
import org.bridgeway.identity.OrganizationId;
import org.springframework.data.repository.ListCrudRepository;

/** All webhook endpoints of all organizations. */
interface WebhookEndpoints extends ListCrudRepository<WebhookEndpoint, WebhookEndpointId> {

  List<WebhookEndpoint> findByOrganizationIdOrderByCreatedAt(OrganizationId organization);
}
