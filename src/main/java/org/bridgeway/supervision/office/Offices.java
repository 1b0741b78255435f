package org.bridgeway.supervision.office;

import java.util.List;
import java.util.Optional;
import org.bridgeway.identity.OrganizationId;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** All offices of all agencies. */
public interface Offices extends ListCrudRepository<Office, OfficeId> {

  List<Office> findByOrganizationIdOrderByName(OrganizationId agency);

  @Query("SELECT * FROM supervision_office WHERE organization_id = :agency AND main")
  Optional<Office> findMain(OrganizationId agency);
}
