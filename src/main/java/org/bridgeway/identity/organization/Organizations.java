package org.bridgeway.identity.organization;

import java.util.List;
import org.bridgeway.identity.OrganizationId;
import org.springframework.data.repository.ListCrudRepository;

/** All organizations of the network. */
public interface Organizations extends ListCrudRepository<Organization, OrganizationId> {

  List<Organization> findAllByOrderByName();

  boolean existsByNameIgnoreCase(String name);
}
