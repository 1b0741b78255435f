package org.bridgeway.care.episode;

import java.util.List;
import org.bridgeway.care.ProviderReportId;
import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.supervision.PersonId;
import org.springframework.data.repository.ListCrudRepository;

/** All reports providers posted on treatment episodes. */
public interface ProviderReports extends ListCrudRepository<ProviderReport, ProviderReportId> {

  List<ProviderReport> findByEpisodeIdOrderByReportedOnDescReportedAtDesc(
      TreatmentEpisodeId episode);

  List<ProviderReport> findByPersonIdOrderByReportedOnDescReportedAtDesc(PersonId person);
}
