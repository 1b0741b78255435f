package org.bridgeway.care.episode;

import java.util.List;
import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.supervision.PersonId;
import org.springframework.data.repository.ListCrudRepository;

/** All treatment episodes. */
public interface TreatmentEpisodes
    extends ListCrudRepository<TreatmentEpisode, TreatmentEpisodeId> {

  List<TreatmentEpisode> findByPersonIdOrderByStartedOnDesc(PersonId person);

  List<TreatmentEpisode> findByProviderIdOrderByStartedOnDesc(OrganizationId provider);

  List<TreatmentEpisode> findByPersonIdAndProviderId(PersonId person, OrganizationId provider);
}
