package org.bridgeway.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Looks up the member organizations of the network for other modules: their name and kind, for
 * example to check that a treatment episode is at a treatment provider and to name the provider on
 * a page.
 */
public interface NetworkOrganizations {

  /** An organization as other modules need to know it. */
  record NetworkOrganization(
      OrganizationId id, String name, OrganizationKind kind, boolean active) {}

  Optional<NetworkOrganization> find(OrganizationId id);

  /** The organizations among the given ids that exist, by id (one query for many). */
  Map<OrganizationId, NetworkOrganization> findAll(Collection<OrganizationId> ids);

  /** The active organizations of a kind, by name (for choosing one in a form). */
  List<NetworkOrganization> activeOfKind(OrganizationKind kind);
}
