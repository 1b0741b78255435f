package org.bridgeway.supervision.violation;

import java.util.List;
import org.bridgeway.supervision.CaseId;
import org.bridgeway.supervision.IncentiveId;
import org.springframework.data.repository.ListCrudRepository;

/** All incentives given on supervision cases. */
public interface Incentives extends ListCrudRepository<Incentive, IncentiveId> {

  List<Incentive> findByCaseIdOrderByGivenOnDescRecordedAtDesc(CaseId caseId);
}
