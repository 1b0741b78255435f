package org.bridgeway.care.episode;

import java.util.List;
import java.util.Optional;
import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.identity.OrganizationId;
import org.bridgeway.referrals.ReferralId;
import org.bridgeway.supervision.PersonId;
import org.springframework.data.repository.ListCrudRepository;

/** All treatment episodes. */
public interface TreatmentEpisodes
    extends ListCrudRepository<TreatmentEpisode, TreatmentEpisodeId> {

  List<TreatmentEpisode> findByPersonIdOrderByStartedOnDesc(PersonId person);

  List<TreatmentEpisode> findByProviderIdOrderByStartedOnDesc(OrganizationId provider);

  Optional<TreatmentEpisode> findByReferralId(ReferralId referral);

  List<TreatmentEpisode> findByPersonIdAndProviderId(PersonId person, OrganizationId provider);
}
