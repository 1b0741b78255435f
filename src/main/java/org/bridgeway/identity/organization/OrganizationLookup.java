package org.bridgeway.identity.organization;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bridgeway.identity.NetworkOrganizations;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link NetworkOrganizations} over the organizations table. */
@Service
class OrganizationLookup implements NetworkOrganizations {

  private final Organizations organizations;

  OrganizationLookup(Organizations organizations) {
    this.organizations = organizations;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<NetworkOrganization> find(OrganizationId id) {
    return organizations.findById(id).map(OrganizationLookup::of);
  }

  @Override
  @Transactional(readOnly = true)
  public Map<OrganizationId, NetworkOrganization> findAll(Collection<OrganizationId> ids) {
    Map<OrganizationId, NetworkOrganization> found = new LinkedHashMap<>();
    if (!ids.isEmpty()) {
      organizations.findAllById(Set.copyOf(ids)).forEach(o -> found.put(o.id(), of(o)));
    }
    return found;
  }

  @Override
  @Transactional(readOnly = true)
  public List<NetworkOrganization> activeOfKind(OrganizationKind kind) {
    return organizations.findAllByOrderByName().stream()
        .filter(o -> o.kind() == kind && o.active())
        .map(OrganizationLookup::of)
        .toList();
  }

  private static NetworkOrganization of(Organization o) {
    return new NetworkOrganization(o.id(), o.name(), o.kind(), o.active());
  }
}
