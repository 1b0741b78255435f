package org.bridgeway.consent.program;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.identity.OrganizationKind;
import org.springframework.stereotype.Component;

/**
 * The network's organizations as consent needs them: whether a named discloser or recipient exists
 * and of which kind, through identity's {@link org.bridgeway.identity.NetworkOrganizations}.
 */
@Component
public class NetworkOrganizations {

  /** An organization of the network. */
  public record Member(OrganizationId id, String name, OrganizationKind kind, boolean active) {}

  private final org.bridgeway.identity.NetworkOrganizations identity;

  NetworkOrganizations(org.bridgeway.identity.NetworkOrganizations identity) {
    this.identity = identity;
  }

  /** The organizations among the given ids that exist, by id. */
  public Map<OrganizationId, Member> find(Collection<OrganizationId> ids) {
    Map<OrganizationId, Member> found = new LinkedHashMap<>();
    identity
        .findAll(ids)
        .forEach((id, o) -> found.put(id, new Member(o.id(), o.name(), o.kind(), o.active())));
    return found;
  }
}
