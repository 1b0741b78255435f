package org.bridgeway.care.record;

import java.util.List;
import java.util.Optional;
import org.bridgeway.care.DrugTestId;
import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.supervision.PersonId;
import org.springframework.data.repository.ListCrudRepository;

/** All drug and alcohol tests. */
public interface DrugTests extends ListCrudRepository<DrugTest, DrugTestId> {

  List<DrugTest> findByEpisodeIdOrderByCollectedOnDescReportedAtDesc(TreatmentEpisodeId episode);

  List<DrugTest> findByPersonIdOrderByCollectedOnDescReportedAtDesc(PersonId person);

  Optional<DrugTest> findByProviderIdAndExternalId(OrganizationId provider, String externalId);
}
