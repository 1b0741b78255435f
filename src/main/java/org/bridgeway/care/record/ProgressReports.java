package org.bridgeway.care.record;

import java.util.List;
import org.bridgeway.care.ProgressReportId;
import org.bridgeway.care.TreatmentEpisodeId;
import org.bridgeway.supervision.PersonId;
import org.springframework.data.repository.ListCrudRepository;

/** All progress reports. */
public interface ProgressReports extends ListCrudRepository<ProgressReport, ProgressReportId> {

  List<ProgressReport> findByEpisodeIdOrderByPeriodToDescReportedAtDesc(TreatmentEpisodeId episode);

  List<ProgressReport> findByPersonIdOrderByPeriodToDescReportedAtDesc(PersonId person);
}
