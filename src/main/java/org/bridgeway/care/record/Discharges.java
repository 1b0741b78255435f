package org.bridgeway.care.record;

import java.util.List;
import java.util.Optional;
import org.bridgeway.care.DischargeId;
import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.supervision.PersonId;
import org.springframework.data.repository.ListCrudRepository;

/** All discharge summaries. */
public interface Discharges extends ListCrudRepository<Discharge, DischargeId> {

  Optional<Discharge> findByEpisodeId(TreatmentEpisodeId episode);

  List<Discharge> findByPersonId(PersonId person);
}
