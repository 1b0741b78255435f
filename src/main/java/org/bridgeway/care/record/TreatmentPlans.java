package org.bridgeway.care.record;

import java.util.List;
import java.util.Optional;
import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.care.TreatmentPlanId;
import org.bridgeway.supervision.PersonId;
import org.springframework.data.repository.ListCrudRepository;

/** All revisions of all treatment plans. */
public interface TreatmentPlans extends ListCrudRepository<TreatmentPlan, TreatmentPlanId> {

  /** The plan's revisions, latest first: the first one is the plan. */
  List<TreatmentPlan> findByEpisodeIdOrderByRevisionDesc(TreatmentEpisodeId episode);

  Optional<TreatmentPlan> findFirstByEpisodeIdOrderByRevisionDesc(TreatmentEpisodeId episode);

  List<TreatmentPlan> findByPersonIdOrderByRevisionDesc(PersonId person);
}
