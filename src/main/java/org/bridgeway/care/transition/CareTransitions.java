package org.bridgeway.care.transition;

import java.time.LocalDate;
import java.util.List;
import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.supervision.PersonId;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** All transitions of care. */
interface CareTransitions extends ListCrudRepository<CareTransition, TransitionId> {

  List<CareTransition> findByPersonIdOrderByRecordedAtDesc(PersonId person);

  List<CareTransition> findByFromEpisodeIdOrToEpisodeId(
      TreatmentEpisodeId from, TreatmentEpisodeId to);

  /** Hand-offs whose overlap is over by the day and whose sending episode is still open. */
  @Query(
      """
      SELECT t.* FROM care_transition t JOIN care_episode e ON e.id = t.from_episode_id
      WHERE t.kind <> 'RELEASE' AND t.overlap_ends_on <= :today AND e.ended_on IS NULL
      ORDER BY t.overlap_ends_on
      """)
  List<CareTransition> handOffsDueBy(LocalDate today);
}
